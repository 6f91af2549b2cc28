import type { EndpointSliceRecord, IngressRecord, NodeRecord, PodRecord, ServicePortRecord, ServiceRecord } from '../catalog-types.js';
import { selectorMapMatches } from '../label-selector.js';
import { ingressAccessUrls } from './ingress-urls.js';
import { compareAddresses } from './ip-order.js';
import { hostPort, schemeFor } from './scheme.js';
import { type AccessUrl, DEFAULT_CLUSTER_DOMAIN } from './types.js';

export interface ServiceUrlInput {
  service: ServiceRecord;
  /** Per-cluster DNS domain; default cluster.local. */
  clusterDomain?: string | null;
  /** The cluster's nodes (NodePort and LoadBalancer node ports). */
  nodes?: NodeRecord[];
  /** Endpoint slices; those of other services are ignored. */
  endpointSlices?: EndpointSliceRecord[];
  /** Pods of the namespace (per-pod DNS names of headless services). */
  pods?: PodRecord[];
  /** Ingresses; only paths routing to this service and one of its ports count. */
  ingresses?: IngressRecord[];
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

// Where each in-cluster form works: cluster DNS serves pods only; the virtual and pod IPs are routed on the nodes too.
const FQDN_NOTE = 'from any pod in the cluster (cluster DNS); not from nodes or outside the cluster';
const CLUSTER_IP_NOTE = 'virtual IP: from pods and nodes of this cluster; not from outside';
const POD_IP_NOTE = 'ready endpoint: a pod IP, from pods and nodes of this cluster; bypasses the service';

/**
 * Every way to reach a service (DESIGN §2), in this order: ingress URLs, load-balancer
 * addresses, node ports, cluster DNS names (FQDN per port, then `<svc>.<ns>` and
 * `<svc>` for the first port), cluster IPs, then pod-level addresses for headless
 * services. Within a group: port order, then node name / address order.
 */
export function serviceAccessUrls(input: ServiceUrlInput): AccessUrl[] {
  const svc = input.service;
  const domain = (input.clusterDomain || DEFAULT_CLUSTER_DOMAIN).replace(/\.$/, '');
  const fqdn = `${svc.name}.${svc.namespace}.svc.${domain}`;
  const ports = [...svc.ports].sort((a, b) => a.position - b.position);
  const out: AccessUrl[] = [];

  out.push(...ingressUrls(svc, input.ingresses ?? []));

  if (svc.type === 'ExternalName') {
    const target = svc.externalName ?? '(unset)';
    const note = `CNAME alias for ${target}; no proxying: clients connect to ${target} directly`;
    if (ports.length === 0) out.push({ url: fqdn, scope: 'IN_CLUSTER', via: 'EXTERNAL_NAME', pending: false, host: fqdn, note });
    for (const p of ports) out.push({ url: `${schemeFor(p)}://${hostPort(fqdn, p.port)}`, scope: 'IN_CLUSTER', via: 'EXTERNAL_NAME', pending: false, host: fqdn, port: p.port, note });
    return out;
  }

  if (svc.type === 'LoadBalancer') out.push(...loadBalancerUrls(svc, ports));
  if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') out.push(...nodePortUrls(svc, ports, input.nodes ?? []));

  if (svc.headless) {
    out.push(...headlessUrls(svc, ports, fqdn, domain, input));
    return out;
  }

  if (ports.length === 0) {
    out.push({ url: fqdn, scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: fqdn, note: 'service has no ports' });
  }
  for (const p of ports) out.push({ url: `${schemeFor(p)}://${hostPort(fqdn, p.port)}`, scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: fqdn, port: p.port, note: FQDN_NOTE });
  const first = ports[0];
  if (first) {
    const s = schemeFor(first);
    const nsShort = `${svc.name}.${svc.namespace}`;
    out.push({ url: `${s}://${hostPort(nsShort, first.port)}`, scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: nsShort, port: first.port, note: 'short form: resolves from pods in any namespace through the DNS search path; not from nodes or outside the cluster' });
    out.push({ url: `${s}://${hostPort(svc.name, first.port)}`, scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: svc.name, port: first.port, note: `short form: resolves only from pods in namespace ${svc.namespace}; not from nodes or outside the cluster` });
  }
  const ips = svc.clusterIps.length ? svc.clusterIps : svc.clusterIp ? [svc.clusterIp] : [];
  for (const ip of ips) {
    for (const p of ports) out.push({ url: `${schemeFor(p)}://${hostPort(ip, p.port)}`, scope: 'IN_CLUSTER', via: 'CLUSTER_IP', pending: false, host: ip, port: p.port, note: CLUSTER_IP_NOTE });
  }
  if (ips.length === 0 && ports.length) {
    out.push({ url: `${schemeFor(first!)}://${hostPort('<pending>', first!.port)}`, scope: 'IN_CLUSTER', via: 'CLUSTER_IP', pending: true, port: first!.port, note: 'cluster IP not allocated yet' });
  }
  return out;
}

function ingressUrls(svc: ServiceRecord, ingresses: IngressRecord[]): AccessUrl[] {
  const out: AccessUrl[] = [];
  for (const ing of [...ingresses].filter((i) => i.namespace === svc.namespace).sort(byName)) {
    for (const u of ingressAccessUrls(ing)) {
      if (!u.backend || !('service' in u.backend) || u.backend.service !== svc.name) continue;
      const { portNumber, portName } = u.backend;
      const port = svc.ports.find((p) => (portNumber !== null ? p.port === portNumber : portName !== null && p.name === portName));
      // An ExternalName service has no ports to match; controllers proxy to it by name.
      if (!port && !(svc.type === 'ExternalName' && svc.ports.length === 0)) continue;
      const note = [`ingress ${ing.name}`, u.note].filter(Boolean).join('; ');
      out.push({
        url: u.url,
        scope: u.scope,
        via: u.via,
        pending: u.pending,
        note,
        ...(u.port !== undefined ? { port: u.port } : {}),
        ...(u.host !== undefined ? { host: u.host } : {}),
        ...(u.pattern ? { pattern: true } : {}),
      });
    }
  }
  return out;
}

function loadBalancerUrls(svc: ServiceRecord, ports: ServicePortRecord[]): AccessUrl[] {
  const addrs: string[] = [];
  for (const e of svc.loadBalancerIngress) {
    if (e.ip) addrs.push(e.ip);
    if (e.hostname) addrs.push(e.hostname);
  }
  const unique = [...new Set(addrs)];
  if (unique.length === 0) {
    const first = ports[0];
    return [
      {
        url: first ? `${schemeFor(first)}://${hostPort('<pending>', first.port)}` : '<pending>',
        scope: 'PUBLIC',
        via: 'LOAD_BALANCER',
        pending: true,
        note: 'load balancer address not assigned yet',
        ...(first ? { port: first.port } : {}),
      },
    ];
  }
  const out: AccessUrl[] = [];
  for (const addr of unique) {
    for (const p of ports) out.push({ url: `${schemeFor(p)}://${hostPort(addr, p.port)}`, scope: 'PUBLIC', via: 'LOAD_BALANCER', pending: false, host: addr, port: p.port });
  }
  return out;
}

function nodePortUrls(svc: ServiceRecord, ports: ServicePortRecord[], nodes: NodeRecord[]): AccessUrl[] {
  const out: AccessUrl[] = [];
  const sorted = [...nodes].sort(byName);
  for (const p of ports) {
    const s = schemeFor(p);
    if (p.nodePort === null) {
      // LoadBalancer with allocateLoadBalancerNodePorts=false has none by design.
      if (svc.type === 'NodePort') out.push({ url: `${s}://<node>:<pending>`, scope: 'NODE_NETWORK', via: 'NODE_PORT', pending: true, pattern: true, note: `node port for port ${p.port} not allocated yet` });
      continue;
    }
    if (sorted.length === 0) {
      out.push({ url: `${s}://<node>:${p.nodePort}`, scope: 'NODE_NETWORK', via: 'NODE_PORT', pending: false, pattern: true, port: p.nodePort, note: 'any node address; no nodes known' });
      continue;
    }
    for (const node of sorted) {
      const suffix = node.ready ? '' : ' (not ready)';
      for (const [type, scope] of [['ExternalIP', 'PUBLIC'], ['InternalIP', 'NODE_NETWORK']] as const) {
        for (const a of node.addresses.filter((x) => x.type === type)) {
          out.push({ url: `${s}://${hostPort(a.address, p.nodePort)}`, scope, via: 'NODE_PORT', pending: false, host: a.address, port: p.nodePort, note: `node ${node.name}${suffix}` });
        }
      }
    }
  }
  return out;
}

/** The port a client of a headless service connects to on each pod: the resolved target port. */
function targetPortOf(p: ServicePortRecord, slices: EndpointSliceRecord[], pods: PodRecord[]): number | null {
  for (const s of slices) {
    const sp = s.ports.find((x) => x.name === p.name && x.protocol === p.protocol && x.port !== null);
    if (sp) return sp.port;
  }
  if (/^\d+$/.test(p.targetPort)) return Number(p.targetPort);
  for (const pod of pods) {
    const cp = pod.containerPorts.find((c) => c.name === p.targetPort && c.protocol === p.protocol);
    if (cp) return cp.containerPort;
  }
  return null;
}

function headlessUrls(svc: ServiceRecord, ports: ServicePortRecord[], fqdn: string, domain: string, input: ServiceUrlInput): AccessUrl[] {
  const out: AccessUrl[] = [];
  const slices = (input.endpointSlices ?? []).filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name);
  const selected = (input.pods ?? []).filter((p) => p.namespace === svc.namespace && selectorMapMatches(svc.selector, p.labels));
  const resolved = ports.map((p) => ({ p, target: targetPortOf(p, slices, selected) }));
  const withPort = (host: string, p: ServicePortRecord, target: number | null) => (target === null ? `${schemeFor(p)}://${host}` : `${schemeFor(p)}://${hostPort(host, target)}`);

