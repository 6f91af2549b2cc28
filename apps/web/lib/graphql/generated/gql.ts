/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription CatalogChanged($filter: CatalogChangeFilter) {\n    catalogChanged(filter: $filter) {\n      cluster\n      kind\n      op\n      objects\n      at\n    }\n  }\n": typeof types.CatalogChangedDocument,
    "\n  subscription ClusterStatusChanged($clusters: [String!]) {\n    clusterStatusChanged(clusters: $clusters) {\n      cluster\n      kind\n      status\n      lastError\n      at\n    }\n  }\n": typeof types.ClusterStatusChangedDocument,
    "\n  query Overview {\n    clusters {\n      id\n      name\n      displayName\n      server\n      status\n      paused\n      clusterDomain\n      labels {\n        key\n        value\n      }\n      syncStates {\n        kind\n        status\n        lastEventAt\n        lastListAt\n        lagSeconds\n        lastError\n        objectCount\n        restarts\n        relists\n      }\n      summary {\n        namespaces\n        pods\n        services\n        ingresses\n        nodes {\n          ready\n          total\n        }\n        servicesByKind {\n          kind\n          count\n        }\n        endpoints {\n          ready\n          total\n        }\n        diagnostics {\n          errors\n          warnings\n          infos\n        }\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query Shell {\n    me {\n      name\n      kind\n      role\n      readScope\n      grants {\n        cluster\n        namespace\n      }\n      expiresAt\n    }\n    system {\n      version\n    }\n  }\n": typeof types.ShellDocument,
    "\n  query PaletteSearch($search: String!) {\n    services(filter: { search: $search }, first: 8, sort: NAME) {\n      totalCount\n      nodes {\n        id\n        cluster\n        namespace\n        name\n        type\n        headless\n        health\n      }\n    }\n    clusters {\n      name\n      displayName\n      status\n    }\n  }\n": typeof types.PaletteSearchDocument,
    "\n  query DeploymentStatus {\n    system {\n      version\n      role\n      database {\n        kind\n        ready\n        migrationsApplied\n        migrationsPending\n      }\n    }\n  }\n": typeof types.DeploymentStatusDocument,
    "\n  query Topology($cluster: String, $namespace: String, $service: ServiceRefInput) {\n    topology(cluster: $cluster, namespace: $namespace, service: $service) {\n      nodes {\n        id\n        kind\n        cluster\n        namespace\n        name\n        status\n        data {\n          key\n          value\n        }\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        label\n        ready\n      }\n    }\n  }\n": typeof types.TopologyDocument,
    "\n  query TopologyScopes {\n    clusters {\n      name\n      displayName\n      status\n      summary {\n        services\n        pods\n      }\n    }\n    namespaces {\n      cluster\n      name\n      serviceCount\n      podCount\n      ingressCount\n    }\n  }\n": typeof types.TopologyScopesDocument,
};
const documents: Documents = {
    "\n  subscription CatalogChanged($filter: CatalogChangeFilter) {\n    catalogChanged(filter: $filter) {\n      cluster\n      kind\n      op\n      objects\n      at\n    }\n  }\n": types.CatalogChangedDocument,
    "\n  subscription ClusterStatusChanged($clusters: [String!]) {\n    clusterStatusChanged(clusters: $clusters) {\n      cluster\n      kind\n      status\n      lastError\n      at\n    }\n  }\n": types.ClusterStatusChangedDocument,
    "\n  query Overview {\n    clusters {\n      id\n      name\n      displayName\n      server\n      status\n      paused\n      clusterDomain\n      labels {\n        key\n        value\n      }\n      syncStates {\n        kind\n        status\n        lastEventAt\n        lastListAt\n        lagSeconds\n        lastError\n        objectCount\n        restarts\n        relists\n      }\n      summary {\n        namespaces\n        pods\n        services\n        ingresses\n        nodes {\n          ready\n          total\n        }\n        servicesByKind {\n          kind\n          count\n        }\n        endpoints {\n          ready\n          total\n        }\n        diagnostics {\n          errors\n          warnings\n          infos\n        }\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  query Shell {\n    me {\n      name\n      kind\n      role\n      readScope\n      grants {\n        cluster\n        namespace\n      }\n      expiresAt\n    }\n    system {\n      version\n    }\n  }\n": types.ShellDocument,
    "\n  query PaletteSearch($search: String!) {\n    services(filter: { search: $search }, first: 8, sort: NAME) {\n      totalCount\n      nodes {\n        id\n        cluster\n        namespace\n        name\n        type\n        headless\n        health\n      }\n    }\n    clusters {\n      name\n      displayName\n      status\n    }\n  }\n": types.PaletteSearchDocument,
    "\n  query DeploymentStatus {\n    system {\n      version\n      role\n      database {\n        kind\n        ready\n        migrationsApplied\n        migrationsPending\n      }\n    }\n  }\n": types.DeploymentStatusDocument,
    "\n  query Topology($cluster: String, $namespace: String, $service: ServiceRefInput) {\n    topology(cluster: $cluster, namespace: $namespace, service: $service) {\n      nodes {\n        id\n        kind\n        cluster\n        namespace\n        name\n        status\n        data {\n          key\n          value\n        }\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        label\n        ready\n      }\n    }\n  }\n": types.TopologyDocument,
    "\n  query TopologyScopes {\n    clusters {\n      name\n      displayName\n      status\n      summary {\n        services\n        pods\n      }\n    }\n    namespaces {\n      cluster\n      name\n      serviceCount\n      podCount\n      ingressCount\n    }\n  }\n": types.TopologyScopesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CatalogChanged($filter: CatalogChangeFilter) {\n    catalogChanged(filter: $filter) {\n      cluster\n      kind\n      op\n      objects\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription CatalogChanged($filter: CatalogChangeFilter) {\n    catalogChanged(filter: $filter) {\n      cluster\n      kind\n      op\n      objects\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClusterStatusChanged($clusters: [String!]) {\n    clusterStatusChanged(clusters: $clusters) {\n      cluster\n      kind\n      status\n      lastError\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription ClusterStatusChanged($clusters: [String!]) {\n    clusterStatusChanged(clusters: $clusters) {\n      cluster\n      kind\n      status\n      lastError\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    clusters {\n      id\n      name\n      displayName\n      server\n      status\n      paused\n      clusterDomain\n      labels {\n        key\n        value\n      }\n      syncStates {\n        kind\n        status\n        lastEventAt\n        lastListAt\n        lagSeconds\n        lastError\n        objectCount\n        restarts\n        relists\n      }\n      summary {\n        namespaces\n        pods\n        services\n        ingresses\n        nodes {\n          ready\n          total\n        }\n        servicesByKind {\n          kind\n          count\n        }\n        endpoints {\n          ready\n          total\n        }\n        diagnostics {\n          errors\n          warnings\n          infos\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Overview {\n    clusters {\n      id\n      name\n      displayName\n      server\n      status\n      paused\n      clusterDomain\n      labels {\n        key\n        value\n      }\n      syncStates {\n        kind\n        status\n        lastEventAt\n        lastListAt\n        lagSeconds\n        lastError\n        objectCount\n        restarts\n        relists\n      }\n      summary {\n        namespaces\n        pods\n        services\n        ingresses\n        nodes {\n          ready\n          total\n        }\n        servicesByKind {\n          kind\n          count\n        }\n        endpoints {\n          ready\n          total\n        }\n        diagnostics {\n          errors\n          warnings\n          infos\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      name\n      kind\n      role\n      readScope\n      grants {\n        cluster\n        namespace\n      }\n      expiresAt\n    }\n    system {\n      version\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      name\n      kind\n      role\n      readScope\n      grants {\n        cluster\n        namespace\n      }\n      expiresAt\n    }\n    system {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaletteSearch($search: String!) {\n    services(filter: { search: $search }, first: 8, sort: NAME) {\n      totalCount\n      nodes {\n        id\n        cluster\n        namespace\n        name\n        type\n        headless\n        health\n      }\n    }\n    clusters {\n      name\n      displayName\n      status\n    }\n  }\n"): (typeof documents)["\n  query PaletteSearch($search: String!) {\n    services(filter: { search: $search }, first: 8, sort: NAME) {\n      totalCount\n      nodes {\n        id\n        cluster\n        namespace\n        name\n        type\n        headless\n        health\n      }\n    }\n    clusters {\n      name\n      displayName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeploymentStatus {\n    system {\n      version\n      role\n      database {\n        kind\n        ready\n        migrationsApplied\n        migrationsPending\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeploymentStatus {\n    system {\n      version\n      role\n      database {\n        kind\n        ready\n        migrationsApplied\n        migrationsPending\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Topology($cluster: String, $namespace: String, $service: ServiceRefInput) {\n    topology(cluster: $cluster, namespace: $namespace, service: $service) {\n      nodes {\n        id\n        kind\n        cluster\n        namespace\n        name\n        status\n        data {\n          key\n          value\n        }\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        label\n        ready\n      }\n    }\n  }\n"): (typeof documents)["\n  query Topology($cluster: String, $namespace: String, $service: ServiceRefInput) {\n    topology(cluster: $cluster, namespace: $namespace, service: $service) {\n      nodes {\n        id\n        kind\n        cluster\n        namespace\n        name\n        status\n        data {\n          key\n          value\n        }\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        label\n        ready\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopologyScopes {\n    clusters {\n      name\n      displayName\n      status\n      summary {\n        services\n        pods\n      }\n    }\n    namespaces {\n      cluster\n      name\n      serviceCount\n      podCount\n      ingressCount\n    }\n  }\n"): (typeof documents)["\n  query TopologyScopes {\n    clusters {\n      name\n      displayName\n      status\n      summary {\n        services\n        pods\n      }\n    }\n    namespaces {\n      cluster\n      name\n      serviceCount\n      podCount\n      ingressCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;