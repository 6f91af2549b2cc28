// The baseline for catalog queries: what dashboards without a catalog do for each question,
// a live fan-out. Every request lists services, EndpointSlices and ingresses (and pods for
// the topology) from the clusters' APIs with @kubernetes/client-node and computes the answer
// from them, served by a plain HTTP server so the same load generator drives it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as k8s from '@kubernetes/client-node';

export type FanOutQuestion = 'search' | 'service' | 'topology' | 'groups' | 'diagnostics';

interface Clients {
  name: string;
  core: k8s.CoreV1Api;
  discovery: k8s.DiscoveryV1Api;
  networking: k8s.NetworkingV1Api;
}

export interface FanOutServer {
  url: string;
  close(): Promise<void>;
}

/** Fan-outs computed at once: each holds every cluster's lists in memory, and the clusters answer in turn anyway. */
const IN_FLIGHT = 2;
const PAGE = 50;

export async function startFanOutServer(clusters: { name: string; kubeconfig: string }[]): Promise<FanOutServer> {
  const clients: Clients[] = clusters.map((c) => {
    const kc = new k8s.KubeConfig();
    kc.loadFromString(c.kubeconfig);
    return { name: c.name, core: kc.makeApiClient(k8s.CoreV1Api), discovery: kc.makeApiClient(k8s.DiscoveryV1Api), networking: kc.makeApiClient(k8s.NetworkingV1Api) };
  });
  const byName = new Map(clients.map((c) => [c.name, c]));
  let running = 0;
  const queue: (() => void)[] = [];
  const slot = async () => {
    if (running >= IN_FLIGHT) await new Promise<void>((r) => queue.push(r));
    running++;
  };
  const release = () => {
    running--;
    queue.shift()?.();
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fan-out');
    const q = url.searchParams;
    void (async () => {
      await slot();
      try {
        // The load generator gave up on this one (its run ended): computing it would only slow the next run.
        if (req.socket.destroyed) return;
        const question = url.pathname.slice(1) as FanOutQuestion;
        const body = await answer(question, q, question === 'service' || question === 'topology' ? [byName.get(q.get('cluster')!)!] : clients);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
      } finally {
        release();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

interface Listed {
  cluster: string;
  services: k8s.V1Service[];
  slices: k8s.V1EndpointSlice[];
  ingresses: k8s.V1Ingress[];
  pods: k8s.V1Pod[];
}

async function listAll(c: Clients, namespace: string | null, pods: boolean): Promise<Listed> {
  const [services, slices, ingresses, podList] = await Promise.all(
    namespace
      ? [c.core.listNamespacedService({ namespace }), c.discovery.listNamespacedEndpointSlice({ namespace }), c.networking.listNamespacedIngress({ namespace }), pods ? c.core.listNamespacedPod({ namespace }) : { items: [] }]
      : [c.core.listServiceForAllNamespaces(), c.discovery.listEndpointSliceForAllNamespaces(), c.networking.listIngressForAllNamespaces(), { items: [] }],
  );
  return { cluster: c.name, services: services.items, slices: slices.items, ingresses: ingresses.items, pods: (podList as { items: k8s.V1Pod[] }).items };
}

/** One service as the catalog shows it: ready endpoints, URLs (ingress hosts and the cluster DNS name), a finding when nothing is ready. */
function row(cluster: string, s: k8s.V1Service, slices: Map<string, k8s.V1EndpointSlice[]>, ingresses: k8s.V1Ingress[]) {
  const ns = s.metadata!.namespace!;
  const name = s.metadata!.name!;
  const endpoints = (slices.get(`${ns}/${name}`) ?? []).flatMap((sl) => sl.endpoints ?? []);
  const ready = endpoints.filter((e) => e.conditions?.ready !== false).length;
  const port = s.spec?.ports?.[0]?.port;
  const urls = ingresses
    .filter((i) => i.metadata!.namespace === ns)
    .flatMap((i) => (i.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).filter((p) => p.backend.service?.name === name).map((p) => `${i.spec?.tls?.length ? 'https' : 'http'}://${r.host}${p.path ?? '/'}`)));
  urls.push(`http://${name}.${ns}.svc.cluster.local${port ? `:${port}` : ''}`);
  const findings = s.spec?.selector && ready === 0 ? [{ code: 'NO_READY_ENDPOINTS', severity: 'ERROR' }] : [];
  return { cluster, namespace: ns, name, type: s.spec?.type, ready, total: endpoints.length, urls, findings };
}

function slicesByService(slices: k8s.V1EndpointSlice[]): Map<string, k8s.V1EndpointSlice[]> {
  const out = new Map<string, k8s.V1EndpointSlice[]>();
  for (const sl of slices) {
    const key = `${sl.metadata!.namespace}/${sl.metadata!.labels?.['kubernetes.io/service-name']}`;
    out.set(key, [...(out.get(key) ?? []), sl]);
  }
  return out;
}

async function answer(question: FanOutQuestion, q: URLSearchParams, clusters: Clients[]): Promise<unknown> {
  const scoped = question === 'service' || question === 'topology' ? q.get('namespace') : null;
  const listed = await Promise.all(clusters.map((c) => listAll(c, scoped, question === 'topology')));
  const rows = (filter: (s: k8s.V1Service) => boolean) =>
    listed.flatMap((l) => {
      const slices = slicesByService(l.slices);
      return l.services.filter(filter).map((s) => row(l.cluster, s, slices, l.ingresses));
    });
  const byKey = (a: { namespace: string; name: string; cluster: string }, b: typeof a) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster);
  switch (question) {
    case 'search': {
      const term = q.get('q') ?? '';
      const hits = rows((s) => s.metadata!.name!.includes(term) || s.metadata!.namespace!.includes(term)).sort(byKey);
      return { totalCount: hits.length, items: hits.slice(0, PAGE) };
    }
    case 'service':
      return rows((s) => s.metadata!.name === q.get('name'))[0] ?? null;
    case 'topology': {
      const l = listed[0]!;
      const services = rows(() => true);
      const pods = l.pods.map((p) => ({ name: p.metadata!.name, labels: p.metadata!.labels ?? {}, ready: p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false }));
      const edges = l.services.flatMap((s) => pods.filter((p) => s.spec?.selector && Object.entries(s.spec.selector).every(([k, v]) => p.labels[k] === v)).map((p) => [s.metadata!.name, p.name]));
      return { services, ingresses: l.ingresses.map((i) => i.metadata!.name), pods: pods.length, edges: edges.length };
    }
    case 'groups': {
      const groups = new Map<string, ReturnType<typeof row>[]>();
      for (const r of rows(() => true)) groups.set(`${r.namespace}/${r.name}`, [...(groups.get(`${r.namespace}/${r.name}`) ?? []), r]);
      const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
      return { totalCount: sorted.length, items: sorted.slice(0, PAGE).map(([key, members]) => ({ key, clusters: members.map((m) => m.cluster), members })) };
    }
    case 'diagnostics': {
      const found = rows(() => true).filter((r) => r.findings.length).sort(byKey);
      return { totalCount: found.length, items: found.slice(0, PAGE) };
    }
  }
}
