import { graphql } from '../../lib/graphql/generated';

export const CatalogChangedSubscription = graphql(`
  subscription CatalogChanged($filter: CatalogChangeFilter) {
    catalogChanged(filter: $filter) {
      cluster
      kind
      op
      objects
      at
    }
  }
`);

export const ClusterStatusChangedSubscription = graphql(`
  subscription ClusterStatusChanged($clusters: [String!]) {
    clusterStatusChanged(clusters: $clusters) {
      cluster
      kind
      status
      lastError
      at
    }
  }
`);
