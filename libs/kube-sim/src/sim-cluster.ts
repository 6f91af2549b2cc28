import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { stringify } from 'yaml';
import { rkeyOf } from './cluster-kinds.js';
import { ClusterState } from './cluster-state.js';
import { generateObjects, type GenerateOptions } from './generator.js';
import { jsonClone } from './json-values.js';
import { findByKind } from './resources.js';
import { loadManifests, seedCommandObjects, seedScenarioDir } from './scenarios.js';
import { type FaultState, handle, hung, type ServerContext } from './server.js';
import { notFound } from './status.js';
import type { KubeObject } from './kube-object.js';
import { generateCertificates } from './tls.js';

export interface SimClusterOptions {
  name: string;
  port?: number;
  host?: string;
  region?: string;
  zones?: string[];
  nodes?: number;
  serviceCidr?: string;
  podCidr?: string;
  /** external: null → nodes without ExternalIP. */
  nodeAddressBase?: { internal: string; external?: string | null };
  /** false: no provider, LoadBalancer services and ingresses stay pending. */
  loadBalancer?: false | { ipPool?: string; hostnames?: boolean };
  podReadyDelayMs?: number;
  historyWindow?: number;
  bookmarkIntervalMs?: number;
  /** 'seed' = the shipped seed scenarios (plus their two kubectl commands), or a folder of manifests. */
  scenario?: 'seed' | string;
  generate?: GenerateOptions;
}

export interface SimFaults {
  dropWatches(): void;
  freezeWatches(on?: boolean): void;
  expireNextWatches(n: number): void;
  compact(): void;
  failNext(n: number, status?: 500 | 503 | 429, retryAfterSeconds?: number): void;
  latency(ms: number): void;
  down(): Promise<void>;
  up(): Promise<void>;
  reset(): void;
}

export interface SimCluster {
  readonly name: string;
  readonly url: string;
  readonly token: string;
  readonly readOnlyToken: string;
  readonly caData: string;
  kubeconfig(): string;
  readOnlyKubeconfig(): string;
  apply(obj: object | object[]): Promise<object[]>;
  delete(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<void>;
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): object | undefined;
  list(apiVersion: string, kind: string, namespace?: string): object[];
  scale(namespace: string, deployment: string, replicas: number): Promise<void>;
  setPodReady(namespace: string, pod: string, ready: boolean): Promise<void>;
  readonly faults: SimFaults;
  /**
   * Requests served since the start (or the last reset), by "<verb> <resource>", e.g.
   * "list services", "watch pods"; a list's later pages are "list-continue <resource>";
   * "expired <resource>" counts watches answered with 410 Gone.
   */
  requestCounts(reset?: boolean): Record<string, number>;
  resourceVersion(): string;
  stop(): Promise<void>;
}

// Recognisable like real providers' tokens, so a test can prove none ever leaks into an answer or a log.
const token = () => `ksim_${randomBytes(24).toString('base64url')}`;

