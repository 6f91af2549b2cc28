import type { NamespaceRecord, PodRecord, ServiceRecord } from './catalog-types.js';
import type { ClusterSnapshot, Diagnostic } from './diagnostics/types.js';
import { groupBy } from './diagnostics/cluster-index.js';
import { selectorMapMatches } from './label-selector.js';

export const TOPOLOGY_NODE_KINDS = ['Cluster', 'Namespace', 'Ingress', 'Service', 'Pod', 'Endpoint'] as const;
export type TopologyNodeKind = (typeof TOPOLOGY_NODE_KINDS)[number];
export const TOPOLOGY_STATUSES = ['OK', 'WARNING', 'ERROR', 'MISSING'] as const;
export type TopologyStatus = (typeof TOPOLOGY_STATUSES)[number];
export const TOPOLOGY_EDGE_KINDS = ['CONTAINS', 'ROUTES', 'ENDPOINT', 'SELECTS'] as const;
export type TopologyEdgeKind = (typeof TOPOLOGY_EDGE_KINDS)[number];

export interface TopologyNode {
  /** Stable: `cluster:<c>`, `ns:<c>/<ns>`, `ing:<c>/<ns>/<name>`, `svc:<c>/<ns>/<name>`, `pod:<c>/<ns>/<name>`, `ep:<c>/<ns>/<address>`. */
  id: string;
  kind: TopologyNodeKind;
  cluster: string;
  namespace: string | null;
  name: string;
  status: TopologyStatus;
  /** Extra facts for display: service type, pod IP, ingress hosts… */
  data: Record<string, string | number | boolean | null>;
}

