import type { AccessVia } from '../../lib/graphql/generated/graphql';

/** What makes an access URL work, as a reader names it. */
export const VIA_LABEL: Record<AccessVia, string> = {
  INGRESS: 'Ingress',
  LOAD_BALANCER: 'Load balancer',
  NODE_PORT: 'Node port',
  EXTERNAL_NAME: 'DNS alias',
  CLUSTER_DNS: 'Cluster DNS',
  CLUSTER_IP: 'Cluster IP',
  POD: 'Pod IP',
};
