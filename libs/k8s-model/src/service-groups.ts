import type { ServiceRecord, ServiceType } from './catalog-types.js';
import type { AccessUrl } from './access-urls/types.js';
import { serviceContexts } from './diagnostics/cluster-index.js';
import { diagnoseService, readyEndpointCount } from './diagnostics/service-checks.js';
import type { ClusterSnapshot, Diagnostic, DiagnosticsOptions } from './diagnostics/types.js';

export type Health = 'HEALTHY' | 'DEGRADED' | 'UNHEALTHY' | 'UNKNOWN';

export interface ServiceGroupMemberInput {
  cluster: string;
  service: ServiceRecord;
  /** Ready/total endpoints; omit when unknown. */
  endpoints?: { ready: number; total: number };
  diagnostics?: Diagnostic[];
  accessUrls?: AccessUrl[];
}

export interface ServiceGroupMember extends ServiceGroupMemberInput {
  health: Health;
}

/** Same namespace + name across clusters (MCS namespace sameness) as one catalog entry. */
export interface ServiceGroup {
  /** `group:<namespace>/<name>` */
  id: string;
  namespace: string;
  name: string;
  /** Ordered by cluster name. */
  members: ServiceGroupMember[];
  clusters: string[];
  types: ServiceType[];
  /** false when members differ in type or in their (port, protocol) sets. */
  consistent: boolean;
  health: Health;
  readyEndpoints: number;
  totalEndpoints: number;
}

const RANK: Record<Health, number> = { HEALTHY: 0, UNKNOWN: 1, DEGRADED: 2, UNHEALTHY: 3 };
const worst = (a: Health, b: Health): Health => (RANK[a] >= RANK[b] ? a : b);

/**
 * One member's health: the worst of its findings (ERROR → unhealthy, WARNING →
 * degraded) and its endpoints (none ready → unhealthy, some not ready → degraded).
 * Services without a selector are judged by findings only.
 */
export function memberHealth(m: ServiceGroupMemberInput): Health {
  if (m.endpoints === undefined && m.diagnostics === undefined) return 'UNKNOWN';
  let h: Health = 'HEALTHY';
  for (const d of m.diagnostics ?? []) h = worst(h, d.severity === 'ERROR' ? 'UNHEALTHY' : d.severity === 'WARNING' ? 'DEGRADED' : 'HEALTHY');
  if (m.endpoints && m.service.selector && m.service.type !== 'ExternalName') {
    if (m.endpoints.ready === 0) h = worst(h, 'UNHEALTHY');
    else if (m.endpoints.ready < m.endpoints.total) h = worst(h, 'DEGRADED');
  }
  return h;
}

/** All members healthy → HEALTHY, all unhealthy → UNHEALTHY, otherwise DEGRADED. */
export function groupHealth(healths: Health[]): Health {
  const known = healths.filter((h) => h !== 'UNKNOWN');
  if (known.length === 0) return 'UNKNOWN';
  if (known.every((h) => h === 'HEALTHY')) return 'HEALTHY';
  if (known.every((h) => h === 'UNHEALTHY')) return 'UNHEALTHY';
  return 'DEGRADED';
}

const portSignature = (s: ServiceRecord) =>
  s.ports
    .map((p) => `${p.protocol}/${p.port}`)
    .sort()
    .join(',');

/**
 * Groups services by namespace/name. `minClusters` (default 1) drops groups present
 * in fewer clusters, e.g. 2 for "only services that span clusters". Ordered by
 * namespace, then name.
 */
export function buildServiceGroups(members: ServiceGroupMemberInput[], opts: { minClusters?: number } = {}): ServiceGroup[] {
  const byKey = new Map<string, ServiceGroupMemberInput[]>();
  for (const m of members) {
    const key = `${m.service.namespace}/${m.service.name}`;
    const list = byKey.get(key);
    if (list) list.push(m);
    else byKey.set(key, [m]);
  }
  const groups: ServiceGroup[] = [];
  for (const [key, list] of byKey) {
    const sorted = [...list].sort((a, b) => (a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : 0));
    const clusters = [...new Set(sorted.map((m) => m.cluster))];
    if (clusters.length < (opts.minClusters ?? 1)) continue;
    const withHealth = sorted.map((m) => ({ ...m, health: memberHealth(m) }));
    const types = [...new Set(sorted.map((m) => m.service.type))].sort();
    const sigs = new Set(sorted.map((m) => portSignature(m.service)));
    groups.push({
      id: `group:${key}`,
      namespace: sorted[0]!.service.namespace,
      name: sorted[0]!.service.name,
      members: withHealth,
      clusters,
      types,
      consistent: types.length === 1 && sigs.size === 1,
      health: groupHealth(withHealth.map((m) => m.health)),
      readyEndpoints: sorted.reduce((n, m) => n + (m.endpoints?.ready ?? 0), 0),
      totalEndpoints: sorted.reduce((n, m) => n + (m.endpoints?.total ?? 0), 0),
    });
  }
  return groups.sort((a, b) => (a.namespace !== b.namespace ? (a.namespace < b.namespace ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Groups straight from cluster snapshots, with endpoint counts and service findings. */
export function serviceGroupsFromSnapshots(clusters: ClusterSnapshot[], opts: DiagnosticsOptions & { minClusters?: number }): ServiceGroup[] {
  const members: ServiceGroupMemberInput[] = [];
  for (const c of clusters) {
    const idx = serviceContexts(c);
    for (const s of c.services) {
      const ctx = idx.forService(s);
      members.push({ cluster: c.cluster, service: s, endpoints: readyEndpointCount(s, ctx.endpointSlices), diagnostics: diagnoseService(s, ctx, opts) });
    }
  }
  return buildServiceGroups(members, opts.minClusters !== undefined ? { minClusters: opts.minClusters } : {});
}
