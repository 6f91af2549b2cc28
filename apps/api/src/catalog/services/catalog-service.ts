import type { LabelRequirement, Scope, ServiceKindLabel, ServiceRecord, ServiceType } from '@switchboard/k8s-model';

/** A mirrored Service as the catalog reads it back: the record plus where it lives and its endpoint counts. */
export interface CatalogService extends ServiceRecord {
  id: string;
  clusterId: string;
  clusterName: string;
  clusterDomain: string;
  syncedAt: string;
  endpointCounts: { ready: number; total: number };
}

export type ServiceSort = 'NAME' | 'NAMESPACE' | 'CLUSTER' | 'CREATED';

export interface ServiceQuery {
  clusters?: string[];
  namespaces?: string[];
  types?: ServiceType[];
  /** Any of these kinds (Headless told apart from ClusterIP). */
  kinds?: ServiceKindLabel[];
  labels?: LabelRequirement[];
  text?: string;
  hasDiagnostics?: boolean;
  /** Seconds after which a LoadBalancer without an address counts as a finding. */
  pendingLoadBalancerSeconds: number;
  sort: ServiceSort;
  limit: number;
  /** The caller's read scope; absent for internal reads. */
  scope?: Scope;
  after?: (string | number | null)[];
}

/** The filter part of a query (what service groups share with the catalog). */
export type ServiceQueryFilter = Omit<ServiceQuery, 'sort' | 'limit' | 'after' | 'scope'>;
