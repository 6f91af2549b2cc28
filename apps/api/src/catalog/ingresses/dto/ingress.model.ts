import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiEnum } from '../../../graphql/closed-set.js';
import { AccessUrl } from '../../shared/access-url.model.js';
import { type PathType, PathTypeSet } from '../../shared/kube-enums.js';
import { Diagnostic } from '../../shared/diagnostic.model.js';
import { KeyValue } from '../../shared/label.model.js';
import { NodeInterface } from '../../node/node.interface.js';
import { LoadBalancerIngressModel } from '../../services/dto/service.model.js';

@ObjectType({ description: 'Where a path sends requests, and whether that target exists in the catalog' })
export class IngressBackendModel {
  @Field(() => String, { nullable: true, description: 'Backend service name' })
  @ApiPropertyOptional({ type: String, nullable: true })
  service!: string | null;

  @Field(() => String, { nullable: true, description: 'Service port, as a number or a name' })
  @ApiPropertyOptional({ type: String, nullable: true })
  port!: string | null;

  @Field(() => String, { nullable: true, description: 'Kind/name of a non-service (resource) backend' })
  @ApiPropertyOptional({ type: String, nullable: true })
  resource!: string | null;

  @Field({ description: 'The backend service exists in the same cluster and namespace' })
  @ApiProperty()
  serviceFound!: boolean;

  @Field({ description: 'The backend service exists and has the referenced port' })
  @ApiProperty()
  portFound!: boolean;
}

@ObjectType('IngressPath', { description: 'One rule × path of an ingress' })
export class IngressPathModel {
  @Field(() => String, { nullable: true, description: 'null: any host (the ingress address)' })
  @ApiPropertyOptional({ type: String, nullable: true })
  host!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  path!: string | null;

  @Field(() => PathTypeSet, { nullable: true })
  @ApiPropertyOptional({ ...apiEnum(PathTypeSet), nullable: true })
  pathType!: PathType | null;

  @Field(() => IngressBackendModel)
  @ApiProperty({ type: IngressBackendModel })
  backend!: IngressBackendModel;
}

@ObjectType('IngressTls')
export class IngressTlsModel {
  @Field(() => [String])
  @ApiProperty({ type: [String] })
  hosts!: string[];

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  secretName!: string | null;
}

@ObjectType('IngressUrl', { description: 'A URL an ingress serves and the backend it routes to' })
export class IngressUrlModel extends AccessUrl {
  @Field({ description: 'The path part of the rule' })
  @ApiProperty()
  path!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  backendService!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  backendPort!: string | null;
}

@ObjectType('Ingress', { description: 'A networking.k8s.io/v1 Ingress in one cluster', implements: () => [NodeInterface] })
export class IngressModel implements NodeInterface {
  @Field(() => ID)
  @ApiProperty()
  id!: string;

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

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  ingressClassName!: string | null;

  @Field(() => [IngressTlsModel])
  @ApiProperty({ type: [IngressTlsModel] })
  tls!: IngressTlsModel[];

  @Field(() => [LoadBalancerIngressModel])
  @ApiProperty({ type: [LoadBalancerIngressModel] })
  loadBalancerIngress!: LoadBalancerIngressModel[];

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  labels!: KeyValue[];

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  annotations!: KeyValue[];

  @Field()
  @ApiProperty()
  createdAt!: Date;

  @Field(() => Int, { description: 'Rule × path count' })
  @ApiProperty()
  pathCount!: number;

  @ApiPropertyOptional({ type: [IngressPathModel] })
  paths?: IngressPathModel[];

  @ApiPropertyOptional({ type: [IngressUrlModel] })
  accessUrls?: IngressUrlModel[];

  @ApiPropertyOptional({ type: [Diagnostic] })
  diagnostics?: Diagnostic[];

  @ApiPropertyOptional({ description: 'Detail only: the mirrored object as Kubernetes YAML' })
  manifest?: string;
}
