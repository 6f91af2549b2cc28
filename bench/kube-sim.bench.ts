// kube-sim benchmarks (issue #3): a generated cluster of 10,000 services, 30,000 pods and
// their EndpointSlices, served over HTTPS and read with @kubernetes/client-node the way the
// sync engine reads it. Every goal has a baseline measured in the same process and run:
// the same work without kube-sim (plain objects, a plain HTTPS server replaying the same
// bytes, the same serialised events written to plain responses), so the ratio says what
// kube-sim adds on whatever machine runs it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as k8s from '@kubernetes/client-node';
import { generateCertificates, generateObjects, type GenerateOptions, kubeconfigFor, type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, describe, expect, it } from 'vitest';
import { heapUsedAfterGc, recordResult, timed } from './support/record.js';

const GENERATE: GenerateOptions = { seed: 1, namespaces: 100, servicesPerNamespace: 100, podsPerService: 3, ingressesPerNamespace: 2 };
const PAGE = 500;
const WATCHERS = 10;
const CHANGES = 1000;
/** Timed repetitions after one warm-up; the median is recorded. */
const RUNS = 7;
const SOURCE = 'issue #3';
const MiB = 2 ** 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Obj = Record<string, any>;

/**
 * The objects a generated cluster holds, built directly from the generator's output:
 * server defaults, uids and versions, each deployment's pods (scheduled, ready), each
 * service's EndpointSlice and Endpoints. Generation without the write path, store,
 * history and controllers.
 */
function plainCluster(opts: GenerateOptions): Obj[] {
  const stamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let rv = 1000;
  let serviceIp = 10;
  let podIp = 0;
  const meta = (m: Obj) => ({ ...m, uid: randomUUID(), resourceVersion: String(++rv), generation: 1, creationTimestamp: stamp });
  const ipOf = (n: number, base: number) => `10.${base + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
  const out: Obj[] = [];
  const podsBySelector = new Map<string, Obj[]>();
  const input = generateObjects(opts) as Obj[];
  for (const o of input) {
    if (o.kind === 'Namespace') out.push({ ...o, metadata: meta({ ...o.metadata, labels: { ...o.metadata.labels, 'kubernetes.io/metadata.name': o.metadata.name } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    else if (o.kind === 'Ingress') out.push({ ...o, metadata: meta(o.metadata), status: { loadBalancer: { ingress: [{ ip: '198.51.100.10' }] } } });
    if (o.kind !== 'Deployment') continue;
    const { namespace, name } = o.metadata;
    const replicas = o.spec.replicas as number;
    out.push({ ...o, metadata: meta(o.metadata), status: { observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas } });
    const pods: Obj[] = [];
    for (let i = 0; i < replicas; i++) {
      const ip = ipOf(++podIp, 244);
      const conditions = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type, status: 'True', lastTransitionTime: stamp }));
      const template = o.spec.template;
      pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta({ name: `${name}-5d8f7c9b4-${i}abcd`, namespace, labels: { ...template.metadata.labels, 'pod-template-hash': '5d8f7c9b4' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-5d8f7c9b4`, uid: randomUUID(), controller: true, blockOwnerDeletion: true }] }),
        spec: { ...template.spec, containers: template.spec.containers.map((c: Obj) => ({ ...c, ports: c.ports.map((p: Obj) => ({ ...p })) })), nodeName: `node-${i % 3}` },
        status: { phase: 'Running', hostIP: `10.0.0.${10 + (i % 3)}`, podIP: ip, podIPs: [{ ip }], startTime: stamp, conditions },
      });
    }
    out.push(...pods);
    podsBySelector.set(`${namespace}/${o.spec.selector.matchLabels.app}`, pods);
  }
  for (const o of input) {
    if (o.kind !== 'Service') continue;
    const { namespace, name } = o.metadata;
    const clusterIP = o.spec.clusterIP ?? ipOf(++serviceIp, 96);
    const ports: Obj[] = (o.spec.ports as Obj[]).map((p) => ({ ...p, protocol: 'TCP', targetPort: p.targetPort ?? p.port }));
    const service = { ...o, metadata: meta(o.metadata), spec: { ...o.spec, ports, clusterIP, clusterIPs: [clusterIP], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' }, status: { loadBalancer: {} } };
    out.push(service);
    const pods = podsBySelector.get(`${namespace}/${o.spec.selector.app}`) ?? [];
    const owner = [{ apiVersion: 'v1', kind: 'Service', name, uid: service.metadata.uid, controller: true, blockOwnerDeletion: true }];
    const targetRef = (p: Obj) => ({ kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid });
    const slicePorts = ports.map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : (pods[0]?.spec.containers[0].ports[0].containerPort ?? null), protocol: 'TCP' }));
    out.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta({ name: `${name}-x7k2p`, generateName: `${name}-`, namespace, labels: { ...o.metadata.labels, 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, ownerReferences: owner }),
      addressType: 'IPv4',
      endpoints: pods.map((p) => ({ addresses: [p.status.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.spec.nodeName, zone: 'local-1a', targetRef: targetRef(p) })),
      ports: slicePorts,
    });
    out.push({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta({ name, namespace, labels: o.metadata.labels }),
      subsets: pods.length ? [{ addresses: pods.map((p) => ({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: targetRef(p) })), ports: slicePorts }] : [],
    });
  }
  return out;
}

