import type { IngressRecord } from '../catalog-types.js';
import type { Diagnostic } from './types.js';

interface Claim {
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * The same host + path claimed by more than one ingress, in one cluster (ERROR: the
 * controller picks one) or across clusters (WARNING: whichever DNS points at wins).
 * Host-less rules are left out: they are reached through each ingress' own address.
 */
export function diagnoseDuplicateHostPaths(clusters: { cluster: string; ingresses: IngressRecord[] }[]): Diagnostic[] {
  const claims = new Map<string, Claim[]>();
  for (const c of clusters) {
    for (const ing of c.ingresses) {
      for (const r of ing.rules) {
        if (r.host === null || (r.backendService === null && r.backendResource === null)) continue;
        const key = `${r.host.toLowerCase()}${r.path || '/'}`;
        const list = claims.get(key) ?? [];
        list.push({ cluster: c.cluster, namespace: ing.namespace, name: ing.name });
        claims.set(key, list);
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const [key, list] of claims) {
    if (list.length < 2) continue;
    const id = (c: Claim) => `${c.cluster}/${c.namespace}/${c.name}`;
    const distinct = [...new Map(list.map((c) => [id(c), c])).values()];
    for (const me of distinct) {
      const others = distinct.filter((o) => id(o) !== id(me));
      const twiceHere = list.filter((c) => id(c) === id(me)).length > 1;
      const sameCluster = twiceHere || others.some((o) => o.cluster === me.cluster);
      const where = others.map((o) => (o.cluster === me.cluster ? `${o.namespace}/${o.name}` : `${o.namespace}/${o.name} in cluster ${o.cluster}`));
      if (twiceHere) where.unshift('another rule of this ingress');
      out.push({
        code: 'DUPLICATE_HOST_PATH',
        severity: sameCluster ? 'ERROR' : 'WARNING',
        object: { kind: 'Ingress', cluster: me.cluster, namespace: me.namespace, name: me.name },
        message: `Ingress ${me.namespace}/${me.name} claims ${key}, also claimed by ${where.join(', ')}`,
      });
    }
  }
  return out;
}
