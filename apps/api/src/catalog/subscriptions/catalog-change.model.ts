import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { type ResourceKind, SYNC_STATUSES } from '@switchboard/k8s-model';
import type { CatalogChange, ClusterState } from '../../change-feed/catalog-change.js';
import { ResourceKindSet } from '../../clusters/dto/cluster-enums.js';
import { closedSet } from '../../graphql/closed-set.js';

type ChangeOp = CatalogChange['op'];
export const ClusterStateSet = closedSet<ClusterState>('ClusterState', [...SYNC_STATUSES, 'REMOVED'], 'A sync state, or REMOVED once the cluster was removed');
export const CatalogChangeOpSet = closedSet<ChangeOp>('CatalogChangeOp', ['UPSERT', 'DELETE', 'RELIST'], 'UPSERT and DELETE name the objects; RELIST: anything of the kind may have changed');

@ObjectType('CatalogChange', { description: 'What one committed sync batch changed' })
export class CatalogChangeModel {
  @Field()
  cluster!: string;

  @Field(() => ResourceKindSet)
  kind!: ResourceKind;

  @Field(() => CatalogChangeOpSet, { description: 'RELIST is also what a subscriber too far behind gets instead of its backlog: read the kind again' })
  op!: ChangeOp;

  @Field(() => [String], { description: '"namespace/name" (or "name" for cluster-scoped kinds)' })
  objects!: string[];

  @Field()
  at!: Date;
}

@ObjectType('ClusterStatusChange', { description: 'A sync state transition of one cluster × kind, or of the whole cluster' })
export class ClusterStatusChangeModel {
  @Field()
  cluster!: string;

  @Field(() => ResourceKindSet, { nullable: true, description: 'The kind whose sync changed state; null for the whole cluster (paused, resumed, removed)' })
  kind!: ResourceKind | null;

  @Field(() => ClusterStateSet)
  status!: ClusterState;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field()
  at!: Date;
}

@InputType()
export class CatalogChangeFilter {
  @Field(() => [String], { nullable: true })
  clusters?: string[];

  @Field(() => [String], { nullable: true, description: 'Changes touching these namespaces (cluster-scoped kinds always pass)' })
  namespaces?: string[];

  @Field(() => [ResourceKindSet], { nullable: true })
  kinds?: ResourceKind[];
}
