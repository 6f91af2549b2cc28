// Fleet-scale benchmarks (issue #15): the built API (apps/api/dist, its own process, as
// `npm start` starts it) in front of a fleet of generated kube-sim clusters (a worker
// thread), against what users would do instead: COPY as the ceiling for the cold sync, a
// live fan-out with client-node for the catalog's questions, server-side applies straight
// to the cluster for self-service. PostgreSQL when DATABASE_URL is set, else PGlite.
// Sizes (environment, see bench/README.md): BENCH_FLEET_CLUSTERS, BENCH_FLEET_SERVICES,
// BENCH_FLEET_GROWTH, BENCH_FLEET_LOAD_SECONDS, BENCH_FLEET_CHURN_RATE,
// BENCH_FLEET_CHURN_SECONDS, BENCH_FLEET_ROUND_TRIPS; `--quick` makes them small.
// BENCH_FLEET_PROFILE=<folder>: the API's CPU profile of the full fleet's cold sync (which
// the profiler slows by a few per cent) and, after each catalog question's measured run, under
// the same load again; written there and summarised.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../apps/api/test/support/test-database.js';
import { type RunningProduct, startProduct } from '../apps/web/test/support/running-product.js';
import { CatalogGroupsDocument, CatalogServicesDocument, DiagnosticsPageDocument, ServicePageDocument, TopologyDocument } from '../apps/web/lib/graphql/generated/graphql.js';
import { cpuProfile, inspectorUrl, memoryAfterGc, residentMemory } from './support/api-process.js';
import { copyBaseline, serverConnections } from './support/copy-baseline.js';
import { type FanOutQuestion, startFanOutServer } from './support/fan-out.js';
import { load, type LoadRequest, type LoadResult } from './support/load.js';
import { type BenchResult, recordResult } from './support/record.js';
import { type Fleet, type FleetEvent, startFleet } from './support/sim-fleet.js';

