import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/** Endpoints as the overview counts them: one per service and target, ready when any of its addresses is. */
function endpointCounts(sim: SimCluster): { ready: number; total: number } {
  const targets = new Map<string, boolean>();
  for (const s of sim.list('discovery.k8s.io/v1', 'EndpointSlice') as any[]) {
    const service = s.metadata.labels?.['kubernetes.io/service-name'];
    if (!service) continue;
    for (const e of s.endpoints ?? []) {
      const key = `${s.metadata.namespace}/${service}/${e.targetRef?.uid ?? e.targetRef?.name ?? e.addresses[0]}`;
      targets.set(key, (targets.get(key) ?? false) || e.conditions?.ready === true);
    }
  }
  return { ready: [...targets.values()].filter(Boolean).length, total: targets.size };
}

const SUMMARY = `{ clusters { name summary { services pods ingresses endpoints { ready total } } } }`;

describe('the overview\u2019s cluster summary', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'seed', scenario: 'seed', nodes: 2, bookmarkIntervalMs: 500 });
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'seed', sim.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it('counts the endpoints the cluster\u2019s EndpointSlices hold, ready and not', async () => {
    const pods = (sim.list('v1', 'Pod', 'default') as any[]).filter((p) => p.metadata.labels?.app === 'MyApp');
    await sim.setPodReady('default', pods[0]!.metadata.name, false);
    const expected = endpointCounts(sim);
    expect(expected.ready).toBeLessThan(expected.total);
    const { data } = await waitFor(async () => {
      const r = await gql(api, SUMMARY);
      return r.data?.clusters[0]?.summary.endpoints.ready === expected.ready ? r : null;
    }, 'the not-ready pod mirrored');
    expect(data.clusters[0].summary.endpoints).toEqual(expected);
    expect(data.clusters[0].summary.services).toBe(sim.list('v1', 'Service').length);
    expect((await rest(api, 'GET', '/clusters/seed/summary')).body.endpoints).toEqual(expected);
  });

  it('counts a dual-stack service\u2019s endpoints once, though an IPv4 and an IPv6 slice both list them', async () => {
    const before = (await gql(api, SUMMARY)).data.clusters[0].summary.endpoints;
    const v4 = (sim.list('discovery.k8s.io/v1', 'EndpointSlice', 'default') as any[]).find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'my-clusterip-service');
    await sim.apply({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'my-clusterip-service-v6', namespace: 'default', labels: { 'kubernetes.io/service-name': 'my-clusterip-service' } },
      addressType: 'IPv6',
      ports: v4.ports,
      endpoints: v4.endpoints.map((e: any, i: number) => ({ ...e, addresses: [`fd00::${i + 1}`] })),
    });
    const detail = `{ service(cluster: "seed", namespace: "default", name: "my-clusterip-service") { endpoints { address } } }`;
    await waitFor(async () => ((await gql(api, detail)).data?.service.endpoints.some((e: { address: string }) => e.address.startsWith('fd00::')) ? true : null), 'the IPv6 slice mirrored');
    expect((await gql(api, SUMMARY)).data.clusters[0].summary.endpoints).toEqual(before);
    expect(endpointCounts(sim)).toEqual(before);
  });
});
