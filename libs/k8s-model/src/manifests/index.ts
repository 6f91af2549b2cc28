export * from './types.js';
export { LAST_APPLIED_ANNOTATION } from './common.js';
export { serviceManifest, serviceInputFromRecord, mergeServiceChange, serviceUpdateManifest } from './service-manifest.js';
export { ingressManifest, ingressManifestFromRecord, serviceBackend } from './ingress-manifest.js';
export { planExpose, exposedPort, type ExposePlanOptions } from './expose-plan.js';
export { planUnexpose, validateUnexposeInput, type UnexposeInput, type UnexposePlanOptions } from './unexpose-plan.js';
export { restoreService, restoreIngress } from './restore.js';
export { ingressUpdateManifest, ingressInputFromRecord, type IngressChange } from './ingress-update.js';
export { serviceObjectFromRecord, ingressObjectFromRecord } from './mirrored-object.js';
