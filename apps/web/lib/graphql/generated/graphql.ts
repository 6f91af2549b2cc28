/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CatalogChangeFilter = {
  clusters?: Array<string> | null | undefined;
  kinds?: Array<ResourceKind> | null | undefined;
  /** Changes touching these namespaces (cluster-scoped kinds always pass) */
  namespaces?: Array<string> | null | undefined;
};

/** UPSERT and DELETE name the objects; RELIST: anything of the kind may have changed */
export type CatalogChangeOp =
  | 'DELETE'
  | 'RELIST'
  | 'UPSERT';

/** postgres: a PostgreSQL server (DATABASE_URL); pglite: the embedded database */
export type DatabaseKind =
  | 'pglite'
  | 'postgres';

export type Health =
  | 'DEGRADED'
  | 'HEALTHY'
  | 'UNHEALTHY'
  | 'UNKNOWN';

/** token: an API token (or a session signed in with one); oidc: signed in through OpenID Connect; system: the API acting on its own */
export type IdentityKind =
  | 'oidc'
  | 'system'
  | 'token';

/** api serves requests only, sync only mirrors clusters, all does both */
export type ProcessRole =
  | 'all'
  | 'api'
  | 'sync';

/** ALL: reads the whole catalog; GRANTS: only what its grants cover */
export type ReadScope =
  | 'ALL'
  | 'GRANTS';

/** A kind of Kubernetes object the catalog mirrors */
export type ResourceKind =
  | 'ENDPOINT_SLICE'
  | 'INGRESS'
  | 'NAMESPACE'
  | 'NODE'
  | 'POD'
  | 'SERVICE';

/** viewer reads the catalog; operator also changes services and ingresses where a grant allows; admin also clusters, tokens, grants and the audit log */
export type Role =
  | 'admin'
  | 'operator'
  | 'viewer';

/** A service type as readers tell them apart: headless ClusterIP services are their own kind */
export type ServiceKind =
  | 'ClusterIP'
  | 'ExternalName'
  | 'Headless'
  | 'LoadBalancer'
  | 'NodePort';

export type ServiceRefInput = {
  cluster: string;
  name: string;
  namespace: string;
};

export type ServiceType =
  | 'ClusterIP'
  | 'ExternalName'
  | 'LoadBalancer'
  | 'NodePort';

/** Where mirroring a cluster × kind stands: PENDING (not started), SYNCING (listing), READY (watching), DEGRADED (retrying after an error), ERROR (failing repeatedly), PAUSED */
export type SyncStatus =
  | 'DEGRADED'
  | 'ERROR'
  | 'PAUSED'
  | 'PENDING'
  | 'READY'
  | 'SYNCING';

/** CONTAINS (cluster → namespace → object), ROUTES (ingress → service), ENDPOINT (service → ready or not-ready endpoint), SELECTS (service → matching pod that is not an endpoint) */
export type TopologyEdgeKind =
  | 'CONTAINS'
  | 'ENDPOINT'
  | 'ROUTES'
  | 'SELECTS';

export type TopologyNodeKind =
  | 'Cluster'
  | 'Endpoint'
  | 'Ingress'
  | 'Namespace'
  | 'Pod'
  | 'Service';

/** OK, WARNING, ERROR, or MISSING (referenced but absent) */
export type TopologyNodeStatus =
  | 'ERROR'
  | 'MISSING'
  | 'OK'
  | 'WARNING';

export type CatalogChangedSubscriptionVariables = Exact<{
  filter?: CatalogChangeFilter | null | undefined;
}>;


export type CatalogChangedSubscription = { catalogChanged: { cluster: string, kind: ResourceKind, op: CatalogChangeOp, objects: Array<string>, at: string } };

export type ClusterStatusChangedSubscriptionVariables = Exact<{
  clusters?: Array<string> | string | null | undefined;
}>;


