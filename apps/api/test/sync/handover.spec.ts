import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncSupervisor } from '../../src/sync/sync-supervisor.service.js';
import { captureOutput, complaints } from '../clusters/capture-output.js';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { waitForEqualCatalog } from './catalog-vs-cluster.js';
import { startChurn } from './churn.js';

/**
 * A replica shut down while its loops are writing batches waits for them before it
 * hands its lease back: the survivor's catalog ends up equal to the cluster.
 * PostgreSQL only: two replicas cannot share a PGlite folder.
 */
describe.skipIf(!usingPostgres)('sync leases: a replica shut down mid-batch', () => {
  let db: TestDatabase;
  let replicas: RunningApp[] = [];
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'handed', scenario: 'seed', bookmarkIntervalMs: 200 });
    db = await createTestDatabase();
    const cfg = { SWITCHBOARD_SECRET_KEY: 'd'.repeat(64), SYNC_LEASE_SECONDS: '2', SYNC_WATCH_IDLE_SECONDS: '2', LOG_LEVEL: 'warn' };
    replicas = [await startTestApp(db.config(cfg)), await startTestApp(db.config(cfg))];
    expect((await rest(replicas[0]!, 'POST', '/clusters', { kubeconfig: sim.kubeconfig() })).status).toBe(201);
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await sim?.stop();
    await db?.dispose();
  });

  it("the survivor's catalog equals the cluster, and nothing complains", async () => {
    const owner = await waitFor(() => replicas.find((r) => r.app.get(SyncSupervisor).owned().length === 1), 'one replica syncing the cluster');
    const survivor = replicas.find((r) => r !== owner)!;
    const id = (await survivor.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'handed' } })).id;
    await waitFor(async () => (await rest(survivor, 'GET', '/clusters/handed')).body.status === 'READY', 'cluster READY');
    const churn = startChurn(sim);
    const output = captureOutput();
    try {
      await waitFor(async () => (await survivor.database.prisma.service.count({ where: { clusterId: id, name: { startsWith: 'churn-' } } })) > 30, 'churn reaching the catalog');
      await owner.close();
      replicas = [survivor];
      await waitFor(() => survivor.app.get(SyncSupervisor).owned().length === 1, 'the survivor syncing the cluster', 15_000);
      expect(await churn.stop()).toBeGreaterThan(100);
      await waitForEqualCatalog(survivor.database, id, sim, 30_000);
    } finally {
      output.stop();
      await churn.stop();
    }
    expect(complaints(output.text())).toEqual([]);
  });
});
