import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyValue } from '../../shared/label.model.js';

@ObjectType('TopologyNode')
export class TopologyNodeModel {
  @Field({ description: 'Stable id, e.g. svc:<cluster>/<namespace>/<name>' })
  @ApiProperty()
  id!: string;

  @Field({ description: 'Cluster, Namespace, Ingress, Service, Pod or Endpoint' })
  @ApiProperty()
  kind!: string;

  @Field()
  @ApiProperty()
  cluster!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  namespace!: string | null;

  @Field()
  @ApiProperty()
  name!: string;

  @Field({ description: 'OK, WARNING, ERROR, or MISSING (referenced but absent)' })
  @ApiProperty()
  status!: string;

  @Field(() => [KeyValue], { description: 'Facts for display: service type, pod IP, hosts…' })
  @ApiProperty({ type: [KeyValue] })
  data!: KeyValue[];
}

@ObjectType('TopologyEdge')
export class TopologyEdgeModel {
  @Field()
  @ApiProperty()
  id!: string;

  @Field()
  @ApiProperty()
  source!: string;

  @Field()
  @ApiProperty()
  target!: string;

  @Field({ description: 'CONTAINS, ROUTES, ENDPOINT or SELECTS' })
  @ApiProperty()
  kind!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  label!: string | null;

  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  ready!: boolean | null;
}

@ObjectType('Topology')
export class TopologyModel {
  @Field(() => [TopologyNodeModel])
  @ApiProperty({ type: [TopologyNodeModel] })
  nodes!: TopologyNodeModel[];

  @Field(() => [TopologyEdgeModel])
  @ApiProperty({ type: [TopologyEdgeModel] })
  edges!: TopologyEdgeModel[];
}

@InputType()
export class ServiceRefInput {
  @Field()
  cluster!: string;

  @Field()
  namespace!: string;

  @Field()
  name!: string;
}
