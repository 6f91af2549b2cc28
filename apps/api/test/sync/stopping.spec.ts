import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, complaints } from '../clusters/capture-output.js';
import { rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { startChurn } from './churn.js';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every table that holds rows of a cluster, with how many it holds. */
async function rowsOf(api: RunningApp, clusterId: string): Promise<Record<string, number>> {
  const tables = ['Cluster', 'ClusterLease', 'ClusterSyncState', 'Namespace', 'Node', 'Pod', 'Service', 'EndpointSlice', 'Ingress', 'IngressRule'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const rows = await api.database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}" WHERE "${t === 'Cluster' ? 'id' : 'clusterId'}" = $1::uuid`, clusterId);
    out[t] = rows[0]!.n;
  }
  return out;
}

/**
 * Stopping a cluster's sync (removal, pause) waits until its loops have exited and
 * their last transaction is over: nothing is written for it afterwards.
 */
describe('sync: a stopped cluster is written no more', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sims: SimCluster[] = [];

  beforeAll(async () => {
    sims = await Promise.all([
      startCluster({ name: 'busy', scenario: 'seed', bookmarkIntervalMs: 200 }),
      startCluster({ name: 'large', generate: { seed: 7, namespaces: 4, servicesPerNamespace: 100, podsPerService: 1, ingressesPerNamespace: 0 } }),
    ]);
    db = await createTestDatabase();
    api = await startTestApp(db.config({ LOG_LEVEL: 'warn', SYNC_LEASE_SECONDS: '3', SYNC_PAGE_SIZE: '20' }));
    for (const sim of sims) await registerCluster(api, sim.name, sim.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  const idOf = async (name: string) => (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name } })).id;
  const serviceState = async (name: string) => ((await rest(api, 'GET', `/clusters/${name}`)).body.syncStates as { kind: string; status: string }[]).find((s) => s.kind === 'SERVICE')?.status;

  it('removing a cluster under heavy churn leaves no row of it and logs no error', async () => {
    const sim = sims[0]!;
    const id = await idOf(sim.name);
    const churn = startChurn(sim);
    const output = captureOutput();
    try {
      await waitFor(async () => (await rowsOf(api, id)).Service > 20, 'churned services in the catalog');
      expect((await rest(api, 'DELETE', `/clusters/${sim.name}`)).status).toBe(200);
      expect(Object.values(await rowsOf(api, id)).every((n) => n === 0)).toBe(true);
      // Changes go on arriving at the cluster; nothing of it may come back.
      await settle(1_000);
      expect(await churn.stop()).toBeGreaterThan(100);
      await settle(500);
      expect(await rowsOf(api, id)).toEqual({ Cluster: 0, ClusterLease: 0, ClusterSyncState: 0, Namespace: 0, Node: 0, Pod: 0, Service: 0, EndpointSlice: 0, Ingress: 0, IngressRule: 0 });
    } finally {
      output.stop();
      await churn.stop();
    }
    expect(complaints(output.text())).toEqual([]);
  });

  it('pausing a cluster in the middle of a relist keeps its catalog as it was, and PAUSED', async () => {
    const sim = sims[1]!;
    const services = sim.list('v1', 'Service').length;
    const id = await idOf(sim.name);
    expect((await rowsOf(api, id)).Service).toBe(services);
    // Pages of 20 with 100 ms each: the services' relist takes seconds.
    sim.faults.latency(100);
    try {
      expect((await rest(api, 'POST', `/clusters/${sim.name}/resync`)).status).toBe(202);
      await waitFor(async () => (await serviceState(sim.name)) === 'SYNCING', 'the services relisting');
      await settle(300);
      expect((await rest(api, 'PATCH', `/clusters/${sim.name}`, { paused: true })).status).toBe(200);
      await waitFor(async () => (await serviceState(sim.name)) === 'PAUSED', 'services PAUSED');
      // Longer than the rest of the relist would have taken.
      await settle(3_000);
      expect(await serviceState(sim.name)).toBe('PAUSED');
      expect((await rowsOf(api, id)).Service).toBe(services);
    } finally {
      sim.faults.latency(0);
    }
    expect((await rest(api, 'PATCH', `/clusters/${sim.name}`, { paused: false })).status).toBe(200);
    await waitFor(async () => (await rest(api, 'GET', `/clusters/${sim.name}`)).body.status === 'READY', 'READY after resuming', 30_000);
  });
});
