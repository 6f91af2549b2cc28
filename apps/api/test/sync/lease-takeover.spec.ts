import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncSupervisor } from '../../src/sync/sync-supervisor.service.js';
import { rest, withAuth } from '../support/api-client.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase, usingPostgres } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A replica that dies without a word (SIGKILL: no shutdown hook releases its leases)
 * loses its clusters to the survivor once the leases expire, and sync goes on there.
 * PostgreSQL only: two processes cannot share a PGlite folder.
 */
describe.skipIf(!usingPostgres)('sync leases: a replica killed outright', () => {
  let db: TestDatabase;
  let survivor: RunningApp | undefined;
  let victim: ChildProcess | undefined;
  let sims: SimCluster[] = [];
  const env = { SWITCHBOARD_SECRET_KEY: 'c'.repeat(64), SYNC_LEASE_SECONDS: '2', SYNC_WATCH_IDLE_SECONDS: '2' };

  beforeAll(async () => {
    sims = await Promise.all(['k1', 'k2'].map((name) => startCluster({ name, scenario: 'seed', bookmarkIntervalMs: 200 })));
    db = await createTestDatabase();
    const port = await freePort();
    const url = (db.database as { url: string }).url;
    victim = spawn(process.execPath, [MAIN], {
      env: { ...process.env, ...env, SWITCHBOARD_ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATABASE_URL: url, PORT: String(port), SWITCHBOARD_DATA_DIR: db.dataDir, SWITCHBOARD_DEMO: '0', LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    const victimUrl = `http://127.0.0.1:${port}/api/v1`;
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok === true, 'victim ready', 30_000);
    for (const sim of sims) {
      const res = await fetch(`${victimUrl}/clusters`, { method: 'POST', headers: withAuth({ 'content-type': 'application/json' }), body: JSON.stringify({ kubeconfig: sim.kubeconfig() }) });
      expect(res.status).toBe(201);
    }
    await waitFor(async () => ((await (await fetch(`${victimUrl}/clusters`, { headers: withAuth() })).json()) as { status: string }[]).every((c) => c.status === 'READY'), 'victim synced both', 30_000);
    survivor = await startTestApp(db.config(env), { otherOrigins: [`http://127.0.0.1:${port}`] });
  });
  afterAll(async () => {
    victim?.kill('SIGKILL');
    await survivor?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  it('the survivor takes every cluster after the leases expire and mirrors changes made after the kill', async () => {
    const owned = () => survivor!.app.get(SyncSupervisor).owned();
    // The victim renews its leases: the survivor gets nothing while it lives.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(owned()).toEqual([]);

    victim!.kill('SIGKILL');
    await new Promise((r) => victim!.once('exit', r));
    for (const sim of sims) await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'after-kill', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });

    await waitFor(() => owned().length === 2, 'survivor owns both clusters', 20_000);
    for (const sim of sims) {
      await waitFor(async () => (await rest(survivor!, 'GET', `/clusters/${sim.name}/namespaces/default/services/after-kill`)).status === 200, `${sim.name}: change after the kill mirrored`);
    }
  });
});
