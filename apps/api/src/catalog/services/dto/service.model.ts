import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiEnum } from '../../../graphql/closed-set.js';
import { AccessUrl } from '../../shared/access-url.model.js';
import { type Protocol, ProtocolSet } from '../../shared/kube-enums.js';
import { Diagnostic } from '../../shared/diagnostic.model.js';
import { KeyValue } from '../../shared/label.model.js';
import { NodeInterface } from '../../node/node.interface.js';
import { PodWithoutEndpointModel, ServiceEndpointModel } from './service-endpoint.model.js';

export enum ServiceTypeEnum {
  ClusterIP = 'ClusterIP',
  NodePort = 'NodePort',
  LoadBalancer = 'LoadBalancer',
  ExternalName = 'ExternalName',
}
registerEnumType(ServiceTypeEnum, { name: 'ServiceType' });

@ObjectType()
export class ServicePortModel {
  @Field({ description: 'Port name ("" when the only port is unnamed)' })
  @ApiProperty()
  name!: string;

  @Field(() => ProtocolSet)
  @ApiProperty(apiEnum(ProtocolSet))
  protocol!: Protocol;

  @Field(() => Int)
  @ApiProperty()
  port!: number;

  @Field({ description: 'A number or a container port name' })
  @ApiProperty()
  targetPort!: string;

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: Number, nullable: true })
  nodePort!: number | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  appProtocol!: string | null;
}

@ObjectType()
export class LoadBalancerIngressModel {
  @Field({ nullable: true })
  @ApiPropertyOptional()
  ip?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  hostname?: string;
}

@ObjectType()
export class EndpointCounts {
  @Field(() => Int)
  @ApiProperty()
  ready!: number;

  @Field(() => Int)
  @ApiProperty()
  total!: number;
}

@ObjectType('Service', { description: 'A Kubernetes Service in one cluster, as mirrored by the catalog', implements: () => [NodeInterface] })
export class ServiceModel implements NodeInterface {
  @Field(() => ID, { description: 'Global id, usable with node(id)' })
  @ApiProperty()
  id!: string;

  @Field({ description: 'Cluster name' })
  @ApiProperty()
  cluster!: string;

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field({ description: 'Kubernetes uid' })
  @ApiProperty()
  uid!: string;

  @Field(() => ServiceTypeEnum)
  @ApiProperty({ enum: ServiceTypeEnum })
  type!: ServiceTypeEnum;

  @Field({ description: 'clusterIP: None' })
  @ApiProperty()
  headless!: boolean;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  clusterIP!: string | null;

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  clusterIPs!: string[];

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  externalIPs!: string[];

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  externalName!: string | null;

  @Field(() => [KeyValue], { nullable: true, description: 'null when the service has no selector' })
  @ApiPropertyOptional({ type: [KeyValue], nullable: true })
  selector!: KeyValue[] | null;

  @Field(() => [ServicePortModel])
  @ApiProperty({ type: [ServicePortModel] })
  ports!: ServicePortModel[];

  @Field(() => [LoadBalancerIngressModel], { description: 'Assigned load-balancer addresses; empty while pending' })
  @ApiProperty({ type: [LoadBalancerIngressModel] })
  loadBalancerIngress!: LoadBalancerIngressModel[];

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  labels!: KeyValue[];

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  annotations!: KeyValue[];

  @Field(() => EndpointCounts)
  @ApiProperty({ type: EndpointCounts })
  endpointCounts!: EndpointCounts;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  sessionAffinity!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  externalTrafficPolicy!: string | null;

  @Field()
  @ApiProperty()
  resourceVersion!: string;

  @Field({ description: 'metadata.creationTimestamp' })
  @ApiProperty()
  createdAt!: Date;

  @Field({ description: 'When the catalog last wrote this row' })
  @ApiProperty()
  syncedAt!: Date;

  // Resolved fields (GraphQL field resolvers; REST fills them for the detail route).
  @ApiPropertyOptional({ type: [AccessUrl] })
  accessUrls?: AccessUrl[];

  @ApiPropertyOptional({ type: [Diagnostic] })
  diagnostics?: Diagnostic[];

  @ApiPropertyOptional({ type: AccessUrl, nullable: true, description: 'The widest-reaching URL that works now' })
  primaryAccessUrl?: AccessUrl | null;

  @ApiPropertyOptional({ enum: ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN'], enumName: 'Health' })
  health?: string;

  // The detail route only (GET /clusters/{c}/namespaces/{ns}/services/{name}).
  @ApiPropertyOptional({ type: [ServiceEndpointModel], description: 'Detail only: every endpoint of its EndpointSlices' })
  endpoints?: ServiceEndpointModel[];

  @ApiPropertyOptional({ type: [PodWithoutEndpointModel], description: 'Detail only: selected pods no EndpointSlice lists, with the reason' })
  podsWithoutEndpoint?: PodWithoutEndpointModel[];

  @ApiPropertyOptional({ description: 'Detail only: the mirrored object as Kubernetes YAML' })
  manifest?: string;
}