/** A plain HTTPS server with a certificate like kube-sim's (same TLS work) and a client-node config for it. */
async function plainServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ kc: k8s.KubeConfig; close(): Promise<void> }> {
  const certs = await generateCertificates('baseline');
  const server = https.createServer({ cert: certs.certPem, key: certs.keyPem }, handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfigFor([{ name: 'baseline', url, caData: certs.caPem, token: 'baseline' }]));
  return {
    kc,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every service, page by page (limit + continue), as the sync engine lists with client-node. */
async function listServices(kc: k8s.KubeConfig): Promise<string[]> {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const names: string[] = [];
  let cont: string | undefined;
  do {
    const page = await core.listServiceForAllNamespaces({ limit: PAGE, _continue: cont });
    for (const s of page.items) names.push(`${s.metadata?.namespace}/${s.metadata?.name}`);
    cont = page.metadata?._continue;
  } while (cont);
  return names;
}

/** A page of kube-sim's list, raw: its exact bytes, for the baseline server to replay. */
function rawPage(sim: SimCluster, cont: string | undefined): Promise<string> {
  const url = new URL(`${sim.url}/api/v1/services?limit=${PAGE}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: sim.caData, headers: { authorization: `Bearer ${sim.token}`, accept: 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

/** WATCHERS client-node watches of all services; `received(round)` resolves when each has seen CHANGES events of the round. */
async function openWatches(kc: k8s.KubeConfig, resourceVersion: string) {
  const counts = new Map<string, number[]>();
  const waiters = new Map<string, () => void>();
  const controllers: AbortController[] = [];
  for (let w = 0; w < WATCHERS; w++) {
    controllers.push(
      await new k8s.Watch(kc).watch('/api/v1/services', { resourceVersion }, (type, obj: Obj) => {
        const round = obj?.metadata?.labels?.['bench-round'];
        if (type !== 'MODIFIED' || round === undefined) return;
        const c = counts.get(round) ?? Array<number>(WATCHERS).fill(0);
        counts.set(round, c);
        c[w]!++;
        if (c.every((n) => n === CHANGES)) waiters.get(round)?.();
      }, () => undefined),
    );
  }
  return {
    received: (round: string) => new Promise<void>((resolve) => waiters.set(round, resolve)),
    close: () => controllers.forEach((c) => c.abort()),
  };
}

describe(`kube-sim at ${GENERATE.namespaces * GENERATE.servicesPerNamespace} services, ${GENERATE.namespaces * GENERATE.servicesPerNamespace * GENERATE.podsPerService} pods`, () => {
  let sim: SimCluster | undefined;
  let processHeapBefore = 0;
  afterAll(async () => {
    await sim?.stop();
  });

  it('generates the cluster', async () => {
    processHeapBefore = heapUsedAfterGc();
    // The baseline first, on an empty heap like kube-sim's own run below; then dropped.
    const plain = await timed(() => plainCluster(GENERATE));
    const plainCount = plain.value.length;
    plain.value.length = 0;
    heapUsedAfterGc();
    const empty = await timed(() => startCluster({ name: 'empty' }));
    await empty.value.stop();
    heapUsedAfterGc();
    const generated = await timed(() => startCluster({ name: 'bench', generate: GENERATE }));
    sim = generated.value;
    const services = sim.list('v1', 'Service').length;
    const pods = sim.list('v1', 'Pod').length;
    const slices = sim.list('discovery.k8s.io/v1', 'EndpointSlice').length;
    expect({ services, pods, slices }).toEqual({ services: 10_001, pods: 30_000, slices: 10_000 });
    recordResult({
      id: 'kube-sim.generate-10k-services',
      title: 'kube-sim: generate 10k services, 30k pods and their slices',
      unit: 'ms',
      value: generated.ms,
      goal: { max: 10_000, source: SOURCE },
      baseline: { label: 'the same objects built as plain data', value: plain.ms },
      details: { services, pods, slices, plainObjects: plainCount, emptyClusterStartMs: empty.ms },
    });
  });

  it('lists every service in pages of 500 over HTTPS with client-node', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim!.kubeconfig());
    const first = await timed(() => listServices(kc));
    expect(first.value).toHaveLength(10_001);
    expect(new Set(first.value).size).toBe(10_001);

    // Baseline: a plain HTTPS server answering each page with kube-sim's exact bytes.
    const pages = new Map<string, string>();
    let cont: string | undefined;
    do {
      const text = await rawPage(sim!, cont);
      pages.set(cont ?? '', text);
      cont = (JSON.parse(text) as { metadata: { continue?: string } }).metadata.continue;
    } while (cont);
    const plain = await plainServer((req, res) => {
      const body = pages.get(new URL(req.url ?? '/', 'https://baseline').searchParams.get('continue') ?? '') ?? '{}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    try {
      expect(await listServices(plain.kc)).toEqual(first.value);
      // Alternating (and which goes first), so a change in the machine's load hits both alike.
      const runs: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ours = async () => runs.push((await timed(() => listServices(kc))).ms);
        const theirs = async () => baseline.push((await timed(() => listServices(plain.kc))).ms);
        if (i % 2) await theirs().then(ours);
        else await ours().then(theirs);
      }
      recordResult({
        id: 'kube-sim.list-10k-services',
        title: 'kube-sim: paginated list of 10k services (limit 500, HTTPS, client-node)',
        unit: 'ms',
        value: median(runs),
        goal: { max: 1_000, source: SOURCE },
        baseline: { label: 'plain HTTPS server replaying the same pages', value: median(baseline) },
        details: { pages: pages.size, firstListMs: first.ms, slowestListMs: Math.max(...runs), bytes: [...pages.values()].reduce((n, p) => n + Buffer.byteLength(p), 0) },
      });
    } finally {
      await plain.close();
    }
  });

  it('fans 1,000 service changes out to 10 watchers', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim!.kubeconfig());
    const watches = await openWatches(kc, sim!.resourceVersion());
    const targets = (sim!.list('v1', 'Service') as Obj[]).slice(0, CHANGES);
    const round = async (r: number) => {
      const received = watches.received(String(r));
      const started = performance.now();
      for (const s of targets) await sim!.apply({ ...s, metadata: { ...s.metadata, labels: { ...s.metadata.labels, 'bench-round': String(r) } } });
      await received;
      return performance.now() - started;
    };

    // Baseline: the same events, serialised once each, written to 10 plain watch responses.
    const responses = new Set<ServerResponse>();
    const plain = await plainServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.flushHeaders();
      responses.add(res);
    });
    const plainWatches = await openWatches(plain.kc, '1');
    const plainRound = async (r: number) => {
      const changed = targets.map((s) => ({ ...s, metadata: { ...s.metadata, labels: { ...s.metadata.labels, 'bench-round': String(r) } } }));
      const received = plainWatches.received(String(r));
      const started = performance.now();
      for (const object of changed) {
        const line = `${JSON.stringify({ type: 'MODIFIED', object })}\n`;
        for (const res of responses) res.write(line);
      }
      await received;
      return performance.now() - started;
    };
    // A warm-up round each, then alternating rounds (and which goes first), so a change in the machine's load hits both alike.
    const runs: number[] = [];
    const baseline: number[] = [];
    try {
      await round(0);
      await plainRound(0);
      for (let r = 1; r <= RUNS; r++) {
        const ours = async () => runs.push(await round(r));
        const theirs = async () => baseline.push(await plainRound(r));
        if (r % 2) await theirs().then(ours);
        else await ours().then(theirs);
      }
    } finally {
      watches.close();
      plainWatches.close();
      for (const res of responses) res.end();
      await plain.close();
    }
    recordResult({
      id: 'kube-sim.watch-fan-out',
      title: 'kube-sim: 1,000 service changes fanned out to 10 client-node watchers',
      unit: 'ms',
      value: median(runs),
      goal: { max: 1_000, source: SOURCE },
      baseline: { label: 'same events serialised once, written to 10 plain responses', value: median(baseline) },
      details: { watchers: WATCHERS, changes: CHANGES, slowestMs: Math.max(...runs), eventsPerSecond: (WATCHERS * CHANGES) / (median(runs) / 1000) },
    });
  });

  it('holds the cluster in under 1 GiB', async () => {
    const heap = heapUsedAfterGc();
    const rss = process.memoryUsage().rss;
    await sim!.stop();
    sim = undefined;
    // Closed sockets let go of the cluster only on later turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const heapAfterStop = heapUsedAfterGc();
    // Baseline: the same objects built as plain data in this process, kube-sim gone.
    const plain = plainCluster(GENERATE);
    const plainHeap = heapUsedAfterGc();
    recordResult({
      id: 'kube-sim.memory',
      title: 'kube-sim: process heap after GC holding the cluster (after the list and watch runs)',
      unit: 'MiB',
      value: heap / MiB,
      goal: { max: 1024, source: SOURCE },
      baseline: { label: 'process heap holding the same objects built as plain data', value: plainHeap / MiB },
      details: { rssMiB: rss / MiB, heapBeforeClusterMiB: processHeapBefore / MiB, heapAfterStopMiB: heapAfterStop / MiB, objects: plain.length },
    });
  });
});
