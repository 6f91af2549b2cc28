import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOPOLOGY_EDGE_KINDS, TOPOLOGY_NODE_KINDS, TOPOLOGY_STATUSES, type TopologyEdgeKind, type TopologyNodeKind, type TopologyStatus } from '@switchboard/k8s-model';
import { apiEnum, closedSet } from '../../../graphql/closed-set.js';
import { KeyValue } from '../../shared/label.model.js';

export const TopologyNodeKindSet = closedSet<TopologyNodeKind>('TopologyNodeKind', TOPOLOGY_NODE_KINDS);
export const TopologyNodeStatusSet = closedSet<TopologyStatus>('TopologyNodeStatus', TOPOLOGY_STATUSES, 'OK, WARNING, ERROR, or MISSING (referenced but absent)');
export const TopologyEdgeKindSet = closedSet<TopologyEdgeKind>(
  'TopologyEdgeKind',
  TOPOLOGY_EDGE_KINDS,
  'CONTAINS (cluster → namespace → object), ROUTES (ingress → service), ENDPOINT (service → ready or not-ready endpoint), SELECTS (service → matching pod that is not an endpoint)',
);

@ObjectType('TopologyNode')
export class TopologyNodeModel {
  @Field({ description: 'Stable id, e.g. svc:<cluster>/<namespace>/<name>' })
  @ApiProperty()
  id!: string;

  @Field(() => TopologyNodeKindSet)
  @ApiProperty(apiEnum(TopologyNodeKindSet))
  kind!: TopologyNodeKind;

  @Field()
  @ApiProperty()
  cluster!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  namespace!: string | null;

  @Field()
  @ApiProperty()
  name!: string;

  @Field(() => TopologyNodeStatusSet)
  @ApiProperty(apiEnum(TopologyNodeStatusSet))
  status!: TopologyStatus;

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

  @Field(() => TopologyEdgeKindSet)
  @ApiProperty(apiEnum(TopologyEdgeKindSet))
  kind!: TopologyEdgeKind;

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
