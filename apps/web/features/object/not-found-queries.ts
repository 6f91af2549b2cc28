import { graphql } from '../../lib/graphql/generated';

/** What the not-found page offers instead: the clusters, and services of that name elsewhere. */
export const NotFoundHintsQuery = graphql(`
  query NotFoundHints($search: String!) {
    clusters {
      name
      displayName
    }
    services(filter: { search: $search }, first: 6, sort: CLUSTER) {
      totalCount
      nodes {
        id
        cluster
        namespace
        name
        type
        headless
      }
    }
  }
`);
