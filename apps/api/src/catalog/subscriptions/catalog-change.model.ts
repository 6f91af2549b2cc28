import { Field, InputType, ObjectType } from '@nestjs/graphql';
import type { ResourceKind, SyncStatus } from '@switchboard/k8s-model';
import type { CatalogChange } from '../../change-feed/catalog-change.js';
import { ResourceKindSet, SyncStatusSet } from '../../clusters/dto/cluster-enums.js';
import { closedSet } from '../../graphql/closed-set.js';

type ChangeOp = CatalogChange['op'];
export const CatalogChangeOpSet = closedSet<ChangeOp>('CatalogChangeOp', ['UPSERT', 'DELETE', 'RELIST'], 'UPSERT and DELETE name the objects; RELIST: anything of the kind may have changed');

@ObjectType('CatalogChange', { description: 'What one committed sync batch changed' })
export class CatalogChangeModel {
  @Field()
  cluster!: string;

  @Field(() => ResourceKindSet)
  kind!: ResourceKind;

  @Field(() => CatalogChangeOpSet)
  op!: ChangeOp;

  @Field(() => [String], { description: '"namespace/name" (or "name" for cluster-scoped kinds)' })
  objects!: string[];

  @Field()
  at!: Date;
}

@ObjectType('ClusterStatusChange')
export class ClusterStatusChangeModel {
  @Field()
  cluster!: string;

  @Field(() => ResourceKindSet, { nullable: true, description: 'null: the cluster as a whole (paused, resumed, removed)' })
  kind!: ResourceKind | null;

  @Field(() => SyncStatusSet)
  status!: SyncStatus;

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