export interface TopologyEdge {
  /** `<source>-><target>` (unique: parallel routes are merged into one edge). */
  id: string;
  source: string;
  target: string;
  kind: TopologyEdgeKind;
  /** ROUTES: "host/path → port" list; ENDPOINT: "ip:port". */
  label: string | null;
  /** ENDPOINT/SELECTS: whether the pod is a ready endpoint. */
  ready: boolean | null;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export interface TopologyFilter {
  cluster?: string | null;
  namespace?: string | null;
  /** Only this service's neighbourhood: its ingresses, pods and endpoints, and their parents. */
  service?: { cluster: string; namespace: string; name: string } | null;
}

export type TopologySnapshot = ClusterSnapshot & { namespaces?: NamespaceRecord[] };

export const topologyIds = {
  cluster: (c: string) => `cluster:${c}`,
  namespace: (c: string, ns: string) => `ns:${c}/${ns}`,
  ingress: (c: string, ns: string, n: string) => `ing:${c}/${ns}/${n}`,
  service: (c: string, ns: string, n: string) => `svc:${c}/${ns}/${n}`,
  pod: (c: string, ns: string, n: string) => `pod:${c}/${ns}/${n}`,
  endpoint: (c: string, ns: string, address: string) => `ep:${c}/${ns}/${address}`,
};

const KIND_ORDER: Record<TopologyNodeKind, number> = { Cluster: 0, Namespace: 1, Ingress: 2, Service: 3, Pod: 4, Endpoint: 5 };

/**
 * The graph cluster → namespace → ingress → service → pods/endpoints. Backends that
 * name a missing service appear as Service nodes with status MISSING. `diagnostics`
 * (optional) colour nodes by their worst finding. Nodes are ordered by kind then id,
 * edges by id.
 */
export function buildTopology(clusters: TopologySnapshot[], filter: TopologyFilter = {}, opts: { diagnostics?: Diagnostic[] } = {}): Topology {
  const nodes = new Map<string, TopologyNode>();
  const edges = new Map<string, TopologyEdge>();
  const worst = new Map<string, TopologyStatus>();
  for (const d of opts.diagnostics ?? []) {
    const id = d.object.kind === 'Service' ? topologyIds.service(d.object.cluster, d.object.namespace, d.object.name) : topologyIds.ingress(d.object.cluster, d.object.namespace, d.object.name);
    const s: TopologyStatus = d.severity === 'ERROR' ? 'ERROR' : d.severity === 'WARNING' ? 'WARNING' : 'OK';
    if (s === 'ERROR' || (s === 'WARNING' && worst.get(id) !== 'ERROR')) worst.set(id, s);
  }
  const addNode = (n: Omit<TopologyNode, 'status'> & { status?: TopologyStatus }) => {
    if (!nodes.has(n.id)) nodes.set(n.id, { ...n, status: n.status ?? worst.get(n.id) ?? 'OK' });
  };
  const addEdge = (source: string, target: string, kind: TopologyEdgeKind, label: string | null = null, ready: boolean | null = null) => {
    const id = `${source}->${target}`;
    const cur = edges.get(id);
    if (!cur) edges.set(id, { id, source, target, kind, label, ready });
    else if (label && cur.label !== null && !cur.label.split(', ').includes(label)) cur.label = `${cur.label}, ${label}`;
  };
  const ensureNamespace = (c: string, ns: string) => {
    addNode({ id: topologyIds.cluster(c), kind: 'Cluster', cluster: c, namespace: null, name: c, data: {} });
    addNode({ id: topologyIds.namespace(c, ns), kind: 'Namespace', cluster: c, namespace: ns, name: ns, data: {} });
    addEdge(topologyIds.cluster(c), topologyIds.namespace(c, ns), 'CONTAINS');
  };

  const focus = filter.service ?? null;
  for (const c of clusters) {
    if (filter.cluster && c.cluster !== filter.cluster) continue;
    if (focus && c.cluster !== focus.cluster) continue;
    const inNs = (ns: string) => (!filter.namespace || ns === filter.namespace) && (!focus || ns === focus.namespace);
    const isFocus = (s: { namespace: string; name: string }) => !focus || (s.namespace === focus.namespace && s.name === focus.name);
    const cid = c.cluster;
    addNode({ id: topologyIds.cluster(cid), kind: 'Cluster', cluster: cid, namespace: null, name: cid, data: { clusterDomain: c.clusterDomain ?? 'cluster.local' } });
    if (!focus) for (const ns of c.namespaces ?? []) if (inNs(ns.name)) ensureNamespace(cid, ns.name);

    const services = new Map<string, ServiceRecord>();
    for (const s of c.services) services.set(`${s.namespace}/${s.name}`, s);
    // Indexes keep large clusters linear.
    const slicesBySvc = groupBy(c.endpointSlices, (x) => `${x.namespace}/${x.serviceName ?? ''}`);
    // Pods by namespace + one label pair: a selector's first pair narrows the candidates.
    const podsByLabel = new Map<string, PodRecord[]>();
    for (const p of c.pods) {
      for (const [k, v] of Object.entries(p.labels)) {
        const key = `${p.namespace}\u0000${k}\u0000${v}`;
        const list = podsByLabel.get(key);
        if (list) list.push(p);
        else podsByLabel.set(key, [p]);
      }
    }
    const podByName = new Map(c.pods.map((p) => [`${p.namespace}/${p.name}`, p]));

    for (const s of c.services) {
      if (!inNs(s.namespace) || !isFocus(s)) continue;
      ensureNamespace(cid, s.namespace);
      const sid = topologyIds.service(cid, s.namespace, s.name);
      addNode({ id: sid, kind: 'Service', cluster: cid, namespace: s.namespace, name: s.name, data: { type: s.type, headless: s.headless, clusterIp: s.clusterIp, externalName: s.externalName } });
      addEdge(topologyIds.namespace(cid, s.namespace), sid, 'CONTAINS');

      const endpointPods = new Set<string>();
      for (const slice of slicesBySvc.get(`${s.namespace}/${s.name}`) ?? []) {
        const port = slice.ports.find((p) => p.port !== null)?.port ?? null;
        for (const e of slice.endpoints) {
          const label = port !== null ? `${e.address}:${port}` : e.address;
          if (e.targetKind === 'Pod' && e.targetName) {
            const pid = topologyIds.pod(cid, s.namespace, e.targetName);
            const pod = podByName.get(`${s.namespace}/${e.targetName}`);
            addNode({ id: pid, kind: 'Pod', cluster: cid, namespace: s.namespace, name: e.targetName, status: e.ready ? 'OK' : 'WARNING', data: { podIp: pod?.podIp ?? e.address, nodeName: pod?.nodeName ?? e.nodeName, ready: e.ready } });
            addEdge(sid, pid, 'ENDPOINT', label, e.ready);
            endpointPods.add(e.targetName);
          } else {
            const eid = topologyIds.endpoint(cid, s.namespace, e.address);
            addNode({ id: eid, kind: 'Endpoint', cluster: cid, namespace: s.namespace, name: e.address, status: e.ready ? 'OK' : 'WARNING', data: { address: e.address, ready: e.ready } });
            addEdge(sid, eid, 'ENDPOINT', label, e.ready);
          }
        }
      }
      // Pods the selector matches that are not (yet) endpoints: shown, not ready.
      if (s.selector && s.type !== 'ExternalName') {
        const [k0, v0] = Object.entries(s.selector)[0] ?? ['', ''];
        for (const pod of podsByLabel.get(`${s.namespace}\u0000${k0}\u0000${v0}`) ?? []) {
          if (endpointPods.has(pod.name) || !selectorMapMatches(s.selector, pod.labels)) continue;
          const pid = topologyIds.pod(cid, s.namespace, pod.name);
          addNode({ id: pid, kind: 'Pod', cluster: cid, namespace: s.namespace, name: pod.name, status: 'WARNING', data: { podIp: pod.podIp, nodeName: pod.nodeName, ready: false } });
          addEdge(sid, pid, 'SELECTS', null, false);
        }
      }
    }

    for (const ing of c.ingresses) {
      if (!inNs(ing.namespace)) continue;
      const routes: { service: string; label: string }[] = [];
      for (const r of ing.rules) {
        if (r.backendService === null) continue;
        const port = r.backendPortNumber ?? r.backendPortName ?? '';
        routes.push({ service: r.backendService, label: `${r.host ?? '*'}${r.path ?? '/'} → ${port}` });
      }
      const db = ing.defaultBackend;
      if (db && 'service' in db) routes.push({ service: db.service.name, label: `default → ${db.service.port.number ?? db.service.port.name ?? ''}` });
      const relevant = routes.filter((r) => isFocus({ namespace: ing.namespace, name: r.service }));
      if (focus && relevant.length === 0) continue;
      ensureNamespace(cid, ing.namespace);
      const iid = topologyIds.ingress(cid, ing.namespace, ing.name);
      const hosts = [...new Set(ing.rules.map((r) => r.host).filter((h): h is string => h !== null))];
      addNode({ id: iid, kind: 'Ingress', cluster: cid, namespace: ing.namespace, name: ing.name, data: { ingressClassName: ing.ingressClassName, hosts: hosts.join(', ') } });
      addEdge(topologyIds.namespace(cid, ing.namespace), iid, 'CONTAINS');
      for (const r of relevant) {
        const sid = topologyIds.service(cid, ing.namespace, r.service);
        if (!services.has(`${ing.namespace}/${r.service}`)) {
          addNode({ id: sid, kind: 'Service', cluster: cid, namespace: ing.namespace, name: r.service, status: 'MISSING', data: { missing: true } });
        }
        addEdge(iid, sid, 'ROUTES', r.label);
      }
    }
  }

  // The focused service's cluster and namespace nodes are kept; other empty clusters are not.
  const nodeList = [...nodes.values()].filter((n) => !(focus && n.kind === 'Cluster' && n.cluster !== focus.cluster));
  nodeList.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edgeList = [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes: nodeList, edges: edgeList };
}
