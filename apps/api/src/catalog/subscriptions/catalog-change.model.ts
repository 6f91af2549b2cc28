import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('CatalogChange', { description: 'What one committed sync batch changed' })
export class CatalogChangeModel {
  @Field()
  cluster!: string;

  @Field({ description: 'NAMESPACE, NODE, POD, SERVICE, ENDPOINT_SLICE or INGRESS' })
  kind!: string;

  @Field({ description: 'UPSERT, DELETE, or RELIST (anything of the kind may have changed: read it again; also what a subscriber too far behind gets instead of its backlog)' })
  op!: string;

  @Field(() => [String], { description: '"namespace/name" (or "name" for cluster-scoped kinds)' })
  objects!: string[];

  @Field()
  at!: Date;
}

@ObjectType('ClusterStatusChange', { description: 'A sync state transition of one cluster × kind, or of the whole cluster' })
export class ClusterStatusChangeModel {
  @Field()
  cluster!: string;

  @Field(() => String, { nullable: true, description: 'The kind whose sync changed state; null for the whole cluster (paused, resumed, removed)' })
  kind!: string | null;

  @Field({ description: 'PENDING, SYNCING, READY, DEGRADED, ERROR or PAUSED; REMOVED when the cluster was removed' })
  status!: string;

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

  @Field(() => [String], { nullable: true })
  kinds?: string[];
}
