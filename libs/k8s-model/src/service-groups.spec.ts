import { describe, expect, it } from 'vitest';
import { kService } from '../test/builders.js';
import { seedCluster } from '../test/seed.js';
import { buildServiceGroups, type Diagnostic, groupHealth, memberHealth, normalizeService, serviceGroupsFromSnapshots } from './index.js';

const svc = (name: string, spec: Record<string, unknown>, ns = 'default') => normalizeService(kService(name, spec, { ns })).record;
const web = svc('web', { clusterIP: '10.0.0.1', selector: { app: 'web' }, ports: [{ port: 80 }] });
const warn = (name: string): Diagnostic => ({ code: 'LOAD_BALANCER_PENDING', severity: 'WARNING', message: '', object: { kind: 'Service', cluster: 'x', namespace: 'default', name } });

describe('member and group health', () => {
  it.each([
    ['all ready', { ready: 3, total: 3 }, [], 'HEALTHY'],
    ['some ready', { ready: 1, total: 3 }, [], 'DEGRADED'],
    ['none ready', { ready: 0, total: 3 }, [], 'UNHEALTHY'],
    ['ready but a warning', { ready: 3, total: 3 }, [warn('web')], 'DEGRADED'],
    ['unknown', undefined, undefined, 'UNKNOWN'],
  ] as const)('%s', (_l, endpoints, diagnostics, expected) => {
    expect(memberHealth({ cluster: 'a', service: web, ...(endpoints ? { endpoints } : {}), ...(diagnostics ? { diagnostics: [...diagnostics] } : {}) })).toBe(expected);
  });
  it.each([
    [['HEALTHY', 'HEALTHY'], 'HEALTHY'],
    [['HEALTHY', 'UNHEALTHY'], 'DEGRADED'],
    [['UNHEALTHY', 'UNHEALTHY'], 'UNHEALTHY'],
    [['HEALTHY', 'UNKNOWN'], 'HEALTHY'],
    [['UNKNOWN'], 'UNKNOWN'],
    [['DEGRADED', 'HEALTHY'], 'DEGRADED'],
  ] as const)('%j → %s', (hs, expected) => expect(groupHealth([...hs])).toBe(expected));
});

describe('buildServiceGroups', () => {
  it('groups by namespace/name across clusters, members by cluster, flags inconsistency', () => {
    const groups = buildServiceGroups([
      { cluster: 'b', service: web, endpoints: { ready: 0, total: 2 } },
      { cluster: 'a', service: web, endpoints: { ready: 2, total: 2 } },
      { cluster: 'a', service: svc('web', { clusterIP: '10.0.0.2', selector: { app: 'web' }, ports: [{ port: 80 }] }, 'team') },
      { cluster: 'c', service: svc('web', { type: 'NodePort', clusterIP: '10.0.0.3', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30001 }] }), endpoints: { ready: 1, total: 1 } },
    ]);
    expect(groups.map((g) => [g.id, g.clusters, g.types, g.consistent, g.health, g.readyEndpoints, g.totalEndpoints])).toEqual([
      ['group:default/web', ['a', 'b', 'c'], ['ClusterIP', 'NodePort'], false, 'DEGRADED', 3, 5],
      ['group:team/web', ['a'], ['ClusterIP'], true, 'UNKNOWN', 0, 0],
    ]);
    expect(groups[0]!.members.map((m) => `${m.cluster}:${m.health}`)).toEqual(['a:HEALTHY', 'b:UNHEALTHY', 'c:HEALTHY']);
  });
  it('minClusters keeps only services spanning clusters', () => {
    expect(buildServiceGroups([{ cluster: 'a', service: web }], { minClusters: 2 })).toEqual([]);
  });
  it('from seed snapshots of two clusters', () => {
    const groups = serviceGroupsFromSnapshots([seedCluster({ cluster: 'a' }), seedCluster({ cluster: 'b' })], { now: '2026-01-01T00:01:00Z', minClusters: 2 });
    const byName = Object.fromEntries(groups.map((g) => [g.name, `${g.health} ${g.clusters.join('+')} ${g.readyEndpoints}/${g.totalEndpoints}`]));
    expect(byName).toMatchObject({ 'orphan-service': 'UNHEALTHY a+b 0/0', 'my-clusterip-service': 'HEALTHY a+b 6/6', 'headless-svc': 'HEALTHY a+b 6/6', 'my-externalname-service': 'HEALTHY a+b 0/0' });
    expect(groups).toHaveLength(10);
  });
});
