import type { IngressRecord } from '../catalog-types.js';
import type { Diagnostic } from './types.js';

interface Claim {
  cluster: string;
  namespace: string;
  name: string;
  /** What the path routes to: `<namespace>/<service>` or `<namespace>/<kind>/<name>` for resource backends. */
  backend: string;
}

type Rule = IngressRecord['rules'][number];

function backendOf(namespace: string, r: Rule): string {
  if (r.backendService !== null) return `${namespace}/${r.backendService}`;
  const res = r.backendResource as { kind?: string; name?: string } | null;
  return `${namespace}/${res?.kind ?? ''}/${res?.name ?? ''}`;
}

/**
 * The same host + path claimed twice. In one cluster by more than one rule (ERROR: the
 * controller picks one). Across clusters only when the claims route to different
 * backends (WARNING: whichever cluster DNS points at wins) — one app behind one host in
 * several clusters, same namespace and service, is the normal multi-cluster pattern.
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
        list.push({ cluster: c.cluster, namespace: ing.namespace, name: ing.name, backend: backendOf(ing.namespace, r) });
        claims.set(key, list);
      }
    }
  }
  const out: Diagnostic[] = [];
  const id = (c: Claim) => `${c.cluster}/${c.namespace}/${c.name}`;
  for (const [key, list] of claims) {
    if (list.length < 2) continue;
    const byIngress = new Map<string, Claim[]>();
    for (const c of list) byIngress.set(id(c), [...(byIngress.get(id(c)) ?? []), c]);
    for (const [meId, mine] of byIngress) {
      const me = mine[0]!;
      const myBackends = new Set(mine.map((c) => c.backend));
      const twiceHere = mine.length > 1;
      const sameCluster = [...byIngress].filter(([oid, o]) => oid !== meId && o[0]!.cluster === me.cluster).map(([, o]) => o[0]!);
      const elsewhere = [...byIngress]
        .filter(([, o]) => o[0]!.cluster !== me.cluster && o.some((c) => !myBackends.has(c.backend)))
        .map(([, o]) => o.find((c) => !myBackends.has(c.backend))!);
      if (!twiceHere && sameCluster.length === 0 && elsewhere.length === 0) continue;
      const where = [
        ...(twiceHere ? ['another rule of this ingress'] : []),
        ...sameCluster.map((o) => `${o.namespace}/${o.name}`),
        ...elsewhere.map((o) => `${o.namespace}/${o.name} in cluster ${o.cluster} (routing to ${o.backend}, not ${me.backend})`),
      ];
      out.push({
        code: 'DUPLICATE_HOST_PATH',
        severity: twiceHere || sameCluster.length ? 'ERROR' : 'WARNING',
        object: { kind: 'Ingress', cluster: me.cluster, namespace: me.namespace, name: me.name },
        message: `Ingress ${me.namespace}/${me.name} claims ${key}, also claimed by ${where.join(', ')}`,
      });
    }
  }
  return out;
}
