import { serviceContexts } from './cluster-index.js';
import { diagnoseDuplicateHostPaths } from './duplicate-host-path.js';
import { diagnoseIngress } from './ingress-checks.js';
import { diagnoseService } from './service-checks.js';
import { type ClusterSnapshot, compareDiagnostics, type Diagnostic, type DiagnosticsOptions } from './types.js';

export * from './types.js';
export { diagnoseService, parseInClusterServiceName, readyEndpointCount, type ServiceContext } from './service-checks.js';
export { diagnoseIngress } from './ingress-checks.js';
export { diagnoseDuplicateHostPaths } from './duplicate-host-path.js';
export { serviceContexts } from './cluster-index.js';
export { DIAGNOSTIC_TITLES, diagnosticHint } from './hints.js';

/** Every finding over a snapshot of one or more clusters, in a stable order. */
export function computeDiagnostics(clusters: ClusterSnapshot[], opts: DiagnosticsOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of clusters) {
    const idx = serviceContexts(c);
    for (const s of c.services) out.push(...diagnoseService(s, idx.forService(s), opts));
    for (const i of c.ingresses) out.push(...diagnoseIngress(i, { cluster: c.cluster, services: idx.servicesIn(i.namespace) }));
  }
  out.push(...diagnoseDuplicateHostPaths(clusters));
  return out.sort(compareDiagnostics);
}
