import { graphql } from '../../lib/graphql/generated';

/** The graph of a scope: a cluster, a namespace, or one service's neighbourhood. */
export const TopologyQuery = graphql(`
  query Topology($cluster: String, $namespace: String, $service: ServiceRefInput) {
    topology(cluster: $cluster, namespace: $namespace, service: $service) {
      nodes {
        id
        kind
        cluster
        namespace
        name
        status
        data {
          key
          value
        }
      }
      edges {
        id
        source
        target
        kind
        label
        ready
      }
    }
  }
`);

/** What the scope pickers offer: clusters and namespaces with their sizes (a graph over 20,000 services + pods is refused). */
export const TopologyScopesQuery = graphql(`
  query TopologyScopes {
    clusters {
      name
      displayName
      status
    }
    namespaces {
      cluster
      name
      serviceCount
      podCount
      ingressCount
    }
  }
`);

/** The optional layer of allowed connections: who may connect to whom in a cluster (or namespace), and which pods each workload runs (to place them). */
export const TopologyConnectionsQuery = graphql(`
  query TopologyConnections($cluster: String!, $namespace: String) {
    connectivity(cluster: $cluster, namespace: $namespace) {
      computedAt
      connections {
        source {
          id
          type
          namespace
          name
          kind
        }
        destination {
          id
          type
          namespace
          name
          kind
        }
        text
        why {
          ingress {
            isolated
          }
          egress {
            isolated
          }
        }
      }
    }
    workloads(cluster: $cluster, namespace: $namespace) {
      namespace
      name
      kind
      pods
    }
  }
`);
