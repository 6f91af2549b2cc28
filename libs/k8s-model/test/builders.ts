// Builders for Kubernetes objects as the API server returns them (test-only).
let counter = 0;
export const T0 = '2026-01-01T00:00:00Z';

export interface Meta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  labels?: Record<string, string>;
  [k: string]: unknown;
}

export function meta(name: string, namespace: string | undefined, extra: Record<string, unknown> = {}): Meta {
  counter++;
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: `uid-${name}-${counter}`,
    resourceVersion: String(1000 + counter),
    creationTimestamp: T0,
    ...extra,
  };
}

export function kService(name: string, spec: Record<string, unknown>, opts: { ns?: string; status?: unknown; labels?: Record<string, string> } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, opts.ns ?? 'default', opts.labels ? { labels: opts.labels } : {}),
    spec,
    status: opts.status ?? { loadBalancer: {} },
  };
}

export function kNode(name: string, addresses: [string, string][], opts: { ready?: boolean; labels?: Record<string, string> } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, { labels: opts.labels ?? {} }),
    spec: { podCIDR: '10.244.0.0/24' },
    status: {
      addresses: addresses.map(([type, address]) => ({ type, address })),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

export function kPod(
  name: string,
  labels: Record<string, string>,
  ip: string | undefined,
  opts: { ns?: string; ready?: boolean; hostname?: string; subdomain?: string; ports?: { name?: string; containerPort: number }[]; deleting?: boolean; node?: string } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, opts.ns ?? 'default', {
      labels,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-rs`, uid: 'rs', controller: true }],
      ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:05:00Z' } : {}),
    }),
    spec: {
      nodeName: opts.node ?? 'node-a',
      ...(opts.hostname ? { hostname: opts.hostname } : {}),
      ...(opts.subdomain ? { subdomain: opts.subdomain } : {}),
      containers: [{ name: 'app', ports: opts.ports ?? [] }],
    },
    status: {
      phase: 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      hostIP: '192.168.0.10',
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

export function kSlice(
  service: string,
  endpoints: { ip: string; ready?: boolean; hostname?: string; pod?: string }[],
  ports: { name?: string; port: number; protocol?: string }[],
  opts: { ns?: string; name?: string } = {},
) {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(opts.name ?? `${service}-abcde`, opts.ns ?? 'default', { labels: { 'kubernetes.io/service-name': service } }),
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      nodeName: 'node-a',
      ...(e.pod ? { targetRef: { kind: 'Pod', name: e.pod, namespace: opts.ns ?? 'default', uid: `uid-${e.pod}` } } : {}),
    })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

export function kIngress(name: string, spec: Record<string, unknown>, opts: { ns?: string; lb?: { ip?: string; hostname?: string }[] } = {}) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(name, opts.ns ?? 'default'),
    spec,
    status: { loadBalancer: opts.lb ? { ingress: opts.lb } : {} },
  };
}

/** Tiny seeded PRNG (mulberry32) for property tests: same seed, same cases. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    bool: (p = 0.5) => next() < p,
  };
}

export function kNetworkPolicy(name: string, spec: Record<string, unknown>, opts: { ns?: string } = {}) {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta(name, opts.ns ?? 'default'), spec };
}

export function kWorkload(apiVersion: string, kind: string, name: string, spec: Record<string, unknown>, opts: { ns?: string; owner?: { kind: string; name: string; uid: string } } = {}) {
  const owners = opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', ...opts.owner, controller: true, blockOwnerDeletion: true }] } : {};
  return { apiVersion, kind, metadata: meta(name, opts.ns ?? 'default', owners), spec, status: {} };
}
