import { graphql } from '../../lib/graphql/generated';

export const ShellQuery = graphql(`
  query Shell {
    me {
      name
      kind
      role
      readScope
      grants {
        cluster
        namespace
      }
      expiresAt
    }
    system {
      version
    }
  }
`);

export const PaletteSearchQuery = graphql(`
  query PaletteSearch($search: String!) {
    services(filter: { search: $search }, first: 8, sort: NAME) {
      totalCount
      nodes {
        id
        cluster
        namespace
        name
        type
        headless
        health
      }
    }
    clusters {
      name
      displayName
      status
    }
  }
`);
