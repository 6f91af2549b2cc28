import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseService } from '../../src/database/database.service.js';
import { type OpenDatabase, openDatabase } from '../../src/database/open-database.js';
import { withAuth } from '../support/api-client.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase, usingPostgres } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import { waitForEqualCatalog } from '../sync/catalog-vs-cluster.js';
import { type ApiProcess, call, isRefused, startApiProcess } from './processes.js';

const LEASE_SECONDS = 6;
const SERVICES_QUERY = '{ services(first: 20) { nodes { cluster namespace name } } }';

interface Lease {
  clusterId: string;
  holder: string;
  acquiredAt: Date;
  expiresAt: Date;
}

/**
 * Two ROLE=sync and two ROLE=api processes on one PostgreSQL and three kube-sim clusters,
 * under a steady stream of cluster changes and reads. One of each is stopped with SIGTERM
 * (nothing may fail; the sync one's clusters must be taken over through the released
 * lease, not its expiry), replacements are started, then the survivors are SIGKILLed
 * (only the requests they were serving may fail). At the end the catalog equals the clusters.
 * PostgreSQL only: processes cannot share a PGlite folder.
 */
describe.skipIf(!usingPostgres)('scale-out: api and sync processes stopped one by one under load', () => {
  let db: TestDatabase;
  let sql: OpenDatabase;
  let sims: SimCluster[] = [];
  const procs: ApiProcess[] = [];
  let env: Record<string, string>;

  const start = async (name: string, role: 'api' | 'sync') => {
    const p = await startApiProcess(name, role, env);
    procs.push(p);
    return p;
  };
  const leases = () => sql.prisma.$queryRawUnsafe<Lease[]>(`SELECT "clusterId"::text AS "clusterId", holder, "acquiredAt", "expiresAt" FROM "ClusterLease"`);
  const holderPid = (holder: string) => Number(/-(\d+)-[0-9a-f]+$/.exec(holder)?.[1]);

  beforeAll(async () => {
    sims = await Promise.all(['east', 'west', 'north'].map((name) => startCluster({ name, scenario: 'seed', bookmarkIntervalMs: 200 })));
    db = await createTestDatabase();
    const url = (db.database as { url: string }).url;
    env = {
      DATABASE_URL: url,
      SWITCHBOARD_DATA_DIR: db.dataDir,
      SWITCHBOARD_SECRET_KEY: 'e'.repeat(64),
      SWITCHBOARD_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      SWITCHBOARD_DEMO: '0',
      SYNC_LEASE_SECONDS: String(LEASE_SECONDS),
      SYNC_WATCH_IDLE_SECONDS: '5',
      RATE_LIMIT_MUTATIONS: '1000000',
      RATE_LIMIT_AUTH_FAILURES: '1000000',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    };
    // The first one applies the migrations; the others find them applied.
    await start('sync-1', 'sync');
    await Promise.all([start('api-1', 'api'), start('api-2', 'api'), start('sync-2', 'sync')]);
    sql = await openDatabase(db.database);
    for (const sim of sims) {
      const res = await call(procs.find((p) => p.role === 'api')!.port, 'POST', '/api/v1/clusters', { kubeconfig: sim.kubeconfig() }, withAuth());
      expect(res.status, res.body).toBe(201);
    }
    await waitFor(async () => (await leases()).length === 3, 'every cluster leased', 20_000);
    await waitFor(async () => {
      const res = await call(procs.find((p) => p.role === 'api')!.port, 'GET', '/api/v1/clusters', undefined, withAuth());
      return (JSON.parse(res.body) as { status: string }[]).every((c) => c.status === 'READY');
    }, 'every cluster READY', 30_000);
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await sql?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  it('loses no request and no change, and hands the clusters over at once on SIGTERM', async () => {
    const byName = (n: string) => procs.find((p) => p.name === n)!;
    // --- a steady stream of changes: every cluster creates and deletes services ---
    let churning = true;
    let changes = 0;
    const churn = sims.map(async (sim, i) => {
      for (let n = 0; churning; n++) {
        const name = `steady-${i}-${n % 40}`;
        if (n % 3 === 2) await sim.delete('v1', 'Service', 'default', name).catch(() => undefined);
        else await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { rev: String(n) } }, spec: { selector: { app: 'MyApp' }, ports: [{ port: 80 }] } });
        changes++;
        await new Promise((r) => setTimeout(r, 25));
      }
    });

    // --- a steady stream of reads, balanced over the api processes that listen ---
    const pool = [byName('api-1'), byName('api-2')];
    const stats = { ok: 0, rerouted: 0, cutBySigkill: 0 };
    const failures: string[] = [];
    let reading = true;
    const readOnce = async (worker: number, n: number) => {
      const graphql = (worker + n) % 2 === 0;
      for (let attempt = 0; attempt < pool.length * 2; attempt++) {
        const target = pool[(worker + n + attempt) % pool.length]!;
        try {
          const res = graphql
            ? await call(target.port, 'POST', '/graphql', { query: SERVICES_QUERY }, withAuth())
            : await call(target.port, 'GET', '/api/v1/services?limit=20', undefined, withAuth());
          const errors = graphql ? (JSON.parse(res.body) as { errors?: unknown[] }).errors : undefined;
          if (res.status !== 200 || errors) failures.push(`${target.name} ${graphql ? 'GraphQL' : 'REST'}: ${res.status} ${res.body.slice(0, 200)}`);
          else stats.ok++;
          return;
        } catch (err) {
          // Nothing was sent: the balancer routes it to another replica.
          if (isRefused(err, target)) {
            stats.rerouted++;
            continue;
          }
          if (target.killed) stats.cutBySigkill++;
          else failures.push(`${target.name}: ${(err as Error).message}`);
          return;
        }
      }
      failures.push('no api process accepted the request');
    };
    const readers = [0, 1, 2, 3].map(async (w) => {
      for (let n = 0; reading; n++) await readOnce(w, n);
    });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(2_000);

    // --- SIGTERM the sync process holding the leases, and one api process ---
    const before = await leases();
    const holder = procs.find((p) => p.role === 'sync' && before.some((l) => holderPid(l.holder) === p.child.pid))!;
    const sigterm = Date.now();
    for (const p of [holder, byName('api-1')]) {
      p.stopping = true;
      p.child.kill('SIGTERM');
    }
    const taken = await waitFor(
      async () => {
        const now = await leases();
        return now.length === 3 && now.every((l) => holderPid(l.holder) !== holder.child.pid) ? now : undefined;
      },
      'the other sync process holds every lease',
      LEASE_SECONDS * 3_000,
      20,
    );
    const takeoverMs = Date.now() - sigterm;
    // Taken over through the release, not the expiry: each new lease began before the old one would have expired.
    for (const l of taken) expect(l.acquiredAt.getTime()).toBeLessThan(before.find((b) => b.clusterId === l.clusterId)!.expiresAt.getTime());
    expect(await holder.exited).toEqual({ code: 0, signal: null });
    expect(await byName('api-1').exited).toEqual({ code: 0, signal: null });
    pool.splice(pool.indexOf(byName('api-1')), 1);
    console.log(`[scale-out] SIGTERM → every lease held by the other sync process: ${takeoverMs} ms (lease ${LEASE_SECONDS} s)`);

    // --- replacements first, so someone syncs after the SIGKILL ---
    const [api3] = await Promise.all([start('api-3', 'api'), start('sync-3', 'sync')]);
    pool.push(api3);
    await pause(1_000);
    const survivor = procs.find((p) => p.role === 'sync' && p !== holder && !p.name.endsWith('-3'))!;
    for (const p of [survivor, byName('api-2')]) {
      p.killed = true;
      p.child.kill('SIGKILL');
    }
    await waitFor(async () => (await leases()).every((l) => holderPid(l.holder) === byName('sync-3').child.pid), 'sync-3 took over after the SIGKILL (lease expiry)', LEASE_SECONDS * 3_000, 100);
    await pause(1_500);

    churning = false;
    await Promise.all(churn);
    reading = false;
    await Promise.all(readers);

    const clusters = await sql.prisma.$queryRawUnsafe<{ id: string; name: string }[]>(`SELECT id::text AS id, name FROM "Cluster"`);
    for (const sim of sims) await waitForEqualCatalog(sql as unknown as DatabaseService, clusters.find((c) => c.name === sim.name)!.id, sim, 20_000);
    console.log(`[scale-out] ${changes} cluster changes, ${stats.ok} reads answered, ${stats.rerouted} refused and rerouted, ${stats.cutBySigkill} cut by SIGKILL`);
    expect(failures).toEqual([]);
    expect(stats.ok).toBeGreaterThan(100);
    // The log says what the drain did, in JSON lines a pipeline can read.
    const released = holder.lines
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg?: string }).msg ?? '')
      .find((m) => /leases released/.test(m));
    expect(released).toBeDefined();
    console.log(`[scale-out] the stopped sync process logged: ${released}`);
  }, 120_000);
});
