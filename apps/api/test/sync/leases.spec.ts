import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncSupervisor } from '../../src/sync/sync-supervisor.service.js';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type Meta = { metadata: { namespace: string; name: string; uid: string } };

// Two replicas can only share a PostgreSQL server (PGlite is one process's folder).
describe.skipIf(!usingPostgres)('sync leases: two replicas share the clusters', () => {
  let db: TestDatabase;
  let a: RunningApp | undefined;
  let b: RunningApp;
  let sims: SimCluster[] = [];

  beforeAll(async () => {
    sims = await Promise.all(['one', 'two', 'three'].map((name) => startCluster({ name, scenario: 'seed', bookmarkIntervalMs: 200 })));
    db = await createTestDatabase();
    const cfg = { SWITCHBOARD_SECRET_KEY: 'b'.repeat(64), SYNC_LEASE_SECONDS: '2', SYNC_WATCH_IDLE_SECONDS: '2' };
    a = await startTestApp(db.config(cfg));
    b = await startTestApp(db.config(cfg));
    for (const sim of sims) expect((await rest(a, 'POST', '/clusters', { kubeconfig: sim.kubeconfig() })).status).toBe(201);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  const owned = (r: RunningApp) => r.app.get(SyncSupervisor).owned();

  it('every cluster is synced by exactly one replica, and the survivor takes over', async () => {
    await waitFor(() => owned(a!).length + owned(b).length === 3, 'all clusters owned');
    expect(new Set([...owned(a!), ...owned(b)]).size).toBe(3);
    await a!.close();
    a = undefined;
    await waitFor(() => owned(b).length === 3, 'survivor owns every cluster', 15_000);
    for (const sim of sims) {
      await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'after-handover', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
      const id = (await b.database.prisma.cluster.findUniqueOrThrow({ where: { name: sim.name } })).id;
      const expected = (sim.list('v1', 'Service') as Meta[]).map((o) => `${o.metadata.namespace}/${o.metadata.name}@${o.metadata.uid}`).sort();
      await waitFor(async () => {
        const rows = await b.database.prisma.service.findMany({ where: { clusterId: id }, select: { namespace: true, name: true, uid: true } });
        return JSON.stringify(rows.map((r) => `${r.namespace}/${r.name}@${r.uid}`).sort()) === JSON.stringify(expected);
      }, `${sim.name} services equal after handover`);
    }
  });
});
