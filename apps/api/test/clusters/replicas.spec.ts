import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterDirectory, type ClusterChange } from '../../src/clusters/cluster-directory.js';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

// Two processes can only share a PostgreSQL server (PGlite is one process's folder).
describe.skipIf(!usingPostgres)('clusters: changes reach the other replicas', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let sim: SimCluster;
  const seenByB: ClusterChange[] = [];

  beforeAll(async () => {
    sim = await startCluster({ name: 'shared' });
    db = await createTestDatabase();
    // Both replicas must share the key: the generated one lives in one data folder.
    const key = { SWITCHBOARD_SECRET_KEY: 'a'.repeat(64), ROLE: 'api' };
    a = await startTestApp(db.config(key));
    b = await startTestApp(db.config(key));
    b.app.get(ClusterDirectory).onChange((e) => seenByB.push(e));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it('delivers registered, paused, resync and removed through NOTIFY, once each', async () => {
    // LISTEN starts after the database is ready; give it a moment.
    await new Promise((r) => setTimeout(r, 500));
    const reg = await rest(a, 'POST', '/clusters', { kubeconfig: sim.kubeconfig() });
    expect(reg.status).toBe(201);
    const id = (await a.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'shared' } })).id;
    await waitFor(() => seenByB.some((e) => e.type === 'registered' && e.clusterId === id), 'registered on B');
    // B decrypts what A stored (same key).
    expect((await b.app.get(ClusterDirectory).get(id))?.kubeConfig.getCurrentCluster()?.server).toBe(sim.url);
    await rest(a, 'PATCH', '/clusters/shared', { paused: true });
    await rest(a, 'POST', '/clusters/shared/resync');
    await rest(a, 'DELETE', '/clusters/shared');
    await waitFor(() => seenByB.some((e) => e.type === 'removed'), 'removed on B');
    expect(seenByB.map((e) => e.type)).toEqual(['registered', 'paused', 'resync', 'removed']);
  });
});
