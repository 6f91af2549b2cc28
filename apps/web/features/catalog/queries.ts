import { graphql } from '../../lib/graphql/generated';

// What one catalog row shows. `accessUrls { scope }` only counts the other URLs
// ("+N more"); the one shown is the API's `primaryAccessUrl`.
export const CatalogServiceRowFragment = graphql(`
  fragment CatalogServiceRow on Service {
    id
    cluster
    namespace
    name
    type
    headless
    createdAt
    ports {
      name
      port
      targetPort
      protocol
      nodePort
    }
    endpointCounts {
      ready
      total
    }
    selector {
      key
    }
    primaryAccessUrl {
      url
      scope
      via
      pending
      pattern
      note
    }
    accessUrls {
      scope
    }
    health
    diagnostics {
      severity
      message
    }
  }
`);

export const CatalogServicesQuery = graphql(`
  query CatalogServices($filter: ServiceFilterInput, $sort: ServiceSort, $first: Int, $after: String) {
    services(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CatalogServiceRow
      }
    }
  }
`);

export const CatalogGroupsQuery = graphql(`
  query CatalogGroups($filter: ServiceFilterInput, $first: Int, $after: String) {
    serviceGroups(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        namespace
        name
        clusters
        consistent
        health
        readyEndpoints
        totalEndpoints
        members {
          cluster
          health
          service {
            ...CatalogServiceRow
          }
        }
      }
    }
  }
`);

/** The choices the filters offer: clusters, and the namespaces of the chosen clusters. */
export const CatalogFacetsQuery = graphql(`
  query CatalogFacets($clusters: [String!]) {
    clusters {
      name
      displayName
      status
    }
    namespaces(clusters: $clusters) {
      cluster
      name
      serviceCount
    }
  }
`);