export type ClusterStatusChangedSubscription = { clusterStatusChanged: { cluster: string, kind: ResourceKind | null, status: SyncStatus, lastError: string | null, at: string } };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { clusters: Array<{ id: string, name: string, displayName: string, server: string, status: SyncStatus, paused: boolean, clusterDomain: string, labels: Array<{ key: string, value: string }>, syncStates: Array<{ kind: ResourceKind, status: SyncStatus, lastEventAt: string | null, lastListAt: string | null, lagSeconds: number | null, lastError: string | null, objectCount: number, restarts: number, relists: number }>, summary: { namespaces: number, pods: number, services: number, ingresses: number, nodes: { ready: number, total: number }, servicesByKind: Array<{ kind: ServiceKind, count: number }>, endpoints: { ready: number, total: number }, diagnostics: { errors: number, warnings: number, infos: number } } }> };

export type ShellQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellQuery = { me: { name: string, kind: IdentityKind, role: Role, readScope: ReadScope, expiresAt: string | null, grants: Array<{ cluster: string | null, namespace: string }> }, system: { version: string } };

export type PaletteSearchQueryVariables = Exact<{
  search: string;
}>;


export type PaletteSearchQuery = { services: { totalCount: number, nodes: Array<{ id: string, cluster: string, namespace: string, name: string, type: ServiceType, headless: boolean, health: Health }> }, clusters: Array<{ name: string, displayName: string, status: SyncStatus }> };

export type DeploymentStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type DeploymentStatusQuery = { system: { version: string, role: ProcessRole, database: { kind: DatabaseKind, ready: boolean, migrationsApplied: number, migrationsPending: Array<string> } } };

export type TopologyQueryVariables = Exact<{
  cluster?: string | null | undefined;
  namespace?: string | null | undefined;
  service?: ServiceRefInput | null | undefined;
}>;


export type TopologyQuery = { topology: { nodes: Array<{ id: string, kind: TopologyNodeKind, cluster: string, namespace: string | null, name: string, status: TopologyNodeStatus, data: Array<{ key: string, value: string }> }>, edges: Array<{ id: string, source: string, target: string, kind: TopologyEdgeKind, label: string | null, ready: boolean | null }> } };

export type TopologyScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type TopologyScopesQuery = { clusters: Array<{ name: string, displayName: string, status: SyncStatus, summary: { services: number, pods: number } }>, namespaces: Array<{ cluster: string, name: string, serviceCount: number, podCount: number, ingressCount: number }> };


export const CatalogChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CatalogChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"objects"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<CatalogChangedSubscription, CatalogChangedSubscriptionVariables>;
export const ClusterStatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClusterStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusters"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ClusterStatusChangedSubscription, ClusterStatusChangedSubscriptionVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"server"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"clusterDomain"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncStates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastListAt"}},{"kind":"Field","name":{"kind":"Name","value":"lagSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"objectCount"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"}},{"kind":"Field","name":{"kind":"Name","value":"relists"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespaces"}},{"kind":"Field","name":{"kind":"Name","value":"pods"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"ingresses"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servicesByKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"diagnostics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"infos"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const ShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readScope"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"system"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;
export const PaletteSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaletteSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"EnumValue","value":"NAME"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"headless"}},{"kind":"Field","name":{"kind":"Name","value":"health"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PaletteSearchQuery, PaletteSearchQueryVariables>;
export const DeploymentStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeploymentStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"database"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"migrationsApplied"}},{"kind":"Field","name":{"kind":"Name","value":"migrationsPending"}}]}}]}}]}}]} as unknown as DocumentNode<DeploymentStatusQuery, DeploymentStatusQueryVariables>;
export const TopologyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Topology"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"service"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceRefInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topology"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cluster"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}}},{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"service"},"value":{"kind":"Variable","name":{"kind":"Name","value":"service"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}}]}}]}}]} as unknown as DocumentNode<TopologyQuery, TopologyQueryVariables>;
export const TopologyScopesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopologyScopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"pods"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"podCount"}},{"kind":"Field","name":{"kind":"Name","value":"ingressCount"}}]}}]}}]} as unknown as DocumentNode<TopologyScopesQuery, TopologyScopesQueryVariables>;