import { Injectable } from '@nestjs/common';
import type { EndpointSliceRecord, IngressRecord, NodeRecord, PodRecord } from '@switchboard/k8s-model';
import DataLoader from 'dataloader';
import { type HostPathClaim, keyOf, type ObjectKey, RelatedObjectsRepository, type ServiceShape, type WithCluster } from './related-objects.repository.js';

/** Per-request batching: a page of N services costs one query per kind, not N. */
export class RelatedLoaders {
  readonly nodes: DataLoader<string, NodeRecord[]>;
  readonly slices: DataLoader<ObjectKey, EndpointSliceRecord[], string>;
  readonly ingresses: DataLoader<ObjectKey, (IngressRecord & { id: string; clusterId: string })[], string>;
  /** Type and ports of a service, or null when no such service is mirrored. */
  readonly servicePorts: DataLoader<ObjectKey, ServiceShape | null, string>;
  readonly selectedPods: DataLoader<ObjectKey & { selector: Record<string, string> }, PodRecord[], string>;
  /** Keyed by lower-cased host + path ("/" when empty). */
  readonly hostPathClaims: DataLoader<{ host: string; path: string | null }, HostPathClaim[], string>;

  constructor(repo: RelatedObjectsRepository) {
    this.nodes = new DataLoader(async (clusterIds) => {
      const rows = await repo.nodesByCluster(clusterIds);
      return clusterIds.map((id) => rows.filter((r) => r.clusterId === id));
    });
    this.slices = new DataLoader(async (keys) => group<EndpointSliceRecord>(keys, await repo.slicesByService(keys), (s) => s.serviceName), { cacheKeyFn: keyOf });
    this.ingresses = new DataLoader(
      async (keys) => {
        const rows = await repo.ingressesRoutingTo(keys);
        return keys.map((k) => rows.filter((i) => i.clusterId === k.clusterId && i.namespace === k.namespace && i.rules.some((r) => r.backendService === k.name)));
      },
      { cacheKeyFn: keyOf },
    );
    this.servicePorts = new DataLoader(
      async (keys) => {
        const found = new Map((await repo.servicePorts(keys)).map((r) => [keyOf(r), { type: r.type, ports: r.ports }]));
        return keys.map((k) => found.get(keyOf(k)) ?? null);
      },
      { cacheKeyFn: keyOf },
    );
    this.selectedPods = new DataLoader<ObjectKey & { selector: Record<string, string> }, PodRecord[], string>(
      async (keys) => {
        const rows = await repo.podsSelected(keys);
        return keys.map((k) => rows.filter((r) => r.key === keyOf(k)));
      },
      { cacheKeyFn: keyOf },
    );
    const pairKey = (p: { host: string; path: string | null }) => `${p.host.toLowerCase()}${p.path || '/'}`;
    this.hostPathClaims = new DataLoader(
      async (pairs) => {
        const rows = await repo.hostPathClaims(pairs);
        return pairs.map((p) => rows.filter((r) => pairKey(r) === pairKey(p)));
      },
      { cacheKeyFn: pairKey },
    );
  }
}

function group<T extends { namespace: string }>(
  keys: readonly ObjectKey[],
  rows: WithCluster<T>[],
  nameOf: (row: T) => string | null,
): T[][] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf({ clusterId: row.clusterId, namespace: row.namespace, name: nameOf(row) ?? '' });
    byKey.set(k, [...(byKey.get(k) ?? []), row]);
  }
  return keys.map((k) => byKey.get(keyOf(k)) ?? []);
}

const LOADERS = Symbol('relatedLoaders');

/** Hands out one RelatedLoaders per request (GraphQL context or REST request object). */
@Injectable()
export class RelatedLoadersFactory {
  constructor(private readonly repo: RelatedObjectsRepository) {}

  for(holder: object): RelatedLoaders {
    const h = holder as { [LOADERS]?: RelatedLoaders };
    h[LOADERS] ??= new RelatedLoaders(this.repo);
    return h[LOADERS];
  }
}
