import { toGlobalId } from '@switchboard/k8s-model';
import { toKeyValues } from '../../shared/label.model.js';
import type { CatalogIngress } from '../catalog-ingress.js';
import type { IngressModel } from './ingress.model.js';

export function toIngressModel(i: CatalogIngress): IngressModel & { _source: CatalogIngress } {
  return {
    _source: i,
    id: toGlobalId('Ingress', i.id),
    cluster: i.clusterName,
    namespace: i.namespace,
    name: i.name,
    uid: i.uid,
    ingressClassName: i.ingressClassName,
    tls: i.tls.map((t) => ({ hosts: t.hosts, secretName: t.secretName })),
    loadBalancerIngress: i.loadBalancerIngress.map((l) => ({ ip: l.ip, hostname: l.hostname })),
    labels: toKeyValues(i.labels),
    annotations: toKeyValues(i.annotations),
    createdAt: new Date(i.k8sCreatedAt),
    pathCount: i.rules.length,
  };
}