const QUICK = process.env.BENCH_QUICK === '1';
const size = (name: string, full: number, quick: number) => {
  const v = Number(process.env[name] ?? (QUICK ? quick : full));
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number ≥ 1, got ${process.env[name]}`);
  return v;
};
const CLUSTERS = size('BENCH_FLEET_CLUSTERS', 20, 2);
const SERVICES = size('BENCH_FLEET_SERVICES', 5000, 100);
const LOAD_SECONDS = size('BENCH_FLEET_LOAD_SECONDS', 30, 3);
const CHURN = { rate: size('BENCH_FLEET_CHURN_RATE', 500, 50), seconds: size('BENCH_FLEET_CHURN_SECONDS', 60, 3) };
const ROUND_TRIPS = size('BENCH_FLEET_ROUND_TRIPS', 200, 10);
const CONCURRENT = QUICK ? 5 : 20;
const SUBSCRIBERS = QUICK ? 10 : 50;
/** The issue's 32; a quick run uses 4, so PGlite (one connection, requests in turn) answers within its seconds. */
const CONNECTIONS = QUICK ? 4 : 32;
/** Multiples of the fleet for the growth table; the largest is the fleet above, the others a share of its clusters. */
const GROWTH = (process.env.BENCH_FLEET_GROWTH ?? (QUICK ? '1,2' : '1,2,4')).split(',').map(Number);
if (GROWTH.some((m) => !Number.isInteger(m) || m < 1) || CLUSTERS % Math.max(...GROWTH)) throw new Error(`BENCH_FLEET_GROWTH must be whole multiples that divide BENCH_FLEET_CLUSTERS (${CLUSTERS}), got ${GROWTH}`);

const SOURCE = 'issue #15';
const ADMIN_TOKEN = 'bench-fleet-admin-token-0123456789';
const SEARCH = 'gateway-7';
const PAGE = 50;
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const PROFILE_DIR = process.env.BENCH_FLEET_PROFILE;
const fleetName = (clusters: number) => `${clusters} × ${SERVICES.toLocaleString('en-US')} services`;
const now = () => performance.timeOrigin + performance.now();
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.POSITIVE_INFINITY;
};
const record = (r: Omit<BenchResult, 'goal'> & { goal: Omit<BenchResult['goal'], 'source'> }) => recordResult({ ...r, goal: { ...r.goal, source: SOURCE } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 250 services per namespace (the dashboard bench's shape), one pod each, 5 ingresses per namespace. */
const generate = (seed: number) => ({ seed, namespaces: Math.ceil(SERVICES / 250), servicesPerNamespace: Math.min(250, SERVICES), podsPerService: 1, ingressesPerNamespace: 5 });

/** One fleet, one fresh database and the API in its own process. */
interface Stage {
  clusters: number;
  fleet: Fleet;
  db: TestDatabase;
  api: RunningProduct;
  gql<T = any>(doc: Parameters<typeof print>[0] | string, variables?: Record<string, unknown>): Promise<T>;
  rest<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  gqlLoad(doc: Parameters<typeof print>[0], variables: Record<string, unknown>): LoadRequest;
  stop(): Promise<void>;
}

async function startStage(clusters: number): Promise<Stage> {
  const fleet = await startFleet(Array.from({ length: clusters }, (_, i) => ({ name: `cluster-${String(i + 1).padStart(2, '0')}`, generate: generate(i + 1) })));
  const db = await createTestDatabase();
  const api = await startProduct(ADMIN_TOKEN, {
    dashboard: false,
    databaseUrl: db.database.kind === 'postgres' ? db.database.url : undefined,
    // The inspector lets the benchmark collect garbage before it reads the heap; the data
    // directory is the test database's, so PGlite's files outlive the API for the COPY baseline.
    apiNodeArgs: ['--inspect=127.0.0.1:0'],
    // NODE_ENV as the images set it (the test runner's "test" turns on graphql-js's development checks).
    apiEnv: { NODE_ENV: 'production', SWITCHBOARD_DATA_DIR: db.dataDir, RATE_LIMIT_MUTATIONS: '1000000', RATE_LIMIT_LOGINS: '1000000', RATE_LIMIT_AUTH_FAILURES: '1000000' },
  });
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const gqlBody = (doc: Parameters<typeof print>[0] | string, variables: Record<string, unknown> = {}) => JSON.stringify({ query: typeof doc === 'string' ? doc : print(doc), variables });
  return {
    clusters,
    fleet,
    db,
    api,
    async gql(doc, variables) {
      const res = await fetch(`${api.apiUrl}/graphql`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: gqlBody(doc, variables) });
      const json = (await res.json()) as { data: any; errors?: unknown[] };
      if (json.errors) throw new Error(`GraphQL errors: ${JSON.stringify(json.errors)}`);
      return json.data;
    },
    async rest(method, path, body) {
      const res = await fetch(`${api.apiUrl}/api/v1${path}`, { method, headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: res.status, body: (await res.json().catch(() => null)) as any };
    },
    gqlLoad: (doc, variables) => ({ url: `${api.apiUrl}/graphql`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: gqlBody(doc, variables) }),
    async stop() {
      await api.stop();
      await fleet.stop();
    },
  };
}

interface ColdSync {
  ms: number;
  peakRss: number;
  peakConnections: number | null;
  heapBefore: number;
}

/**
 * Registers every cluster at once and waits until each is READY (every kind listed and
 * committed); with `profile` (BENCH_FLEET_PROFILE, the full fleet) under the CPU profiler.
 */
async function coldSync(stage: Stage, profile: boolean): Promise<ColdSync> {
  const { heapUsed: heapBefore } = await memoryAfterGc(inspectorUrl(stage.api.output()));
  let peakConnections: number | null = null;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const n = await serverConnections(stage.db.database);
      if (n !== null) peakConnections = Math.max(peakConnections ?? 0, n);
      await sleep(250);
    }
  })();
  const started = performance.now();
  const syncAll = async () => {
    await Promise.all(
      stage.fleet.clusters.map(async (c) => {
        const r = await stage.rest('POST', '/clusters', { name: c.name, kubeconfig: c.kubeconfig, displayName: c.name });
        if (r.status !== 201) throw new Error(`registering ${c.name}: ${r.status} ${JSON.stringify(r.body)}`);
      }),
    );
    for (;;) {
      const { body } = await stage.rest<{ name: string; status: string }[]>('GET', '/clusters');
      if (body.length === stage.clusters && body.every((c) => c.status === 'READY')) return;
      if (performance.now() - started > 3_600_000) throw new Error(`not READY after an hour: ${JSON.stringify(body.map((c) => [c.name, c.status]))}`);
      await sleep(200);
    }
  };
  await (profile ? profiled(stage, 'cold-sync', syncAll) : syncAll());
  const ms = performance.now() - started;
  sampling = false;
  await sampler;
  const data = await stage.gql<{ services: { totalCount: number } }>(CatalogServicesDocument, { filter: {}, first: 1 });
  expect(data.services.totalCount).toBe(stage.fleet.clusters.reduce((n, c) => n + c.services, 0));
  return { ms, peakRss: residentMemory(stage.api.apiPid).peak, peakConnections, heapBefore };
}

const searchVariables = { filter: { search: SEARCH }, sort: 'NAMESPACE', first: PAGE };

/** Every stage's cold sync and search under load, for the growth table. */
const growth: { multiple: number; clusters: number; objects: number; syncMs: number; searchP99: number; searchRps: number }[] = [];
const MiB = 2 ** 20;

describe(`fleet: ${fleetName(CLUSTERS)} (${engine})${QUICK ? ' (quick)' : ''}`, () => {
  let stage: Stage | undefined;
  afterAll(async () => {
    await stage?.stop();
    await stage?.db.dispose();
  });

  for (const multiple of [...GROWTH].sort((a, b) => a - b)) {
    const clusters = (CLUSTERS * multiple) / Math.max(...GROWTH);
    const full = clusters === CLUSTERS;
    it(`${multiple}× (${fleetName(clusters)}): cold sync and the search page under load${full ? ', then every scenario at this size' : ''}`, async () => {
      stage = await startStage(clusters);
      const { objects, bytesPerObject } = await stage.fleet.call<{ objects: number; bytesPerObject: number }>('objectStats');
      const sync = await coldSync(stage, full && Boolean(PROFILE_DIR));
      const search = await load(stage.gqlLoad(CatalogServicesDocument, searchVariables), CONNECTIONS, LOAD_SECONDS);
      expect(search.failures).toBe(0);
      growth.push({ multiple, clusters, objects, syncMs: sync.ms, searchP99: search.p99, searchRps: search.requestsPerSecond });
      if (full) await everyScenario(stage, sync, search, objects, bytesPerObject);
      const done = stage;
      stage = undefined;
      await done.stop();
      if (full) await copyFigure(done, sync);
      await done.db.dispose();
    });
  }

  it('growth: cold sync and search p99 per doubling of the fleet', () => {
    expect(growth.length).toBe(GROWTH.length);
    const rows = growth.map((g, i) => {
      const prev = growth[i - 1];
      const perDoubling = (a: number, b: number) => (prev ? ((a / b) ** (1 / Math.log2(g.multiple / prev.multiple))).toFixed(2) : '—');
      return `| ${g.multiple}× | ${g.clusters} | ${g.objects.toLocaleString('en-US')} | ${(g.syncMs / 1000).toFixed(1)} s | ${prev ? perDoubling(g.syncMs, prev.syncMs) : '—'} | ${g.searchP99.toFixed(0)} ms | ${prev ? perDoubling(g.searchP99, prev.searchP99) : '—'} | ${g.searchRps.toFixed(0)} |`;
    });
    console.log(['[bench] fleet growth', '| fleet | clusters | objects | cold sync | ×/doubling | search p99 | ×/doubling | search req/s |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
    const first = growth[0]!;
    const last = growth.at(-1)!;
    const doublings = Math.log2(last.multiple / first.multiple);
    if (!doublings) return; // one multiple only (BENCH_FLEET_GROWTH=1): nothing grew
    // Linear or better: the sync time at most doubles per doubling of the fleet; the search p99 should grow less.
    const syncGrowth = (last.syncMs / first.syncMs) ** (1 / doublings);
    const searchGrowth = (last.searchP99 / first.searchP99) ** (1 / doublings);
    const details = Object.fromEntries(growth.flatMap((g) => [[`syncSeconds@${g.multiple}x`, g.syncMs / 1000], [`searchP99@${g.multiple}x`, g.searchP99]]));
    record({ id: 'fleet.growth.sync', title: `Growth: cold sync time per doubling of the fleet, ${growth.map((g) => `${g.multiple}×`).join('/')} (${engine})`, unit: 'factor', value: syncGrowth, goal: { max: 2 }, baseline: { label: 'linear (2× per doubling)', value: 2 }, details });
    record({ id: 'fleet.growth.search-p99', title: `Growth: search p99 per doubling of the fleet (${engine})`, unit: 'factor', value: searchGrowth, goal: { max: 2 }, baseline: { label: 'linear (2× per doubling)', value: 2 }, details });
    console.log(`[bench] fleet: ${engine}; load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  });
});

