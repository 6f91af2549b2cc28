// Sync benchmarks (issue #4): one cluster of 10,000 services and 30,000 pods mirrored by
// the real API (started like the integration tests start it) into PostgreSQL when
// DATABASE_URL is set, else PGlite. The simulated cluster runs in a worker thread: like
// a real API server it is not part of the API process, neither its heap nor its CPU.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../apps/api/test/support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../apps/api/test/support/test-database.js';
import { type RunningApp, startTestApp } from '../apps/api/test/support/test-app.js';
import { ChangeFeed } from '../apps/api/src/change-feed/change-feed.service.js';
import { ClusterDirectory } from '../apps/api/src/clusters/cluster-directory.js';
import { heapUsedAfterGc, recordResult } from './support/record.js';

const GENERATE = { seed: 42, namespaces: 100, servicesPerNamespace: 100, podsPerService: 3, ingressesPerNamespace: 5 };
const CHURN = { rate: 200, seconds: 20 };
const KINDS = ['NAMESPACE', 'NODE', 'POD', 'SERVICE', 'ENDPOINT_SLICE', 'INGRESS'] as const;
const TABLES = { NAMESPACE: 'Namespace', NODE: 'Node', POD: 'Pod', SERVICE: 'Service', ENDPOINT_SLICE: 'EndpointSlice', INGRESS: 'Ingress' } as const;
const CHILDREN: Record<string, { table: string; parent: string }[]> = {
  Service: [{ table: 'ServicePort', parent: 'serviceId' }],
  EndpointSlice: [{ table: 'Endpoint', parent: 'sliceId' }],
  Ingress: [{ table: 'IngressRule', parent: 'ingressId' }, { table: 'IngressTls', parent: 'ingressId' }],
};
const now = () => performance.timeOrigin + performance.now();

