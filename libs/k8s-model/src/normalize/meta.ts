import type { LoadBalancerIngress } from '../catalog-types.js';
import { type Json, Reader } from './reader.js';

/** What every normaliser returns: the record plus the identity the sync loop keys on. */
export interface Normalized<R> {
  uid: string;
  resourceVersion: string;
  record: R;
}

export interface CommonMeta {
  name: string;
  namespace: string | null;
  uid: string;
  resourceVersion: string;
  k8sCreatedAt: string;
  deletionTimestamp: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ownerReferences: Json[];
}

/**
 * Reads metadata. name, uid, resourceVersion and creationTimestamp are always set by
 * the API server, so their absence means the payload is not a stored object.
 */
export function readMeta(r: Reader, raw: unknown, namespaced: boolean): { o: Json; meta: CommonMeta } {
  const o = r.root(raw);
  const m = r.obj(o['metadata'], 'metadata');
  if (!m) r.fail('metadata', 'required');
  const name = r.reqStr(m['name'], 'metadata.name');
  const namespace = namespaced ? r.reqStr(m['namespace'], 'metadata.namespace') : null;
  r.objectRef = namespace ? `${namespace}/${name}` : name;
  const created = r.time(m['creationTimestamp'], 'metadata.creationTimestamp');
  if (created === null) r.fail('metadata.creationTimestamp', 'required');
  const ownerReferences = r.arr(m['ownerReferences'], 'metadata.ownerReferences').map(
    (x, i) => r.obj(x, `metadata.ownerReferences[${i}]`) ?? {},
  );
  return {
    o,
    meta: {
      name,
      namespace,
      uid: r.reqStr(m['uid'], 'metadata.uid'),
      resourceVersion: r.reqStr(m['resourceVersion'], 'metadata.resourceVersion'),
      k8sCreatedAt: created,
      deletionTimestamp: r.time(m['deletionTimestamp'], 'metadata.deletionTimestamp'),
      labels: r.strMap(m['labels'], 'metadata.labels'),
      annotations: r.strMap(m['annotations'], 'metadata.annotations'),
      ownerReferences,
    },
  };
}

/** status.loadBalancer.ingress → stored JSON; empty entries are dropped (nothing to reach). */
export function readLoadBalancerIngress(r: Reader, status: Json | undefined): LoadBalancerIngress[] {
  const lb = r.obj(status?.['loadBalancer'], 'status.loadBalancer');
  const out: LoadBalancerIngress[] = [];
  r.arr(lb?.['ingress'], 'status.loadBalancer.ingress').forEach((x, i) => {
    const f = `status.loadBalancer.ingress[${i}]`;
    const e = r.obj(x, f) ?? {};
    const ip = r.optStr(e['ip'], `${f}.ip`);
    const hostname = r.optStr(e['hostname'], `${f}.hostname`);
    if (!ip && !hostname) return;
    const entry: LoadBalancerIngress = {};
    if (ip) entry.ip = ip;
    if (hostname) entry.hostname = hostname;
    const ports = r.arr(e['ports'], `${f}.ports`);
    if (ports.length) {
      entry.ports = ports.map((p, j) => {
        const pf = `${f}.ports[${j}]`;
        const po = r.obj(p, pf) ?? {};
        const error = r.optStr(po['error'], `${pf}.error`);
        return {
          port: r.reqInt(po['port'], `${pf}.port`),
          protocol: r.optStr(po['protocol'], `${pf}.protocol`) ?? 'TCP',
          ...(error ? { error } : {}),
        };
      });
    }
    out.push(entry);
  });
  return out;
}

/** The "Ready" condition's status, false when absent. */
export function conditionTrue(r: Reader, conditions: unknown, field: string, type: string): boolean {
  return r.arr(conditions, field).some((c, i) => {
    const o = r.obj(c, `${field}[${i}]`);
    return o?.['type'] === type && o['status'] === 'True';
  });
}