/** Scenarios 2–6 on the full fleet, after its cold sync. */
async function everyScenario(stage: Stage, sync: ColdSync, search: LoadResult, objects: number, bytesPerObject: number): Promise<void> {
  await memoryFigure(stage, sync, objects, bytesPerObject);
  await catalogQueries(stage, search);
  await changeToScreen(stage);
  await selfService(stage);
  await reconnectStorm(stage);
}

/** `work` with the API's CPU profile taken meanwhile, written to PROFILE_DIR and summarised (not a goal: for reading why one is missed). */
async function profiled<T>(stage: Stage, name: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(PROFILE_DIR!, { recursive: true });
  let result!: T;
  const { profile, top } = await cpuProfile(inspectorUrl(stage.api.output()), async () => {
    result = await work();
  });
  const file = path.join(PROFILE_DIR!, `fleet-${name}-${stage.clusters}x${SERVICES}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`[bench] API CPU profile, ${name} (${file}), self time:\n  ${top.join('\n  ')}`);
  return result;
}

async function copyFigure(stage: Stage, sync: ColdSync): Promise<void> {
  const copy = await copyBaseline(stage.db.database);
  const syncRate = copy.totalRows / (sync.ms / 1000);
  const copyRate = copy.totalRows / (copy.ms / 1000);
  record({
    id: 'fleet.cold-sync',
    title: `Fleet cold sync, ${fleetName(stage.clusters)} registered at once → every cluster READY: rows/s (${engine})`,
    unit: 'rows/s',
    value: syncRate,
    goal: { min: 0.4 * copyRate },
    baseline: { label: 'the same rows COPY-loaded into tables of the same columns and indexes', value: copyRate },
    details: { rows: copy.totalRows, syncSeconds: sync.ms / 1000, copySeconds: copy.ms / 1000, peakApiRssMiB: sync.peakRss / MiB, peakPgConnections: sync.peakConnections ?? 'PGlite (embedded, one connection)', ...Object.fromEntries(Object.entries(copy.rows).map(([t, n]) => [`rows:${t}`, n])) },
  });
}

async function memoryFigure(stage: Stage, sync: ColdSync, objects: number, bytesPerObject: number): Promise<void> {
  const after = await memoryAfterGc(inspectorUrl(stage.api.output()));
  record({
    id: 'fleet.heap-per-object',
    title: `API heap per synced object at steady state, ${fleetName(stage.clusters)} (${engine})`,
    unit: 'bytes/object',
    value: (after.heapUsed - sync.heapBefore) / objects,
    goal: { max: 1024 },
    baseline: { label: 'JSON of one listed object, what a full-object informer cache holds at least', value: bytesPerObject },
    details: { objects, heapBeforeMiB: sync.heapBefore / MiB, heapAfterMiB: after.heapUsed / MiB, rssAfterGcMiB: after.rss / MiB, rssPerObjectBytes: after.rss / objects, peakRssMiB: residentMemory(stage.api.apiPid).peak / MiB },
  });
}

/** Scenario 2: five questions over GraphQL and REST, each against the live fan-out that answers it without a catalog. */
async function catalogQueries(stage: Stage, search: LoadResult): Promise<void> {
  const first = stage.fleet.clusters[0]!.name;
  const { services } = await stage.gql<{ services: { nodes: { cluster: string; namespace: string; name: string }[] } }>(CatalogServicesDocument, { filter: { clusters: [first], search: SEARCH }, first: 1 });
  const svc = services.nodes[0]!;
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const restLoad = (path: string): LoadRequest => ({ url: `${stage.api.apiUrl}/api/v1${path}`, headers: auth });
  const questions: { id: FanOutQuestion; title: string; graphql: LoadRequest; rest: LoadRequest; fanOut: string }[] = [
    { id: 'search', title: `search "${SEARCH}", first page of ${PAGE} with URLs and findings`, graphql: stage.gqlLoad(CatalogServicesDocument, searchVariables), rest: restLoad(`/services?q=${SEARCH}&limit=${PAGE}`), fanOut: `/search?q=${SEARCH}` },
    { id: 'service', title: 'service detail', graphql: stage.gqlLoad(ServicePageDocument, svc), rest: restLoad(`/clusters/${svc.cluster}/namespaces/${svc.namespace}/services/${svc.name}`), fanOut: `/service?cluster=${svc.cluster}&namespace=${svc.namespace}&name=${svc.name}` },
    { id: 'topology', title: `topology of a namespace (${Math.min(250, SERVICES)} services)`, graphql: stage.gqlLoad(TopologyDocument, { cluster: svc.cluster, namespace: svc.namespace }), rest: restLoad(`/topology?cluster=${svc.cluster}&namespace=${svc.namespace}`), fanOut: `/topology?cluster=${svc.cluster}&namespace=${svc.namespace}` },
    { id: 'groups', title: `service groups, first page of ${PAGE}`, graphql: stage.gqlLoad(CatalogGroupsDocument, { filter: {}, first: PAGE }), rest: restLoad(`/service-groups?limit=${PAGE}`), fanOut: '/groups' },
    { id: 'diagnostics', title: 'diagnostics page', graphql: stage.gqlLoad(DiagnosticsPageDocument, {}), rest: restLoad(`/diagnostics?limit=${PAGE}`), fanOut: '/diagnostics' },
  ];
  const fanOut = await startFanOutServer(stage.fleet.clusters);
  try {
    for (const q of questions) {
      const baseline = await load({ url: `${fanOut.url}${q.fanOut}` }, CONNECTIONS, LOAD_SECONDS);
      expect(baseline.failures, `fan-out ${q.id}`).toBe(0);
      for (const via of ['graphql', 'rest'] as const) {
        const r = q.id === 'search' && via === 'graphql' ? search : await load(q[via], CONNECTIONS, LOAD_SECONDS);
        expect(r.failures, `${via} ${q.id}`).toBe(0);
        const details = { p50: r.p50, p99: r.p99, requests: r.requests, fanOutP50: baseline.p50, fanOutP99: baseline.p99, fanOutRps: baseline.requestsPerSecond, connections: CONNECTIONS, seconds: LOAD_SECONDS };
        record({ id: `fleet.query.${q.id}.${via}.throughput`, title: `${via === 'graphql' ? 'GraphQL' : 'REST'} ${q.title}, ${CONNECTIONS} connections: req/s (${engine})`, unit: 'req/s', value: r.requestsPerSecond, goal: { min: 50 * baseline.requestsPerSecond }, baseline: { label: 'live fan-out with client-node to every cluster', value: baseline.requestsPerSecond }, details });
        if (PROFILE_DIR) await profiled(stage, `${via}-${q.id}-under-load`, () => load(q[via], CONNECTIONS, LOAD_SECONDS));
        if (q.id === 'search') record({ id: `fleet.query.search.${via}.p99`, title: `${via === 'graphql' ? 'GraphQL' : 'REST'} ${q.title}, ${CONNECTIONS} connections: p99 (${engine})`, unit: 'ms', value: r.p99, goal: { max: 50 }, baseline: { label: 'live fan-out p99', value: baseline.p99 }, details });
      }
    }
  } finally {
    await fanOut.close();
  }
}

/** Scenario 3: kube-sim writes spread over the clusters → the committed row (the change's commit time) and delivery to every subscriber. */
async function changeToScreen(stage: Stage): Promise<void> {
  const url = `${stage.api.apiUrl.replace('http', 'ws')}/graphql`;
  const query = `subscription($filter: CatalogChangeFilter) { catalogChanged(filter: $filter) { at cluster kind op objects } }`;
  const deliveries: Map<string, number>[] = [];
  const committed = new Map<string, number>();
  const clients = Array.from({ length: SUBSCRIBERS }, (_, i) => {
    const seen = new Map<string, number>();
    deliveries.push(seen);
    let ready!: () => void;
    const started = new Promise<void>((r) => (ready = r));
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${ADMIN_TOKEN}` }, lazy: false, on: { connected: () => ready() } });
    client.subscribe<{ catalogChanged: { at: string; cluster: string; objects: string[] } }>(
      { query, variables: { filter: { kinds: ['SERVICE'] } } },
      {
        next: ({ data }) => {
          const t = now();
          const c = data!.catalogChanged;
          for (const o of c.objects) {
            const key = `${c.cluster} ${o}`;
            if (!seen.has(key)) seen.set(key, t);
            if (i === 0 && !committed.has(key)) committed.set(key, Date.parse(c.at));
          }
        },
        error: (err) => console.error('[bench] subscriber', i, err),
        complete: () => undefined,
      },
    );
    return { client, started };
  });
  await Promise.all(clients.map((c) => c.started));
  await sleep(500);
  const writes = new Map<string, number>();
  const off = stage.fleet.onEvent((e: FleetEvent) => writes.set(`${e.cluster} ${e.object}`, e.at));
  const churn = await stage.fleet.call<{ writes: number; seconds: number }>('churn', CHURN);
  off();
  const deadline = now() + 30_000;
  while (now() < deadline && deliveries.some((d) => [...writes.keys()].some((k) => !d.has(k)))) await sleep(100);
  for (const c of clients) await c.client.dispose();
  const toSubscriber: number[] = [];
  let lost = 0;
  for (const d of deliveries) for (const [k, at] of writes) d.has(k) ? toSubscriber.push(Math.max(0, d.get(k)! - at)) : lost++;
  const toRow = [...writes].filter(([k]) => committed.has(k)).map(([k, at]) => Math.max(0, committed.get(k)! - at));
  const details = { writes: churn.writes, achievedRate: churn.writes / churn.seconds, subscribers: SUBSCRIBERS, lost, committedP50: percentile(toRow, 50), committedP99: percentile(toRow, 99), subscriberP50: percentile(toSubscriber, 50), subscriberP99: percentile(toSubscriber, 99) };
  record({ id: 'fleet.change-to-screen.p99', title: `${CHURN.rate} kube-sim writes/s for ${CHURN.seconds} s over ${stage.clusters} clusters → ${SUBSCRIBERS} catalogChanged subscribers: p99 (${engine})`, unit: 'ms', value: lost ? Number.POSITIVE_INFINITY : percentile(toSubscriber, 99), goal: { max: 250 }, baseline: { label: 'p99 write → committed row', value: percentile(toRow, 99) }, details });
  expect(lost).toBe(0);
}

