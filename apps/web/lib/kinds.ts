import type { ResourceKind } from './graphql/generated/graphql';

/** How mirrored kinds read in the dashboard. */
export const KIND_LABEL: Record<ResourceKind, string> = {
  NAMESPACE: 'Namespaces',
  NODE: 'Nodes',
  POD: 'Pods',
  SERVICE: 'Services',
  ENDPOINT_SLICE: 'Endpoint slices',
  INGRESS: 'Ingresses',
};

/** The order a reader scans a cluster's kinds in: what users ask about first. */
export const KIND_ORDER: ResourceKind[] = ['SERVICE', 'ENDPOINT_SLICE', 'INGRESS', 'POD', 'NODE', 'NAMESPACE'];

export const formatCount = (n: number) => n.toLocaleString('en-US');