/** The worker: starts the cluster, reports its size, and on request writes at a steady rate, reporting each write. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const { startCluster, rng } = await import(workerData.kubeSim);
  const sim = await startCluster({ name: 'bench', generate: workerData.generate, bookmarkIntervalMs: 1000 });
  const kinds = { NAMESPACE: ['v1', 'Namespace'], NODE: ['v1', 'Node'], POD: ['v1', 'Pod'], SERVICE: ['v1', 'Service'], ENDPOINT_SLICE: ['discovery.k8s.io/v1', 'EndpointSlice'], INGRESS: ['networking.k8s.io/v1', 'Ingress'] };
  const counts = {};
  let bytes = 0;
  for (const [kind, [v, k]] of Object.entries(kinds)) {
    const items = sim.list(v, k);
    counts[kind] = items.length;
    for (const o of items) bytes += JSON.stringify(o).length;
  }
  parentPort.postMessage({ type: 'ready', kubeconfig: sim.kubeconfig(), counts, bytes });
  parentPort.on('message', async (m) => {
    if (m.type === 'stop') {
      await sim.stop();
      parentPort.postMessage({ type: 'stopped' });
      return;
    }
    // Each write touches an object no other write touches, so its first change notification is its commit.
    const rand = rng(7);
    const shuffled = (xs) => { for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; } return xs; };
    const services = shuffled(sim.list('v1', 'Service'));
    const pods = shuffled(sim.list('v1', 'Pod'));
    const ingresses = shuffled(sim.list('networking.k8s.io/v1', 'Ingress'));
    const annotate = async (o, i) => (await sim.apply({ ...o, metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations || {}), 'bench.switchboard/churn': String(i) } } }))[0];
    const total = m.rate * m.seconds;
    const next = { SERVICE: 0, POD: 0, INGRESS: 0 };
    const started = now();
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / m.rate - now();
      if (wait > 1) await sleep(wait);
      const r = rand();
      let kind, o;
      if (r < 0.7) { kind = 'SERVICE'; const s = services[next.SERVICE++]; o = await annotate(sim.get('v1', 'Service', s.metadata.namespace, s.metadata.name), i); }
      else if (r < 0.9) { kind = 'POD'; const p = pods[next.POD++]; await sim.setPodReady(p.metadata.namespace, p.metadata.name, false); o = sim.get('v1', 'Pod', p.metadata.namespace, p.metadata.name); }
      else { kind = 'INGRESS'; const g = ingresses[next.INGRESS++]; o = await annotate(sim.get('networking.k8s.io/v1', 'Ingress', g.metadata.namespace, g.metadata.name), i); }
      parentPort.postMessage({ type: 'write', key: kind + ' ' + o.metadata.namespace + '/' + o.metadata.name, rv: o.metadata.resourceVersion, at: now() });
    }
    parentPort.postMessage({ type: 'churned', seconds: (now() - started) / 1000 });
  });
})().catch((err) => parentPort.postMessage({ type: 'error', message: String(err && err.stack || err) }));
`;

interface Ready {
  kubeconfig: string;
  counts: Record<(typeof KINDS)[number], number>;
  bytes: number;
}

function startSimWorker(): Promise<{ worker: Worker; ready: Ready }> {
  const kubeSim = pathToFileURL(createRequire(import.meta.url).resolve('@switchboard/kube-sim')).href;
  const worker = new Worker(WORKER, { eval: true, workerData: { kubeSim, generate: GENERATE } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    const onMessage = (m: { type: string; message?: string } & Ready) => {
      if (m.type === 'error') reject(new Error(m.message));
      if (m.type !== 'ready') return;
      worker.off('message', onMessage);
      resolve({ worker, ready: m });
    };
    worker.on('message', onMessage);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe(`sync: one cluster of ${GENERATE.namespaces * GENERATE.servicesPerNamespace} services and ${GENERATE.namespaces * GENERATE.servicesPerNamespace * GENERATE.podsPerService} pods`, () => {
  let db: TestDatabase;
  let api: RunningApp;
  let worker: Worker;
  let sim: Ready;
  let clusterId: string;
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

  beforeAll(async () => {
    ({ worker, ready: sim } = await startSimWorker());
    db = await createTestDatabase();
    api = await startTestApp(db.config(), { skipAuditCheck: true });
  });
  afterAll(async () => {
    await api?.close();
    if (worker) {
      const stopped = new Promise((r) => worker.once('message', r));
      worker.postMessage({ type: 'stop' });
      await stopped;
      await worker.terminate();
    }
    await db?.dispose();
  });

  it('initial sync: time until every kind is ready, and heap growth per synced object', async () => {
    const objects = KINDS.reduce((n, k) => n + sim.counts[k], 0);
    const heapBefore = heapUsedAfterGc();
    const started = performance.now();
    const reg = await rest(api, 'POST', '/clusters', { name: 'bench', kubeconfig: sim.kubeconfig });
    expect(reg.status).toBe(201);
    for (;;) {
      const { body } = await rest(api, 'GET', '/clusters/bench');
      if (body.syncStates?.length === KINDS.length && body.syncStates.every((s: { status: string }) => s.status === 'READY')) break;
      if (performance.now() - started > 600_000) throw new Error(`not ready after 10 minutes: ${JSON.stringify(body.syncStates)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - started;
    const heapAfter = heapUsedAfterGc();
    clusterId = (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'bench' } })).id;
    const rows = await rowCounts(api, clusterId);
    expect(rows).toEqual(KINDS.map((k) => sim.counts[k]));

    const baselineMs = await plainBulkInsert(api, clusterId);
    recordResult({
      id: 'sync.initial-10k-services',
      title: `Initial sync, 10k services + 30k pods (${engine})`,
      unit: 'ms',
      value: ms,
      goal: { max: 30_000, source: 'issue #4' },
      baseline: { label: 'same rows, plain bulk INSERT', value: baselineMs },
      details: { objects, ...Object.fromEntries(KINDS.map((k) => [k.toLowerCase(), sim.counts[k]])), objectsPerSecond: Math.round(objects / (ms / 1000)) },
    });
    recordResult({
      id: 'sync.heap-per-object',
      title: `API heap growth per synced object (${engine})`,
      unit: 'bytes/object',
      value: (heapAfter - heapBefore) / objects,
      goal: { max: 2048, source: 'issue #4' },
      baseline: { label: 'JSON of one listed object, what a full-object cache holds at least', value: sim.bytes / objects },
      details: { objects, heapBeforeMiB: heapBefore / 2 ** 20, heapAfterMiB: heapAfter / 2 ** 20 },
    });
  });

  it('steady churn: kube-sim write to committed row', async () => {
    expect(clusterId).toBeDefined();
    const feed = api.app.get(ChangeFeed);
    const seen = new Map<string, number>();
    const writes = new Map<string, { rv: string; at: number }>();
    const sub = feed.changes$.subscribe((c) => {
      const t = now();
      for (const o of c.objects) if (!seen.has(`${c.kind} ${o}`)) seen.set(`${c.kind} ${o}`, t);
    });
    const churned = new Promise<number>((resolve, reject) => {
      const onMessage = (m: { type: string; key: string; rv: string; at: number; seconds: number; message?: string }) => {
        if (m.type === 'write') writes.set(m.key, { rv: m.rv, at: m.at });
        else if (m.type === 'error') reject(new Error(m.message));
        else if (m.type === 'churned') {
          worker.off('message', onMessage);
          resolve(m.seconds);
        }
      };
      worker.on('message', onMessage);
    });
    const startedAt = now();
    worker.postMessage({ type: 'churn', ...CHURN });
    const seconds = await churned;
    const deadline = now() + 30_000;
    while ([...writes.keys()].some((k) => !seen.has(k)) && now() < deadline) await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();

    const latencies = [...writes].filter(([k]) => seen.has(k)).map(([k, w]) => Math.max(0, seen.get(k)! - w.at)).sort((a, b) => a - b);
    const lost = writes.size - latencies.length;
    const stale = await staleRows(api, clusterId, writes);
    const baseline = await trivialRoundTrips(api, 200);
    recordResult({
      id: 'sync.churn-200-per-second-p99',
      title: `Churn ${CHURN.rate} writes/s for ${CHURN.seconds}s: p99 write → committed row (${engine})`,
      unit: 'ms',
      value: lost ? Number.POSITIVE_INFINITY : percentile(latencies, 99),
      goal: { max: 1000, source: 'issue #4' },
      baseline: { label: 'p99 of a trivial write + read round trip', value: percentile(baseline, 99) },
      details: {
        writes: writes.size,
        achievedRate: writes.size / seconds,
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? 0,
        baselineP50: percentile(baseline, 50),
        lost,
        staleRows: stale,
        wallSeconds: (now() - startedAt) / 1000,
      },
    });
    expect(lost).toBe(0);
    expect(stale).toBe(0);
  });
});

async function rowCounts(api: RunningApp, clusterId: string): Promise<number[]> {
  const out: number[] = [];
  for (const k of KINDS) {
    const [r] = await api.database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${TABLES[k]}" WHERE "clusterId" = $1::uuid`, clusterId);
    out.push(r!.n);
  }
  return out;
}

/** Rows whose resourceVersion is not the one the churn wrote (the feed said committed, so this must be 0). */
async function staleRows(api: RunningApp, clusterId: string, writes: Map<string, { rv: string }>): Promise<number> {
  let stale = 0;
  for (const kind of ['SERVICE', 'POD', 'INGRESS'] as const) {
    const wanted = [...writes].filter(([k]) => k.startsWith(`${kind} `));
    if (!wanted.length) continue;
    const rows = await api.database.prisma.$queryRawUnsafe<{ k: string; rv: string }[]>(
      `SELECT namespace || '/' || name AS k, "resourceVersion" AS rv FROM "${TABLES[kind]}" WHERE "clusterId" = $1::uuid AND namespace || '/' || name = ANY($2::text[])`,
      clusterId,
      wanted.map(([k]) => k.slice(kind.length + 1)),
    );
    const rv = new Map(rows.map((r) => [r.k, r.rv]));
    for (const [k, w] of wanted) if (rv.get(k.slice(kind.length + 1)) !== w.rv) stale++;
  }
  return stale;
}

