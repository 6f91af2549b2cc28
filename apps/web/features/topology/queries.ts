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
