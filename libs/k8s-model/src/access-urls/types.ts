export type AccessScope = 'IN_CLUSTER' | 'NODE_NETWORK' | 'PUBLIC';
export type AccessVia = 'CLUSTER_DNS' | 'CLUSTER_IP' | 'NODE_PORT' | 'LOAD_BALANCER' | 'INGRESS' | 'EXTERNAL_NAME' | 'POD';

/** One way to reach a service, and from where (DESIGN §2). */
export interface AccessUrl {
  /** A URL, or a pattern when `pattern` is true (wildcard hosts, placeholders). */
  url: string;
  scope: AccessScope;
  via: AccessVia;
  /** true while the address is not assigned yet (e.g. a pending load balancer). */
  pending: boolean;
  note?: string;
  /** The port the URL connects to (service port, node port, target port…). */
  port?: number;
  /** The host part of the URL. */
  host?: string;
  /** true when the URL is a pattern, not a link. */
  pattern?: boolean;
}

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';
