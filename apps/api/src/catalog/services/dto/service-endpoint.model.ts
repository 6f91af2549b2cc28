import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiEnum } from '../../../graphql/closed-set.js';
import { type Protocol, ProtocolSet } from '../../shared/kube-enums.js';

@ObjectType('EndpointPort', { description: 'A port an EndpointSlice publishes: the pod port a service port resolves to' })
export class EndpointPortModel {
  @Field({ description: 'The service port name it belongs to ("" for an unnamed port)' })
  @ApiProperty()
  name!: string;

  @Field(() => Int, { nullable: true, description: 'null: a named target port no selected pod declares' })
  @ApiPropertyOptional({ type: Number, nullable: true })
  port!: number | null;

  @Field(() => ProtocolSet)
  @ApiProperty(apiEnum(ProtocolSet))
  protocol!: Protocol;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  appProtocol!: string | null;
}

@ObjectType('ServiceEndpoint', { description: 'One address behind a service, from its EndpointSlices' })
export class ServiceEndpointModel {
  @Field({ description: 'The endpoint IP (its first address)' })
  @ApiProperty()
  address!: string;

  @Field({ description: 'Receives traffic through the service' })
  @ApiProperty()
  ready!: boolean;

  @Field({ description: 'Passing readiness, even while terminating' })
  @ApiProperty()
  serving!: boolean;

  @Field({ description: 'Its pod is shutting down' })
  @ApiProperty()
  terminating!: boolean;

  @Field(() => String, { nullable: true, description: 'The pod behind the endpoint (targetRef); null for endpoints that name no pod' })
  @ApiPropertyOptional({ type: String, nullable: true })
  pod!: string | null;

  @Field(() => String, { nullable: true, description: 'Per-pod DNS label (headless services)' })
  @ApiPropertyOptional({ type: String, nullable: true })
  hostname!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  node!: string | null;

  @Field(() => String, { nullable: true, description: 'topology.kubernetes.io/zone of its node' })
  @ApiPropertyOptional({ type: String, nullable: true })
  zone!: string | null;

  @Field(() => [EndpointPortModel])
  @ApiProperty({ type: [EndpointPortModel] })
  ports!: EndpointPortModel[];

  @Field({ description: 'The EndpointSlice that lists it' })
  @ApiProperty()
  slice!: string;
}

@ObjectType('PodWithoutEndpoint', { description: 'A pod the service selects that no EndpointSlice lists, and why' })
export class PodWithoutEndpointModel {
  @Field()
  @ApiProperty()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Pod IP; null until assigned' })
  @ApiPropertyOptional({ type: String, nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'status.phase: Pending, Running, Succeeded, Failed, Unknown' })
  @ApiPropertyOptional({ type: String, nullable: true })
  phase!: string | null;

  @Field()
  @ApiProperty()
  ready!: boolean;

  @Field()
  @ApiProperty()
  terminating!: boolean;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  node!: string | null;

  @Field(() => String, { nullable: true, description: 'topology.kubernetes.io/zone of its node' })
  @ApiPropertyOptional({ type: String, nullable: true })
  zone!: string | null;

  @Field({ description: 'Why it is not an endpoint' })
  @ApiProperty()
  reason!: string;
}