/** One kubeconfig document with a context per cluster (CA embedded, bearer token user). */
export function kubeconfigFor(clusters: { name: string; url: string; caData: string; token: string }[], current?: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.url, 'certificate-authority-data': Buffer.from(c.caData).toString('base64') } })),
    users: clusters.map((c) => ({ name: `${c.name}-user`, user: { token: c.token } })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-user`, namespace: 'default' } })),
    'current-context': current ?? clusters[0]?.name ?? '',
    preferences: {},
  });
}

export async function startCluster(opts: SimClusterOptions): Promise<SimCluster> {
  const index = Math.abs([...opts.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)) % 200;
  const state = new ClusterState({
    name: opts.name,
    nodes: opts.nodes ?? 3,
    zones: opts.zones ?? [`${opts.region ?? 'local-1'}a`, `${opts.region ?? 'local-1'}b`, `${opts.region ?? 'local-1'}c`],
    region: opts.region ?? 'local-1',
    serviceCidr: opts.serviceCidr ?? '10.96.0.0/12',
    podCidr: opts.podCidr ?? '10.244.0.0/16',
    nodeAddressBase: {
      internal: opts.nodeAddressBase?.internal ?? `10.0.${index}.`,
      external: opts.nodeAddressBase?.external === undefined ? `203.0.113.` : opts.nodeAddressBase.external,
    },
    loadBalancer: opts.loadBalancer === false ? false : { ipPool: opts.loadBalancer?.ipPool ?? `198.51.100.0/24`, hostnames: opts.loadBalancer?.hostnames ?? false },
    podReadyDelayMs: opts.podReadyDelayMs ?? 0,
    historyWindow: opts.historyWindow ?? 10_000,
  });
  const host = opts.host ?? '127.0.0.1';
  // Key generation runs on the thread pool while the cluster's objects are loaded below.
  const certificates = generateCertificates(opts.name, [host, 'localhost', '127.0.0.1']);
  certificates.catch(() => undefined);
  const load: KubeObject[] = [];
  if (opts.scenario) load.push(...(opts.scenario === 'seed' ? [...loadManifests(seedScenarioDir()), ...seedCommandObjects()] : loadManifests(opts.scenario)));
  if (opts.generate) load.push(...generateObjects(opts.generate));
  if (load.length) state.load(load);
  const certs = await certificates;
  const faults: FaultState = { latencyMs: 0, failNext: 0, failStatus: 500, retryAfterSeconds: undefined, expireNextWatches: 0, frozen: false };
  const watches = new Set<ServerResponse>();
  const requests = new Map<string, number>();
  const sockets = new Set<Socket>();
  const tokens = { full: token(), readOnly: token() };
  let server: https.Server;
  let port = opts.port ?? 0;

  const sim: SimCluster = {
    name: opts.name,
    get url() {
      return `https://${host}:${port}`;
    },
    token: tokens.full,
    readOnlyToken: tokens.readOnly,
    caData: certs.caPem,
    kubeconfig: () => kubeconfigFor([{ name: opts.name, url: sim.url, caData: certs.caPem, token: tokens.full }]),
    readOnlyKubeconfig: () => kubeconfigFor([{ name: opts.name, url: sim.url, caData: certs.caPem, token: tokens.readOnly }]),
    async apply(obj) {
      const objs = (Array.isArray(obj) ? obj : [obj]) as KubeObject[];
      // Copies: stored objects must not be changed by callers.
      return objs.map((o) => jsonClone(state.apply(o)));
    },
    async delete(apiVersion, kind, namespace, name) {
      const d = findByKind(apiVersion, kind);
      if (!d) throw notFound(kind.toLowerCase(), '', name);
      state.delete(d, namespace, name);
    },
    get(apiVersion, kind, namespace, name) {
      const d = findByKind(apiVersion, kind);
      return d ? state.store.get(rkeyOf(d), d.namespaced ? (namespace ?? 'default') : undefined, name) : undefined;
    },
    list(apiVersion, kind, namespace) {
      const d = findByKind(apiVersion, kind);
      return d ? state.store.list(rkeyOf(d), namespace) : [];
    },
    async scale(namespace, deployment, replicas) {
      state.scale(namespace, deployment, replicas);
    },
    async setPodReady(namespace, pod, ready) {
      state.setPodReady(namespace, pod, ready);
    },
    faults: {
      dropWatches() {
        for (const w of [...watches]) w.socket?.destroy();
      },
      freezeWatches(on = true) {
        // Open watches hang for good; while on, new ones hang too. Turning it off
        // lets new watches work again; the hung ones stay silent until the client gives up.
        if (on) for (const w of watches) hung.add(w);
        faults.frozen = on;
      },
      expireNextWatches(n) {
        faults.expireNextWatches = n;
      },
      compact() {
        state.store.compact();
      },
      failNext(n, status = 500, retryAfterSeconds) {
        faults.failNext = n;
        faults.failStatus = status;
        faults.retryAfterSeconds = retryAfterSeconds;
      },
      latency(ms) {
        faults.latencyMs = ms;
      },
      async down() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
      },
      async up() {
        await listen();
      },
      reset() {
        Object.assign(faults, { latencyMs: 0, failNext: 0, failStatus: 500, retryAfterSeconds: undefined, expireNextWatches: 0, frozen: false });
      },
    },
    requestCounts(reset = false) {
      const counts = Object.fromEntries(requests);
      if (reset) requests.clear();
      return counts;
    },
    resourceVersion: () => String(state.store.currentRv()),
    async stop() {
      state.stop();
      await sim.faults.down();
    },
  };

  const ctx: ServerContext = {
    state,
    token: tokens.full,
    readOnlyToken: tokens.readOnly,
    faults,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 1000,
    watches,
    requests,
    async admin(action, q) {
      const f = sim.faults;
      const n = Number(q.get('n') ?? 1);
      switch (action) {
        case 'faults/drop-watches':
          return f.dropWatches();
        case 'faults/freeze':
          return f.freezeWatches(q.get('on') !== 'false');
        case 'faults/expire':
          return f.expireNextWatches(n);
        case 'faults/compact':
          return f.compact();
        case 'requests':
          return sim.requestCounts(q.get('reset') === 'true');
        case 'faults/fail':
          return f.failNext(n, Number(q.get('status') ?? 500) as 500, q.get('retryAfter') ? Number(q.get('retryAfter')) : undefined);
        case 'faults/latency':
          return f.latency(Number(q.get('ms') ?? 0));
        case 'faults/reset':
          return f.reset();
        case 'faults/down': {
          const seconds = Number(q.get('seconds') ?? 10);
          setTimeout(() => void f.down().then(() => setTimeout(() => void f.up(), seconds * 1000)), 50);
          return { down: seconds };
        }
        default:
          throw notFound('', '', action);
      }
    },
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = https.createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => void handle(ctx, req, res));
      server.keepAliveTimeout = 5_000;
      server.on('connection', (s: Socket) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, host, () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return sim;
}

export async function startClusters(opts: SimClusterOptions[]): Promise<{ clusters: SimCluster[]; kubeconfig(): string; writeKubeconfig(path: string): Promise<void>; stop(): Promise<void> }> {
  const clusters: SimCluster[] = [];
  for (const o of opts) clusters.push(await startCluster(o));
  const kubeconfig = () => kubeconfigFor(clusters.map((c) => ({ name: c.name, url: c.url, caData: c.caData, token: c.token })));
  return {
    clusters,
    kubeconfig,
    writeKubeconfig: (path) => writeFile(path, kubeconfig(), { mode: 0o600 }),
    stop: async () => {
      await Promise.all(clusters.map((c) => c.stop()));
    },
  };
}