  const dnsNote = 'headless: resolves to the ready pod IPs, from any pod in the cluster';
  if (ports.length === 0) out.push({ url: fqdn, scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: fqdn, note: dnsNote });
  for (const { p, target } of resolved) {
    out.push({ url: withPort(fqdn, p, target), scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: fqdn, ...(target !== null ? { port: target } : {}), note: target === null ? `${dnsNote}; named target port ${p.targetPort} not resolved` : dnsNote });
  }

  const ready = new Set<string>();
  const hostnames = new Set<string>();
  for (const s of slices) {
    for (const e of s.endpoints) {
      if (!e.ready) continue;
      ready.add(e.address);
      if (e.hostname) hostnames.add(e.hostname);
    }
  }
  // Pods that set hostname + subdomain = service name get their own A record.
  for (const pod of selected) {
    const live = (pod.ready && !pod.terminating) || svc.publishNotReadyAddresses;
    if (live && pod.hostname && pod.subdomain === svc.name) hostnames.add(pod.hostname);
  }
  for (const addr of [...ready].sort(compareAddresses)) {
    for (const { p, target } of resolved) {
      out.push({ url: withPort(addr, p, target), scope: 'IN_CLUSTER', via: 'POD', pending: false, host: addr, ...(target !== null ? { port: target } : {}), note: POD_IP_NOTE });
    }
    if (ports.length === 0) out.push({ url: addr, scope: 'IN_CLUSTER', via: 'POD', pending: false, host: addr, note: POD_IP_NOTE });
  }
  for (const h of [...hostnames].sort()) {
    const name = `${h}.${svc.name}.${svc.namespace}.svc.${domain}`;
    for (const { p, target } of resolved) {
      out.push({ url: withPort(name, p, target), scope: 'IN_CLUSTER', via: 'POD', pending: false, host: name, ...(target !== null ? { port: target } : {}), note: `pod ${h}: its own DNS name, from any pod in the cluster` });
    }
    if (ports.length === 0) out.push({ url: name, scope: 'IN_CLUSTER', via: 'POD', pending: false, host: name, note: `pod ${h}: its own DNS name, from any pod in the cluster` });
  }
  return out;
}
