import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { KIND_SPECS } from '../../src/sync/kind-specs.js';
import { waitForEqualCatalog } from './catalog-vs-cluster.js';

async function catalogServices(api: RunningApp, cluster: string): Promise<string[]> {
  const { body } = await rest(api, 'GET', `/services?cluster=${cluster}&limit=100&sort=NAME`);
  return body.items.map((s: { namespace: string; name: string }) => `${s.namespace}/${s.name}`).sort();
}

function clusterServices(sim: SimCluster): string[] {
  return (sim.list('v1', 'Service') as { metadata: { namespace: string; name: string } }[]).map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort();
}

describe('sync: one cluster mirrored into the catalog', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'alpha', scenario: 'seed', bookmarkIntervalMs: 200, historyWindow: 200 });
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_LEASE_SECONDS: '3', SYNC_WATCH_IDLE_SECONDS: '2' }));
    const reg = await rest(api, 'POST', '/clusters', { kubeconfig: sim.kubeconfig(), labels: { environment: 'test', region: 'eu-west-1' } });
    expect(reg.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  const clusterId = async () => (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'alpha' } })).id;

  it('lists every kind and reports each ready', async () => {
    const cluster = await waitFor(async () => {
      const { body } = await rest(api, 'GET', '/clusters/alpha');
      return body.syncStates?.length === KIND_SPECS.length && body.syncStates.every((s: { status: string }) => s.status === 'READY') ? body : undefined;
    }, 'all kinds READY');
    expect(cluster.status).toBe('READY');
    expect(cluster.syncStates.find((s: { kind: string }) => s.kind === 'SERVICE').objectCount).toBe(clusterServices(sim).length);
    expect(JSON.stringify(cluster)).not.toContain(sim.token);
    expect(await catalogServices(api, 'alpha')).toEqual(clusterServices(sim));
  });

  it('follows creates, updates, scaling and deletes', async () => {
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'default', labels: { app: 'late' } }, spec: { selector: { app: 'MyApp' }, ports: [{ port: 81, targetPort: 8080 }] } });
    await waitFor(async () => (await catalogServices(api, 'alpha')).includes('default/late'), 'created service in the catalog');
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'default', labels: { app: 'late', tier: 'new' } }, spec: { selector: { app: 'MyApp' }, ports: [{ port: 82, targetPort: 8080 }] } });
    await waitFor(async () => (await rest(api, 'GET', '/clusters/alpha/namespaces/default/services/late')).body.ports?.[0]?.port === 82, 'updated port');
    await sim.scale('default', 'myapp-deployment', 5);
    await waitFor(async () => (await rest(api, 'GET', '/clusters/alpha/namespaces/default/services/my-clusterip-service')).body.endpointCounts?.ready === 5, 'five ready endpoints');
    await sim.delete('v1', 'Service', 'default', 'late');
    await waitFor(async () => !(await catalogServices(api, 'alpha')).includes('default/late'), 'deleted service gone');
  });

  it('recovers from dropped, expired and frozen watches, errors and compaction without losing deletes', async () => {
    sim.faults.dropWatches();
    sim.faults.expireNextWatches(3);
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'during-faults', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    await waitFor(async () => (await catalogServices(api, 'alpha')).includes('default/during-faults'), 'service created during faults');

    sim.faults.freezeWatches(true);
    await sim.delete('v1', 'Service', 'default', 'during-faults');
    sim.faults.compact();
    sim.faults.failNext(5, 503);
    await new Promise((r) => setTimeout(r, 500));
    sim.faults.freezeWatches(false);
    await waitFor(async () => !(await catalogServices(api, 'alpha')).includes('default/during-faults'), 'delete missed while frozen is applied after relist', 30_000);
    expect(await catalogServices(api, 'alpha')).toEqual(clusterServices(sim));
    await waitForEqualCatalog(api.database, await clusterId(), sim);
  });

  it('survives the cluster going down and coming back', async () => {
    await sim.faults.down();
    await waitFor(async () => (await rest(api, 'GET', '/clusters/alpha')).body.syncStates?.some((s: { status: string }) => s.status !== 'READY'), 'a kind not ready while down', 20_000);
    await sim.faults.up();
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'after-outage', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    await waitFor(async () => (await catalogServices(api, 'alpha')).includes('default/after-outage'), 'service created after the outage', 40_000);
    expect(await catalogServices(api, 'alpha')).toEqual(clusterServices(sim));
    await waitForEqualCatalog(api.database, await clusterId(), sim);
  });

  it('exposes sync metrics', async () => {
    const text = await (await api.fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(/switchboard_sync_events_applied_total\{cluster="alpha",kind="SERVICE"\} \d+/);
    expect(text).toContain('switchboard_sync_relists_total');
  });
});
