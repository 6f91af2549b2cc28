import type { ServiceRecord } from '../catalog-types.js';
import type { ServiceContext } from './service-checks.js';
import type { ClusterSnapshot } from './types.js';

export function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/**
 * Indexes a snapshot once (pods and services by namespace, slices by service) and
 * returns the narrowed context of each service, so whole-cluster passes stay linear.
 */
export function serviceContexts(c: ClusterSnapshot): { forService: (s: ServiceRecord) => ServiceContext; servicesIn: (namespace: string) => ServiceRecord[] } {
  const podsByNs = groupBy(c.pods, (p) => p.namespace);
  const svcsByNs = groupBy(c.services, (s) => s.namespace);
  const slicesBySvc = groupBy(c.endpointSlices, (s) => `${s.namespace}/${s.serviceName ?? ''}`);
  return {
    forService: (s) => ({
      cluster: c.cluster,
      clusterDomain: c.clusterDomain ?? null,
      pods: podsByNs.get(s.namespace) ?? [],
      endpointSlices: slicesBySvc.get(`${s.namespace}/${s.name}`) ?? [],
      // Only ExternalName checks look services up, and they need the whole cluster.
      services: s.type === 'ExternalName' ? c.services : [],
    }),
    servicesIn: (ns) => svcsByNs.get(ns) ?? [],
  };
}
