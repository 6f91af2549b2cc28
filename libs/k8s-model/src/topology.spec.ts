import { describe, expect, it } from 'vitest';
import { seedCluster } from '../test/seed.js';
import { buildTopology, computeDiagnostics } from './index.js';

const a = seedCluster({ cluster: 'a' });
const b = seedCluster({ cluster: 'b' });

describe('buildTopology', () => {
  it('a service neighbourhood: cluster, namespace, ingress, service, pods', () => {
    const t = buildTopology([a, b], { service: { cluster: 'a', namespace: 'default', name: 'api-service' } });
    expect(t.nodes.map((n) => `${n.id} ${n.status}`)).toEqual([
      'cluster:a OK',
      'ns:a/default OK',
      'ing:a/default/app-ingress OK',
      'svc:a/default/api-service OK',
      'pod:a/default/nextgen-api-0 OK',
      'pod:a/default/nextgen-api-1 OK',
    ]);
    expect(t.edges.map((e) => `${e.id} ${e.kind} ${e.label ?? ''}`.trim())).toEqual([
      'cluster:a->ns:a/default CONTAINS',
      'ing:a/default/app-ingress->svc:a/default/api-service ROUTES learn.nextgenplayground.org/api → 80',
      'ns:a/default->ing:a/default/app-ingress CONTAINS',
      'ns:a/default->svc:a/default/api-service CONTAINS',
      'svc:a/default/api-service->pod:a/default/nextgen-api-0 ENDPOINT 10.244.0.18:3000',
      'svc:a/default/api-service->pod:a/default/nextgen-api-1 ENDPOINT 10.244.0.19:3000',
    ]);
  });

  it('missing backends appear as MISSING services; diagnostics colour nodes', () => {
    const t = buildTopology([a], { namespace: 'default' }, { diagnostics: computeDiagnostics([a], { now: '2026-01-01T00:01:00Z' }) });
    const status = Object.fromEntries(t.nodes.map((n) => [n.id, n.status]));
    expect(status['svc:a/default/missing-service']).toBe('MISSING');
    expect(status['ing:a/default/broken-ingress']).toBe('ERROR');
    expect(status['svc:a/default/orphan-service']).toBe('WARNING');
    expect(status['svc:a/default/app-service']).toBe('OK');
    expect(t.edges.find((e) => e.id === 'ing:a/default/broken-ingress->svc:a/default/missing-service')?.kind).toBe('ROUTES');
  });

  it('filters by cluster and namespace; every edge joins two listed nodes; ids are unique', () => {
    const all = buildTopology([a, b]);
    const onlyB = buildTopology([a, b], { cluster: 'b' });
    const sys = buildTopology([a, b], { namespace: 'kube-system' });
    expect(onlyB.nodes.every((n) => n.cluster === 'b')).toBe(true);
    expect(onlyB.nodes.length * 2).toBe(all.nodes.length);
    expect(sys.nodes.map((n) => n.id)).toEqual(['cluster:a', 'cluster:b', 'ns:a/kube-system', 'ns:b/kube-system']);
    for (const t of [all, onlyB, sys]) {
      const ids = new Set(t.nodes.map((n) => n.id));
      expect(ids.size).toBe(t.nodes.length);
      for (const e of t.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    }
    // Same input, same graph (stable ids and order).
    expect(buildTopology([b, a])).toEqual(all);
  });

  it('headless service endpoints and services without selector', () => {
    const t = buildTopology([a], { service: { cluster: 'a', namespace: 'default', name: 'kubernetes' } });
    expect(t.nodes.map((n) => n.id)).toEqual(['cluster:a', 'ns:a/default', 'svc:a/default/kubernetes', 'ep:a/default/192.168.49.2']);
  });
});