/** Scenario 4: createService (NodePort) + exposeService (Ingress, TLS) until the https URL is in the catalog, against the two server-side applies alone. */
async function selfService(stage: Stage): Promise<void> {
  const cluster = stage.fleet.clusters[0]!;
  const namespace = 'payments';
  const create = `mutation($c: String!, $n: String!, $i: CreateServiceInput!) { createService(cluster: $c, namespace: $n, input: $i) { service { name } } }`;
  const expose = `mutation($c: String!, $n: String!, $name: String!, $i: ExposeInput!) { exposeService(cluster: $c, namespace: $n, name: $name, input: $i) { service { accessUrls { url } } } }`;
  const inCatalog = `query($c: String!, $n: String!, $name: String!) { service(cluster: $c, namespace: $n, name: $name) { accessUrls { url } } }`;
  const roundTrip = async (name: string) => {
    const started = performance.now();
    await stage.gql(create, { c: cluster.name, n: namespace, i: { name, type: 'NodePort', selector: [{ key: 'app', value: name }], ports: [{ name: 'http', port: 80, targetPort: '8080' }] } });
    const host = `${name}.bench.example.com`;
    const want = `https://${host}`;
    let urls: string[] = ((await stage.gql(expose, { c: cluster.name, n: namespace, name, i: { via: 'INGRESS', host, tls: { secretName: `${name}-tls` } } })).exposeService.service?.accessUrls ?? []).map((u: { url: string }) => u.url);
    while (!urls.some((u) => u.startsWith(want))) {
      if (performance.now() - started > 30_000) throw new Error(`${want} not in the catalog after 30 s: ${urls}`);
      await sleep(10);
      urls = (await stage.gql(inCatalog, { c: cluster.name, n: namespace, name })).service.accessUrls.map((u: { url: string }) => u.url);
    }
    return performance.now() - started;
  };
  const kc = new k8s.KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const apply = (o: k8s.KubernetesObject) => objects.patch(o, undefined, undefined, 'bench-kubectl', true, k8s.PatchStrategy.ServerSideApply);
  const directApplies = async (name: string) => {
    const started = performance.now();
    await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { type: 'NodePort', selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } } as k8s.KubernetesObject);
    const host = `${name}.bench.example.com`;
    await apply({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace }, spec: { tls: [{ hosts: [host], secretName: `${name}-tls` }], rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] } } as k8s.KubernetesObject);
    return performance.now() - started;
  };
  const sequential: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    sequential.push(await roundTrip(`bench-ss-${i}`));
    direct.push(await directApplies(`bench-direct-${i}`));
  }
  // What one round trip asks of the cluster (its requests by verb), counted over the concurrent ones.
  // (No reset: the reconnect storm reads which kinds are watched from the counts since the start.)
  const countsOf = async () => (await stage.fleet.call<Record<string, Record<string, number>>>('requestCounts'))[cluster.name] ?? {};
  const before = await countsOf();
  const concurrent = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => roundTrip(`bench-ssc-${i}`)));
  const perRoundTrip: Record<string, number> = {};
  for (const [key, n] of Object.entries(await countsOf())) {
    const verb = `kube:${key.split(' ')[0]}`;
    if (!key.startsWith('watch ') && n > (before[key] ?? 0)) perRoundTrip[verb] = (perRoundTrip[verb] ?? 0) + (n - (before[key] ?? 0)) / CONCURRENT;
  }
  const directConcurrent = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => directApplies(`bench-directc-${i}`)));
  const title = (how: string) => `Self-service: createService (NodePort) + exposeService (Ingress, TLS) → https URL in the catalog, ${how}: p99 (${engine})`;
  record({ id: 'fleet.self-service.sequential.p99', title: title(`${ROUND_TRIPS} one after another`), unit: 'ms', value: percentile(sequential, 99), goal: { max: 500 }, baseline: { label: 'the two server-side applies sent straight to kube-sim, p99', value: percentile(direct, 99) }, details: { p50: percentile(sequential, 50), baselineP50: percentile(direct, 50) } });
  record({ id: 'fleet.self-service.concurrent.p99', title: title(`${CONCURRENT} at once`), unit: 'ms', value: percentile(concurrent, 99), goal: { max: 500 }, baseline: { label: 'the same applies straight to kube-sim, at once, p99', value: percentile(directConcurrent, 99) }, details: { p50: percentile(concurrent, 50), baselineP50: percentile(directConcurrent, 50), ...perRoundTrip } });
}

