import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { filter, map } from 'rxjs';
import type { CatalogChange } from '../../change-feed/catalog-change.js';
import { ChangeFeed } from '../../change-feed/change-feed.service.js';
import { type Scope, scopeCoversNamed, scopeTouchesClusterNamed } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CatalogChangeFilter, CatalogChangeModel, ClusterStatusChangeModel } from './catalog-change.model.js';
import { asRelists, latestStatuses, subscriberQueue } from './subscriber-queue.js';

function matches(c: CatalogChange, f: CatalogChangeFilter | undefined): CatalogChange | null {
  if (!f) return c;
  if (f.clusters?.length && !f.clusters.includes(c.cluster)) return null;
  if (f.kinds?.length && !f.kinds.includes(c.kind)) return null;
  if (f.namespaces?.length && c.kind !== 'NAMESPACE' && c.kind !== 'NODE' && c.op !== 'RELIST') {
    const objects = c.objects.filter((o) => f.namespaces!.includes(o.split('/')[0]!));
    return objects.length ? { ...c, objects } : null;
  }
  return c;
}

/** Only what the subscriber may read: namespaced objects by grant, cluster-level kinds by cluster. */
function visible(c: CatalogChange, scope: Scope): CatalogChange | null {
  if (scope.all) return c;
  if (!scopeTouchesClusterNamed(scope, c.cluster)) return null;
  if (c.kind === 'NODE' || c.op === 'RELIST') return c;
  const objects = c.objects.filter((o) => scopeCoversNamed(scope, c.cluster, c.kind === 'NAMESPACE' ? o.split('/').pop()! : o.split('/')[0]!));
  return objects.length ? { ...c, objects } : null;
}

@Resolver()
export class CatalogSubscriptionsResolver {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly access: AccessPolicy,
  ) {}

  @Subscription(() => CatalogChangeModel, { description: 'Catalog changes as they commit, from any replica (graphql-ws)', resolve: (v: CatalogChangeModel) => v })
  catalogChanged(@CurrentCaller() caller: Caller, @Args('filter', { type: () => CatalogChangeFilter, nullable: true }) f: CatalogChangeFilter | undefined): AsyncIterableIterator<CatalogChangeModel> {
    const scope = this.access.readScope(caller);
    const changes = this.feed.changes$.pipe(
      map((c) => visible(c, scope)),
      filter((c): c is CatalogChange => c !== null),
      map((c) => matches(c, f)),
      filter((c): c is CatalogChange => c !== null),
      map((c) => ({ ...c, at: new Date(c.at) })),
    );
    return subscriberQueue(changes, asRelists);
  }

  @Subscription(() => ClusterStatusChangeModel, { description: 'Sync state transitions of every cluster × kind', resolve: (v: ClusterStatusChangeModel) => v })
  clusterStatusChanged(@CurrentCaller() caller: Caller, @Args('clusters', { type: () => [String], nullable: true }) clusters: string[] | undefined): AsyncIterableIterator<ClusterStatusChangeModel> {
    const scope = this.access.readScope(caller);
    const changes = this.feed.clusterStatus$.pipe(
      filter((c) => scopeTouchesClusterNamed(scope, c.cluster) && (!clusters?.length || clusters.includes(c.cluster))),
      map((c) => ({ ...c, at: new Date(c.at) })),
    );
    return subscriberQueue(changes, latestStatuses);
  }
}
