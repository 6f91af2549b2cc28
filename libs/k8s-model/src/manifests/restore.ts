import type { IngressRecord, ServiceRecord } from '../catalog-types.js';
import { ingressManifestFromRecord } from './ingress-manifest.js';
import { serviceInputFromRecord, serviceManifest } from './service-manifest.js';
import type { ApplyAction } from './types.js';

export const ref = (ns: string, name: string) => `${ns}/${name}`;

/** The undo of restating a service: its previous state, node ports included, so they come back exactly. */
export function restoreService(service: ServiceRecord): ApplyAction {
  return {
    op: 'apply',
    kind: 'Service',
    namespace: service.namespace,
    name: service.name,
    manifest: serviceManifest(serviceInputFromRecord(service, { nodePorts: true }), { namespace: service.namespace }),
    summary: `restore service ${ref(service.namespace, service.name)} to type ${service.type}`,
  };
}

/** The undo of changing an existing ingress: its previous full spec. */
export function restoreIngress(ingress: IngressRecord): ApplyAction {
  return {
    op: 'apply',
    kind: 'Ingress',
    namespace: ingress.namespace,
    name: ingress.name,
    manifest: ingressManifestFromRecord(ingress),
    summary: `restore ingress ${ref(ingress.namespace, ingress.name)}`,
  };
}

