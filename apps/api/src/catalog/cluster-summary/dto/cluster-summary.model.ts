import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_KIND_LABELS, type ServiceKindLabel } from '@switchboard/k8s-model';
import { apiEnum, closedSet } from '../../../graphql/closed-set.js';
import { EndpointCounts } from '../../services/dto/service.model.js';
import { SeverityCounts } from '../../diagnostics/dto/diagnostic-page.model.js';

export const ServiceKindSet = closedSet<ServiceKindLabel>('ServiceKind', SERVICE_KIND_LABELS, 'A service type as readers tell them apart: headless ClusterIP services are their own kind');

@ObjectType('ServiceKindCount')
export class ServiceKindCount {
  @Field(() => ServiceKindSet) @ApiProperty(apiEnum(ServiceKindSet)) kind!: ServiceKindLabel;
  @Field(() => Int) @ApiProperty() count!: number;
}

@ObjectType('NodeCounts')
export class NodeCounts {
  @Field(() => Int) @ApiProperty() ready!: number;
  @Field(() => Int) @ApiProperty() total!: number;
}

@ObjectType('ClusterSummary', { description: 'What the catalog holds of one cluster, within what the caller may read' })
export class ClusterSummaryModel {
  @Field(() => Int) @ApiProperty() namespaces!: number;
  @Field(() => NodeCounts) @ApiProperty({ type: NodeCounts }) nodes!: NodeCounts;
  @Field(() => Int) @ApiProperty() pods!: number;
  @Field(() => Int) @ApiProperty() services!: number;
  @Field(() => [ServiceKindCount], { description: 'Services per kind, every kind listed (0 when none)' }) @ApiProperty({ type: [ServiceKindCount] }) servicesByKind!: ServiceKindCount[];
  @Field(() => Int) @ApiProperty() ingresses!: number;
  @Field(() => EndpointCounts, { description: 'Endpoints of all services: ready and all' }) @ApiProperty({ type: EndpointCounts }) endpoints!: EndpointCounts;
  @Field(() => SeverityCounts, { description: 'Findings about its services and ingresses' }) @ApiProperty({ type: SeverityCounts }) diagnostics!: SeverityCounts;
}
