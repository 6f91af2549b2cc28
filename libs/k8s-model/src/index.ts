// @switchboard/k8s-model: pure TypeScript domain rules of Switchboard (no framework,
// no Node built-ins), shared by the API and the dashboard.
export * from './kube-types.js';
export * from './catalog-types.js';
export { NormalizeError } from './normalize/reader.js';
export type { Normalized } from './normalize/meta.js';
export { normalizeNamespace } from './normalize/namespace.js';
export { normalizeNode, ZONE_LABEL, REGION_LABEL } from './normalize/node.js';
export { normalizePod } from './normalize/pod.js';
export { normalizeService } from './normalize/service.js';
export { normalizeEndpointSlice, SERVICE_NAME_LABEL } from './normalize/endpoint-slice.js';
export { normalizeIngress } from './normalize/ingress.js';
export { normalize, normalizers, KUBE_KIND } from './normalize/index.js';
export * from './access-urls/index.js';
export * from './validation/index.js';
export * from './label-selector.js';
export * from './diagnostics/index.js';
export * from './service-groups.js';
export * from './topology.js';
export * from './topology-view.js';
export * from './sync-status.js';
export * from './service-types.js';
export * from './global-id.js';
export * from './manifests/index.js';
export * from './diff/index.js';
export * from './access/index.js';
export * from './endpoint-gaps.js';
export * from './reachability/index.js';
