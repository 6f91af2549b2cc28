import { graphql } from '../../lib/graphql/generated';

export const ClusterAdminFields = graphql(`
  fragment ClusterAdminFields on Cluster {
    id
    name
    displayName
    server
    authKind
    context
    clusterDomain
    paused
    status
    createdAt
    labels {
      key
      value
    }
    syncStates {
      kind
      status
      lastListAt
      lastEventAt
      lastError
      objectCount
      relists
      restarts
    }
    summary {
      namespaces
      nodes {
        total
      }
      pods
      services
      ingresses
      endpoints {
        total
      }
    }
  }
`);

export const AdminClustersQuery = graphql(`
  query AdminClusters {
    clusters {
      ...ClusterAdminFields
    }
  }
`);

export const TestClusterConnectionMutation = graphql(`
  mutation TestClusterConnection($input: RegisterClusterInput!) {
    testClusterConnection(input: $input) {
      name
      context
      server
      outcome
      errorCode
      message
      forbidden
    }
  }
`);

export const RegisterClusterMutation = graphql(`
  mutation RegisterCluster($input: RegisterClusterInput!) {
    registerCluster(input: $input) {
      ...ClusterAdminFields
    }
  }
`);

export const UpdateClusterMutation = graphql(`
  mutation UpdateCluster($name: String!, $input: UpdateClusterInput!) {
    updateCluster(name: $name, input: $input) {
      ...ClusterAdminFields
    }
  }
`);

export const ResyncClusterMutation = graphql(`
  mutation ResyncCluster($name: String!) {
    resyncCluster(name: $name) {
      ...ClusterAdminFields
    }
  }
`);

export const RemoveClusterMutation = graphql(`
  mutation RemoveCluster($name: String!) {
    removeCluster(name: $name) {
      id
      name
    }
  }
`);

export const TokenFields = graphql(`
  fragment TokenFields on ApiToken {
    id
    name
    prefix
    role
    readScope
    status
    createdAt
    createdBy
    expiresAt
    lastUsedAt
    revokedAt
    grants {
      id
      cluster
      namespace
    }
  }
`);

export const AdminTokensQuery = graphql(`
  query AdminTokens($includeRevoked: Boolean) {
    tokens(includeRevoked: $includeRevoked) {
      ...TokenFields
    }
    me {
      tokenId
    }
    clusters {
      name
      displayName
    }
  }
`);

export const CreateTokenMutation = graphql(`
  mutation CreateToken($input: CreateTokenInput!) {
    createToken(input: $input) {
      token
      apiToken {
        ...TokenFields
      }
    }
  }
`);

export const RevokeTokenMutation = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeToken(id: $id) {
      ...TokenFields
    }
  }
`);

export const CreateGrantMutation = graphql(`
  mutation CreateGrant($input: CreateGrantInput!) {
    createGrant(input: $input) {
      id
      cluster
      namespace
    }
  }
`);

export const DeleteGrantMutation = graphql(`
  mutation DeleteGrant($id: ID!) {
    deleteGrant(id: $id) {
      id
      cluster
      namespace
    }
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($actor: String, $action: String, $cluster: String, $namespace: String, $outcome: AuditOutcome, $first: Int, $after: String) {
    auditEvents(actor: $actor, action: $action, cluster: $cluster, namespace: $namespace, outcome: $outcome, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        actor
        actorRole
        action
        cluster
        namespace
        name
        outcome
        errorCode
        dryRun
        diff
      }
    }
    clusters {
      name
      displayName
    }
  }
`);