/**
 * The baseline for the initial sync: the rows the sync wrote, read back and written
 * again for another (paused) cluster with a plain bulk INSERT: whole rows, ids made by
 * the client, 5,000 rows per statement, one transaction per table, no conflict handling.
 * Returns the milliseconds of writing.
 */
async function plainBulkInsert(api: RunningApp, clusterId: string): Promise<number> {
  const prisma = api.database.prisma;
  // A paused cluster with readable credentials: the sync engine leaves it alone.
  const credentials = api.app.get(ClusterDirectory).cipher.encrypt({ server: 'https://baseline.invalid' });
  const { id: target } = await prisma.cluster.create({ data: { name: 'baseline', displayName: 'baseline', server: 'https://baseline.invalid', authKind: 'TOKEN', credentials, paused: true } });
  const batches: { table: string; rows: Record<string, unknown>[] }[] = [];
  for (const kind of KINDS) {
    const table = TABLES[kind];
    const parents = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}" WHERE "clusterId" = $1::uuid`, clusterId);
    const newId = new Map<unknown, string>();
    for (const p of parents) {
      newId.set(p.id, randomUUID());
      p.id = newId.get(p.id);
      p.clusterId = target;
    }
    batches.push({ table, rows: parents });
    for (const child of CHILDREN[table] ?? []) {
      const kids = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT c.* FROM "${child.table}" c JOIN "${table}" p ON p.id = c."${child.parent}" WHERE p."clusterId" = $1::uuid`,
        clusterId,
      );
      for (const k of kids) {
        k.id = randomUUID();
        k[child.parent] = newId.get(k[child.parent]);
        if ('clusterId' in k) k.clusterId = target;
      }
      batches.push({ table: child.table, rows: kids });
    }
  }
  const started = performance.now();
  for (const { table, rows } of batches) {
    if (!rows.length) continue;
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 5_000) {
        await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`, JSON.stringify(rows.slice(i, i + 5_000)));
      }
    }, { maxWait: 60_000, timeout: 600_000 });
  }
  const ms = performance.now() - started;
  await prisma.$executeRawUnsafe(`DELETE FROM "Cluster" WHERE id = $1::uuid`, target);
  return ms;
}

/** The churn baseline: a trivial committed write and a read of it, n times (milliseconds, sorted). */
async function trivialRoundTrips(api: RunningApp, n: number): Promise<number[]> {
  const prisma = api.database.prisma;
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS bench_round_trip (id int PRIMARY KEY, v text)`);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await prisma.$executeRawUnsafe(`INSERT INTO bench_round_trip (id, v) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v`, String(i));
    await prisma.$queryRawUnsafe(`SELECT v FROM bench_round_trip WHERE id = 1`);
    out.push(performance.now() - started);
  }
  await prisma.$executeRawUnsafe(`DROP TABLE bench_round_trip`);
  return out.sort((a, b) => a - b);
}
