import { Field, Int, ObjectType } from '@nestjs/graphql';
import { POLICY_TYPES, type PolicyType } from '@switchboard/k8s-model';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiEnum, closedSet } from '../../../graphql/closed-set.js';
import { type Protocol, ProtocolSet } from '../../shared/kube-enums.js';
import { KeyValue } from '../../shared/label.model.js';
import { LabelSelectorModel } from './label-selector.model.js';

export const PolicyTypeSet = closedSet<PolicyType>('PolicyType', POLICY_TYPES, 'The direction a NetworkPolicy isolates the pods it selects in');

@ObjectType('NetworkPolicyPort', { description: 'A port (or range) a rule allows; neither port nor portName: every port of the protocol' })
export class NetworkPolicyPortModel {
  @Field(() => ProtocolSet)
  @ApiProperty(apiEnum(ProtocolSet))
  protocol!: Protocol;

  @Field(() => Int, { nullable: true, description: 'A port number (the start of the range with endPort)' })
  @ApiPropertyOptional({ type: Number, nullable: true })
  port!: number | null;

  @Field(() => String, { nullable: true, description: 'A named container port, resolved per destination pod' })
  @ApiPropertyOptional({ type: String, nullable: true })
  portName!: string | null;

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: Number, nullable: true })
  endPort!: number | null;
}

@ObjectType('IpBlock')
export class IpBlockModel {
  @Field()
  @ApiProperty()
  cidr!: string;

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  except!: string[];
}

@ObjectType('NetworkPolicyPeer', { description: 'podSelector and namespaceSelector together select pods in the selected namespaces; podSelector alone, pods of the policy namespace' })
export class NetworkPolicyPeerModel {
  @Field(() => LabelSelectorModel, { nullable: true })
  @ApiPropertyOptional({ type: LabelSelectorModel, nullable: true })
  podSelector!: LabelSelectorModel | null;

  @Field(() => LabelSelectorModel, { nullable: true })
  @ApiPropertyOptional({ type: LabelSelectorModel, nullable: true })
  namespaceSelector!: LabelSelectorModel | null;

  @Field(() => IpBlockModel, { nullable: true })
  @ApiPropertyOptional({ type: IpBlockModel, nullable: true })
  ipBlock!: IpBlockModel | null;
}

@ObjectType('NetworkPolicyRule', { description: 'One ingress (from) or egress (to) rule' })
export class NetworkPolicyRuleModel {
  @Field(() => [NetworkPolicyPortModel], { nullable: true, description: 'null: the rule has no ports (every port)' })
  @ApiPropertyOptional({ type: [NetworkPolicyPortModel], nullable: true })
  ports!: NetworkPolicyPortModel[] | null;

  @Field(() => [NetworkPolicyPeerModel], { nullable: true, description: 'from (ingress) or to (egress); null: missing (every peer)' })
  @ApiPropertyOptional({ type: [NetworkPolicyPeerModel], nullable: true })
  peers!: NetworkPolicyPeerModel[] | null;
}

@ObjectType('NetworkPolicy', { description: 'A networking.k8s.io/v1 NetworkPolicy of one cluster, its spec normalised' })
export class NetworkPolicyModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field()
  @ApiProperty()
  uid!: string;

  @Field(() => LabelSelectorModel, { description: 'The pods of the namespace the policy applies to' })
  @ApiProperty({ type: LabelSelectorModel })
  podSelector!: LabelSelectorModel;

  @Field(() => [PolicyTypeSet], { description: 'As the API server defaults them: Ingress, plus Egress when there are egress rules' })
  @ApiProperty({ ...apiEnum(PolicyTypeSet), isArray: true })
  policyTypes!: PolicyType[];

  @Field(() => [NetworkPolicyRuleModel])
  @ApiProperty({ type: [NetworkPolicyRuleModel] })
  ingress!: NetworkPolicyRuleModel[];

  @Field(() => [NetworkPolicyRuleModel])
  @ApiProperty({ type: [NetworkPolicyRuleModel] })
  egress!: NetworkPolicyRuleModel[];

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  labels!: KeyValue[];

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  annotations!: KeyValue[];

  @Field({ description: 'When Kubernetes created it (ISO 8601)' })
  @ApiProperty()
  createdAt!: string;
}
