// Materialises the seed scenarios (test/fixtures/seed-scenarios, a copy of the shared
// fixtures) the way a cluster would: Deployments become ready pods, services get
// cluster IPs, node ports and load-balancer addresses, EndpointSlices are derived from
// the pods their selectors match. Everything then goes through the real normalisers.
import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import {
  type EndpointSliceRecord,
  type IngressRecord,
  type NamespaceRecord,
  type NodeRecord,
  normalizeEndpointSlice,
  normalizeIngress,
  normalizeNamespace,
  normalizeNode,
  normalizePod,
  normalizeService,
  type PodRecord,
  type ServiceRecord,
} from '../src/index.js';
import { kIngress, kNode, kPod, kService, kSlice, meta } from './builders.js';

type Manifest = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec: any; [k: string]: any };

export function loadSeedManifests(): Manifest[] {
  const dir = new URL('./fixtures/seed-scenarios/', import.meta.url);
  const out: Manifest[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    for (const doc of parseAllDocuments(readFileSync(new URL(f, dir), 'utf8'))) {
      const v = doc.toJS();
      if (v) out.push(v as Manifest);
    }
  }
  // The README's commands: `kubectl run hello-pod …` and `kubectl expose pod hello-pod --type=NodePort`.
  out.push({ kind: 'Pod', metadata: { name: 'hello-pod', namespace: 'default', labels: { run: 'hello-pod' } }, spec: { containers: [{ name: 'hello-pod', ports: [{ containerPort: 8080 }] }] } });
  out.push({ kind: 'Service', metadata: { name: 'hello-svc', namespace: 'default', labels: { run: 'hello-pod' } }, spec: { type: 'NodePort', selector: { run: 'hello-pod' }, ports: [{ port: 8080, targetPort: 8080, protocol: 'TCP' }] } });
  return out;
}

export interface SeedCluster {
  cluster: string;
  clusterDomain: string;
  namespaces: NamespaceRecord[];
  nodes: NodeRecord[];
  pods: PodRecord[];
  services: ServiceRecord[];
  endpointSlices: EndpointSliceRecord[];
  ingresses: IngressRecord[];
}

export interface SeedOptions {
  cluster?: string;
  clusterDomain?: string;
  /** Leave LoadBalancer services without an address. */
  pendingLoadBalancers?: boolean;
  /** Leave ingresses without an address. */
  pendingIngresses?: boolean;
}

export const SEED_NODE_PORTS: Record<string, number> = { 'my-loadbalancer-service': 31080, 'hello-svc': 30500 };
export const SEED_LB_IP = '172.18.255.1';
export const SEED_INGRESS_IP = '172.18.255.100';

export function seedCluster(opts: SeedOptions = {}): SeedCluster {
  const manifests = loadSeedManifests();
  const namespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((name) =>
    normalizeNamespace({ metadata: meta(name, undefined, { labels: { 'kubernetes.io/metadata.name': name } }), status: { phase: 'Active' } }).record,
  );
  const nodes = [
    kNode('node-a', [['InternalIP', '192.168.49.2'], ['ExternalIP', '203.0.113.10'], ['Hostname', 'node-a']], { labels: { 'topology.kubernetes.io/zone': 'zone-a' } }),
    kNode('node-b', [['InternalIP', '192.168.49.3'], ['Hostname', 'node-b']], { labels: { 'topology.kubernetes.io/zone': 'zone-b' } }),
  ].map((n) => normalizeNode(n).record);

  const rawPods: ReturnType<typeof kPod>[] = [];
  let podIp = 10;
  for (const m of manifests) {
    if (m.kind === 'Deployment') {
      const tpl = m.spec.template;
      const ports = (tpl.spec.containers as any[]).flatMap((c) => c.ports ?? []);
      for (let i = 0; i < m.spec.replicas; i++) {
        rawPods.push(kPod(`${m.metadata.name}-${i}`, tpl.metadata.labels, `10.244.0.${podIp++}`, { ns: m.metadata.namespace, ports, node: i % 2 ? 'node-b' : 'node-a' }));
      }
    } else if (m.kind === 'Pod') {
      rawPods.push(kPod(m.metadata.name, m.metadata.labels ?? {}, `10.244.0.${podIp++}`, { ns: m.metadata.namespace, ports: m.spec.containers[0].ports }));
    }
  }
  const pods = rawPods.map((p) => normalizePod(p).record);

  const services: ServiceRecord[] = [];
  const slices: EndpointSliceRecord[] = [];
  // default/kubernetes exists in every cluster; its endpoints are the API server.
  services.push(normalizeService(kService('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] }, { labels: { component: 'apiserver', provider: 'kubernetes' } })).record);
  slices.push(normalizeEndpointSlice(kSlice('kubernetes', [{ ip: '192.168.49.2' }], [{ name: 'https', port: 6443 }], { name: 'kubernetes' })).record);
  let ip = 10;
  for (const m of manifests.filter((x) => x.kind === 'Service')) {
    const spec = structuredClone(m.spec);
    const type = spec.type ?? 'ClusterIP';
    if (type !== 'ExternalName' && spec.clusterIP !== 'None') {
      spec.clusterIP = `10.96.0.${ip++}`;
      spec.clusterIPs = [spec.clusterIP];
    }
    for (const p of spec.ports ?? []) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
      if ((type === 'NodePort' || type === 'LoadBalancer') && !p.nodePort) p.nodePort = SEED_NODE_PORTS[m.metadata.name];
    }
    const status = type === 'LoadBalancer' && !opts.pendingLoadBalancers ? { loadBalancer: { ingress: [{ ip: SEED_LB_IP, ipMode: 'VIP' }] } } : { loadBalancer: {} };
    const svc = normalizeService(kService(m.metadata.name, spec, { ns: m.metadata.namespace, status, ...(m.metadata.labels ? { labels: m.metadata.labels } : {}) })).record;
    services.push(svc);
    if (!svc.selector) continue;
    const selected = rawPods.filter((p) => p.metadata.namespace === svc.namespace && Object.entries(svc.selector!).every(([k, v]) => p.metadata.labels?.[k] === v));
    const ports = svc.ports.map((p) => ({ name: p.name, port: /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : 0, protocol: p.protocol }));
    slices.push(normalizeEndpointSlice(kSlice(svc.name, selected.map((p) => ({ ip: p.status.podIP!, pod: p.metadata.name })), ports, { ns: svc.namespace })).record);
  }

  const ingresses = manifests
    .filter((m) => m.kind === 'Ingress')
    .map((m) => normalizeIngress(kIngress(m.metadata.name, m.spec, { ns: m.metadata.namespace, ...(opts.pendingIngresses ? {} : { lb: [{ ip: SEED_INGRESS_IP }] }) })).record);

  return { cluster: opts.cluster ?? 'kind-1', clusterDomain: opts.clusterDomain ?? 'cluster.local', namespaces, nodes, pods, services, endpointSlices: slices, ingresses };
}
