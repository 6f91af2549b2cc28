import type { RecordByKind, ResourceKind } from '../catalog-types.js';
import { normalizeEndpointSlice } from './endpoint-slice.js';
import { normalizeIngress } from './ingress.js';
import type { Normalized } from './meta.js';
import { normalizeNamespace } from './namespace.js';
import { normalizeNode } from './node.js';
import { normalizePod } from './pod.js';
import { normalizeNetworkPolicy } from './network-policy.js';
import { normalizeService } from './service.js';
import { workloadNormalizer } from './workload.js';

/** Kind → normaliser, so a sync loop per kind can be generic. */
export const normalizers: { [K in ResourceKind]: (raw: unknown) => Normalized<RecordByKind[K]> } = {
  NAMESPACE: normalizeNamespace,
  NODE: normalizeNode,
  POD: normalizePod,
  SERVICE: normalizeService,
  ENDPOINT_SLICE: normalizeEndpointSlice,
  INGRESS: normalizeIngress,
  NETWORK_POLICY: normalizeNetworkPolicy,
  DEPLOYMENT: workloadNormalizer('Deployment'),
  REPLICA_SET: workloadNormalizer('ReplicaSet'),
  STATEFUL_SET: workloadNormalizer('StatefulSet'),
  DAEMON_SET: workloadNormalizer('DaemonSet'),
  JOB: workloadNormalizer('Job'),
  CRON_JOB: workloadNormalizer('CronJob'),
  REPLICATION_CONTROLLER: workloadNormalizer('ReplicationController'),
};

export function normalize<K extends ResourceKind>(kind: K, raw: unknown): Normalized<RecordByKind[K]> {
  return normalizers[kind](raw) as Normalized<RecordByKind[K]>;
}

/** Kubernetes kind names (as in `kind:` of a manifest) for each catalog kind. */
export const KUBE_KIND: Record<ResourceKind, string> = {
  NAMESPACE: 'Namespace',
  NODE: 'Node',
  POD: 'Pod',
  SERVICE: 'Service',
  ENDPOINT_SLICE: 'EndpointSlice',
  INGRESS: 'Ingress',
  NETWORK_POLICY: 'NetworkPolicy',
  DEPLOYMENT: 'Deployment',
  REPLICA_SET: 'ReplicaSet',
  STATEFUL_SET: 'StatefulSet',
  DAEMON_SET: 'DaemonSet',
  JOB: 'Job',
  CRON_JOB: 'CronJob',
  REPLICATION_CONTROLLER: 'ReplicationController',
};
