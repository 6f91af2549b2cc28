import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { filter, map, type Observable } from 'rxjs';
import type { CatalogChange } from '../../change-feed/catalog-change.js';
import { ChangeFeed } from '../../change-feed/change-feed.service.js';
import { CatalogChangeFilter, CatalogChangeModel, ClusterStatusChangeModel } from './catalog-change.model.js';

/** Turns an observable into the async iterator GraphQL subscriptions consume. */
function iterate<T>(source: Observable<T>): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const sub = source.subscribe({
    next: (v) => {
      queue.push(v);
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
  });
  const it: AsyncIterableIterator<T> = {
    async next() {
      while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
      if (queue.length) return { value: queue.shift()!, done: false };
      return { value: undefined, done: true };
    },
    async return() {
      sub.unsubscribe();
      done = true;
      wake?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

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

@Resolver()
export class CatalogSubscriptionsResolver {
  constructor(private readonly feed: ChangeFeed) {}

  @Subscription(() => CatalogChangeModel, { description: 'Catalog changes as they commit, from any replica (graphql-ws)', resolve: (v: CatalogChangeModel) => v })
  catalogChanged(@Args('filter', { type: () => CatalogChangeFilter, nullable: true }) f: CatalogChangeFilter | undefined): AsyncIterableIterator<CatalogChangeModel> {
    return iterate(
      this.feed.changes$.pipe(
        map((c) => matches(c, f)),
        filter((c): c is CatalogChange => c !== null),
        map((c) => ({ ...c, at: new Date(c.at) })),
      ),
    );
  }

  @Subscription(() => ClusterStatusChangeModel, { description: 'Sync state transitions of every cluster × kind', resolve: (v: ClusterStatusChangeModel) => v })
  clusterStatusChanged(@Args('clusters', { type: () => [String], nullable: true }) clusters: string[] | undefined): AsyncIterableIterator<ClusterStatusChangeModel> {
    return iterate(
      this.feed.clusterStatus$.pipe(
        filter((c) => !clusters?.length || clusters.includes(c.cluster)),
        map((c) => ({ ...c, at: new Date(c.at) })),
      ),
    );
  }
}