/**
 * Scenario 5: every watch of every cluster dropped at once; in every other cluster a write and
 * a compaction follow, so its resumed watches get 410 and must relist. Until the API has
 * watched every kind again (kube-sim's request counts) and every cluster is READY; lists per
 * cluster × kind counted (a relist's later pages are not extra lists).
 */
async function reconnectStorm(stage: Stage): Promise<void> {
  type Counts = Record<string, Record<string, number>>;
  const watched = await stage.fleet.call<Counts>('requestCounts', { reset: true });
  const expire = stage.fleet.clusters.filter((_, i) => i % 2 === 0).map((c) => c.name);
  const resources = (c: string) => Object.keys(watched[c] ?? {}).filter((k) => k.startsWith('watch ')).map((k) => k.slice('watch '.length));
  const started = now();
  await stage.fleet.call('dropWatches', { expire });
  let counts: Counts = {};
  for (;;) {
    counts = await stage.fleet.call<Counts>('requestCounts');
    const rewatched = stage.fleet.clusters.every((c) => resources(c.name).every((r) => (counts[c.name]?.[`watch ${r}`] ?? 0) - (counts[c.name]?.[`expired ${r}`] ?? 0) >= 1));
    if (rewatched) {
      const { body } = await stage.rest<{ status: string }[]>('GET', '/clusters');
      if (body.every((c) => c.status === 'READY')) break;
    }
    if (now() - started > 120_000) throw new Error(`not every watch back after 2 minutes: ${JSON.stringify(counts)}`);
    await sleep(50);
  }
  const ms = now() - started;
  await sleep(2000); // anything the storm still sends shows in the counts
  counts = await stage.fleet.call<Counts>('requestCounts');
  let worstExpired = 0;
  let listsElsewhere = 0;
  let expiredPairs = 0;
  let totalLists = 0;
  for (const c of stage.fleet.clusters) {
    for (const r of resources(c.name)) {
      const lists = counts[c.name]?.[`list ${r}`] ?? 0;
      totalLists += lists;
      if ((counts[c.name]?.[`expired ${r}`] ?? 0) > 0) {
        expiredPairs++;
        worstExpired = Math.max(worstExpired, lists);
      } else listsElsewhere += lists;
    }
  }
  const kinds = resources(stage.fleet.clusters[0]!.name).length;
  const details = { clusters: stage.clusters, kinds, expiredPairs, totalLists, listsWhereNo410: listsElsewhere, mostListsAfter410: worstExpired };
  record({ id: 'fleet.reconnect-storm.ready', title: `Reconnect storm: every watch of ${stage.clusters} clusters dropped (half of them compacted) → every kind watched again and READY (${engine})`, unit: 'ms', value: ms, goal: { max: 10_000 }, details });
  record({ id: 'fleet.reconnect-storm.lists-after-410', title: 'Reconnect storm: most list calls for one cluster × kind that got a 410', unit: 'count', value: worstExpired, goal: { max: 1 }, details });
  record({ id: 'fleet.reconnect-storm.lists-without-410', title: 'Reconnect storm: list calls for cluster × kinds that resumed without a 410', unit: 'count', value: listsElsewhere, goal: { max: 0 }, details });
}
