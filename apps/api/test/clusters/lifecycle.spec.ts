import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterDirectory, type ClusterChange } from '../../src/clusters/cluster-directory.js';
import { gql, rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { KIND_SPECS } from '../../src/sync/kind-specs.js';

describe('clusters: rename, relabel, domain, pause/resume, resync, remove', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  const events: ClusterChange[] = [];
  let id: string;

  beforeAll(async () => {
    sim = await startCluster({ name: 'alpha', scenario: 'seed', bookmarkIntervalMs: 200 });
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_LEASE_SECONDS: '3' }));
    api.app.get(ClusterDirectory).onChange((e) => events.push(e));
    const reg = await rest(api, 'POST', '/clusters', { kubeconfig: sim.kubeconfig(), labels: { environment: 'test' } });
    expect(reg.status).toBe(201);
    id = reg.body.id;
    expect(events).toEqual([{ type: 'registered', clusterId: expect.any(String) }]);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it('reports per-kind sync state and an overall status', async () => {
    const c = await waitFor(async () => {
      const { body } = await rest(api, 'GET', '/clusters/alpha');
      return body.status === 'READY' && body.syncStates.length === KIND_SPECS.length ? body : undefined;
    }, 'cluster READY', 20_000);
    const services = c.syncStates.find((s: { kind: string }) => s.kind === 'SERVICE');
    expect(services).toMatchObject({ status: 'READY', lastError: null, relists: expect.any(Number), restarts: expect.any(Number) });
    expect(services.objectCount).toBe(sim.list('v1', 'Service').length);
    expect(new Date(services.lastListAt).getTime()).toBeGreaterThan(0);
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['lastEventAt', 'lagSeconds']));
    const list = await rest(api, 'GET', '/clusters');
    expect(list.body.map((x: { name: string }) => x.name)).toEqual(['alpha']);
  });

  it('renames, relabels and sets the cluster domain (REST, addressed by opaque id)', async () => {
    const res = await rest(api, 'PATCH', `/clusters/${id}`, { name: 'alpha-eu', displayName: 'Alpha EU', labels: { environment: 'prod', region: 'eu-west-1', owner: 'team-a' }, clusterDomain: 'corp.local' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'alpha-eu', displayName: 'Alpha EU', clusterDomain: 'corp.local' });
    expect(res.body.labels).toEqual([
      { key: 'environment', value: 'prod' },
      { key: 'owner', value: 'team-a' },
      { key: 'region', value: 'eu-west-1' },
    ]);
    expect((await rest(api, 'GET', '/clusters/alpha')).status).toBe(404);
    expect(events.at(-1)).toMatchObject({ type: 'updated' });
  });

  it('rejects bad updates naming every field and changes nothing', async () => {
    const res = await rest(api, 'PATCH', '/clusters/alpha-eu', { name: 'No_Good', clusterDomain: 'bad..domain', paused: 'yes', labels: { 'not ok!': 'x' }, server: 'https://elsewhere' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    for (const f of ['name', 'clusterDomain', 'paused', 'server']) expect(fields).toContain(f);
    expect(fields.some((f: string) => f.startsWith('labels'))).toBe(true);
    expect((await rest(api, 'GET', '/clusters/alpha-eu')).body.clusterDomain).toBe('corp.local');
  });

  it('pauses and resumes over GraphQL', async () => {
    const paused = await gql(api, `mutation { updateCluster(name: "alpha-eu", input: { paused: true }) { paused status } }`);
    expect(paused.errors).toBeUndefined();
    expect(paused.data.updateCluster).toEqual({ paused: true, status: 'PAUSED' });
    expect(events.at(-1)).toMatchObject({ type: 'paused' });
    await waitFor(async () => {
      const { body } = await rest(api, 'GET', '/clusters/alpha-eu');
      return body.syncStates.every((s: { status: string }) => s.status === 'PAUSED');
    }, 'every kind PAUSED');
    const resumed = await gql(api, `mutation { updateCluster(name: "alpha-eu", input: { paused: false }) { paused } }`);
    expect(resumed.data.updateCluster.paused).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'resumed' });
    await waitFor(async () => (await rest(api, 'GET', '/clusters/alpha-eu')).body.status === 'READY', 'READY again', 20_000);
  });

  it('triggers a resync (REST and GraphQL)', async () => {
    const res = await rest(api, 'POST', '/clusters/alpha-eu/resync');
    expect(res.status).toBe(202);
    expect(res.body.name).toBe('alpha-eu');
    const viaGql = await gql(api, `mutation { resyncCluster(name: "alpha-eu") { name } }`);
    expect(viaGql.data.resyncCluster.name).toBe('alpha-eu');
    expect(events.filter((e) => e.type === 'resync')).toHaveLength(2);
    const one = await gql(api, `{ cluster(name: "alpha-eu") { name syncStates { kind status } } }`);
    expect(one.data.cluster.syncStates).toHaveLength(KIND_SPECS.length);
  });

  it('removes the cluster and every catalog row of it', async () => {
    const clusterId = (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'alpha-eu' } })).id;
    expect(await api.database.prisma.service.count({ where: { clusterId } })).toBeGreaterThan(0);
    const res = await gql(api, `mutation { removeCluster(name: "alpha-eu") { name } }`);
    expect(res.data.removeCluster.name).toBe('alpha-eu');
    expect(events.at(-1)).toEqual({ type: 'removed', clusterId });
    // Give a sync loop that was mid-batch time to (fail to) write; nothing may come back.
    await new Promise((r) => setTimeout(r, 500));
    const p = api.database.prisma;
    const where = { clusterId };
    const counts = await Promise.all([p.namespace.count({ where }), p.node.count({ where }), p.pod.count({ where }), p.service.count({ where }), p.endpointSlice.count({ where }), p.ingress.count({ where }), p.clusterSyncState.count({ where }), p.cluster.count()]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await rest(api, 'DELETE', '/clusters/alpha-eu')).status).toBe(404);
    expect((await gql(api, `{ cluster(name: "alpha-eu") { name } }`)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
