import type { ResourceKind } from './graphql/generated/graphql';

/** How mirrored kinds read in the dashboard. */
export const KIND_LABEL: Record<ResourceKind, string> = {
  NAMESPACE: 'Namespaces',
  NODE: 'Nodes',
  POD: 'Pods',
  SERVICE: 'Services',
  ENDPOINT_SLICE: 'Endpoint slices',
  INGRESS: 'Ingresses',
  NETWORK_POLICY: 'Network policies',
  DEPLOYMENT: 'Deployments',
  REPLICA_SET: 'Replica sets',
  STATEFUL_SET: 'Stateful sets',
  DAEMON_SET: 'Daemon sets',
  JOB: 'Jobs',
  CRON_JOB: 'Cron jobs',
  REPLICATION_CONTROLLER: 'Replication controllers',
};

/** The order a reader scans a cluster's kinds in: what users ask about first. */
export const KIND_ORDER: ResourceKind[] = [
  'SERVICE',
  'ENDPOINT_SLICE',
  'INGRESS',
  'POD',
  'NODE',
  'NAMESPACE',
  'NETWORK_POLICY',
  'DEPLOYMENT',
  'STATEFUL_SET',
  'DAEMON_SET',
  'CRON_JOB',
  'JOB',
  'REPLICA_SET',
  'REPLICATION_CONTROLLER',
];

export const formatCount = (n: number) => n.toLocaleString('en-US');
