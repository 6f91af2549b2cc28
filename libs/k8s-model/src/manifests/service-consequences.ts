import type { ServiceType } from '../catalog-types.js';
import type { ServiceInput } from '../validation/service-input.js';

/** What a service is now, as far as the consequences of changing it go (the catalog's fields). */
export interface ServiceNow {
  type: ServiceType;
  headless: boolean;
  clusterIp: string | null;
  selector: Record<string, string> | null;
  ports: readonly { name: string; port: number; protocol: string; nodePort: number | null }[];
  loadBalancerIngress: readonly { ip?: string | null; hostname?: string | null }[];
}

const needsNodePorts = (t: ServiceType) => t === 'NodePort' || t === 'LoadBalancer';
const list = (xs: readonly (string | number)[]) => xs.join(', ');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const portKey = (p: { port: number; protocol?: string | null }) => `${p.port}/${p.protocol ?? 'TCP'}`;

function sameMap(a: Record<string, string> | null | undefined, b: Record<string, string> | null | undefined): boolean {
  const x = Object.entries(a ?? {}).sort();
  const y = Object.entries(b ?? {}).sort();
  return x.length === y.length && x.every(([k, v], i) => y[i]![0] === k && y[i]![1] === v);
}

/**
 * The consequences of changing a service from what it is to `next` (its full desired
 * state), in words, before anything is sent: addresses released or allocated, ports no
 * longer served, pods no longer selected. Kubernetes' rules: node ports exist only for
 * NodePort and LoadBalancer services and are dropped with the type; an ExternalName
 * service has no cluster IP and no ports.
 */
export function serviceChangeConsequences(now: ServiceNow, next: ServiceInput): string[] {
  const out: string[] = [];
  const type = next.type ?? 'ClusterIP';
  const nextPorts = type === 'ExternalName' ? [] : (next.ports ?? []);
  const kept = new Set(nextPorts.map(portKey));
  const nodePorts = now.ports.flatMap((p) => (p.nodePort ? [p.nodePort] : []));

  if (needsNodePorts(now.type) && !needsNodePorts(type)) {
    if (nodePorts.length) out.push(`${plural(nodePorts.length, 'node port', 'node ports')} ${list(nodePorts)} will be released: nothing will answer on ${plural(nodePorts.length, 'it', 'them')} on the nodes any more`);
  } else if (needsNodePorts(now.type)) {
    const gone = now.ports.filter((p) => p.nodePort && !kept.has(portKey(p))).map((p) => p.nodePort!);
    if (gone.length) out.push(`${plural(gone.length, 'node port', 'node ports')} ${list(gone)} will be released`);
  } else if (needsNodePorts(type)) {
    const fixed = nextPorts.flatMap((p) => (p.nodePort ? [p.nodePort] : []));
    out.push(fixed.length === nextPorts.length && fixed.length ? `node ${plural(fixed.length, 'port', 'ports')} ${list(fixed)} will open on every node` : 'node ports will be allocated (30000–32767) and open on every node');
  }

  if (now.type === 'LoadBalancer' && type !== 'LoadBalancer') {
    const addrs = now.loadBalancerIngress.map((i) => i.ip || i.hostname).filter((a): a is string => !!a);
    out.push(addrs.length ? `the load balancer ${plural(addrs.length, 'address', 'addresses')} ${list(addrs)} will be released` : 'the requested load balancer (still pending) will be released');
  } else if (now.type !== 'LoadBalancer' && type === 'LoadBalancer') {
    out.push('a load balancer will be requested; its address stays pending until the cluster assigns one');
  }

  if (now.type !== 'ExternalName' && type === 'ExternalName') {
    out.push(`${now.clusterIp && now.clusterIp !== 'None' ? `cluster IP ${now.clusterIp} will be released` : 'the service loses its endpoints'} and its ports removed: the name becomes a DNS alias for ${next.externalName ?? 'the external name'}`);
  } else if (now.type === 'ExternalName' && type !== 'ExternalName') {
    out.push(next.headless ? 'the name will resolve to the selected pods instead of an alias' : 'a cluster IP will be allocated; the name stops being an alias');
  }

  if (now.type !== 'ExternalName' && type !== 'ExternalName') {
    const removed = now.ports.filter((p) => !kept.has(portKey(p)));
    if (removed.length) out.push(`${plural(removed.length, 'port', 'ports')} ${list(removed.map((p) => `${portKey(p)}${p.name ? ` (${p.name})` : ''}`))} will no longer be served`);
    if (!sameMap(now.selector, next.selector)) {
      out.push(Object.keys(next.selector ?? {}).length ? 'the service will select different pods: its endpoints follow the new selector' : 'the service will select no pods: its endpoints go away unless you manage them yourself');
    }
  }
  return out;
}
