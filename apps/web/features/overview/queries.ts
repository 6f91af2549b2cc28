import { graphql } from '../../lib/graphql/generated';

export const OverviewQuery = graphql(`
  query Overview {
    clusters {
      id
      name
      displayName
      server
      status
      paused
      clusterDomain
      labels {
        key
        value
      }
      syncStates {
        kind
        status
        lastEventAt
        lastListAt
        lagSeconds
        lastError
        objectCount
        restarts
        relists
      }
      summary {
        namespaces
        pods
        services
        ingresses
        nodes {
          ready
          total
        }
        servicesByKind {
          kind
          count
        }
        endpoints {
          ready
          total
        }
        diagnostics {
          errors
          warnings
          infos
        }
      }
    }
  }
`);
