import type { Scope } from '@switchboard/k8s-model';
import type { IngressRecord } from '@switchboard/k8s-model';

/** A mirrored Ingress as the catalog reads it back. */
export interface CatalogIngress extends IngressRecord {
  id: string;
  clusterId: string;
  clusterName: string;
}

export interface IngressQuery {
  clusters?: string[];
  namespaces?: string[];
  /** Substring of any rule host. */
  host?: string;
  limit: number;
  after?: (string | number | null)[];
  /** The caller's read scope; absent for internal reads. */
  scope?: Scope;
}
