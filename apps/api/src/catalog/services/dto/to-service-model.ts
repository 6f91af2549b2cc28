import { toGlobalId } from '@switchboard/k8s-model';
import { toKeyValues } from '../../shared/label.model.js';
import type { CatalogService } from '../catalog-service.js';
import { type ServiceModel, ServiceTypeEnum } from './service.model.js';
import type { Protocol } from '../../shared/kube-enums.js';

export function toServiceModel(s: CatalogService): ServiceModel & { _source: CatalogService } {
  return {
    _source: s,
    id: toGlobalId('Service', s.id),
    cluster: s.clusterName,
    namespace: s.namespace,
    name: s.name,
    uid: s.uid,
    type: ServiceTypeEnum[s.type],
    headless: s.headless,
    clusterIP: s.clusterIp,
    clusterIPs: s.clusterIps,
    externalIPs: s.externalIps,
    externalName: s.externalName,
    selector: s.selector ? toKeyValues(s.selector) : null,
    // The API server admits only TCP, UDP and SCTP.
    ports: s.ports.map(({ position: _position, ...p }) => ({ ...p, protocol: p.protocol as Protocol })),
    loadBalancerIngress: s.loadBalancerIngress.map((i) => ({ ip: i.ip, hostname: i.hostname })),
    labels: toKeyValues(s.labels),
    annotations: toKeyValues(s.annotations),
    endpointCounts: s.endpointCounts,
    sessionAffinity: s.sessionAffinity,
    externalTrafficPolicy: s.externalTrafficPolicy,
    resourceVersion: s.resourceVersion,
    createdAt: new Date(s.k8sCreatedAt),
    syncedAt: new Date(s.syncedAt),
  };
}
