import { graphql } from '../../lib/graphql/generated';

export const DiagnosticsPageQuery = graphql(`
  query DiagnosticsPage($clusters: [String!], $namespaces: [String!], $severities: [Severity!], $codes: [DiagnosticCode!], $after: String) {
    diagnostics(clusters: $clusters, namespaces: $namespaces, severities: $severities, codes: $codes, first: 100, after: $after) {
      totalCount
      nodes {
        code
        severity
        message
        hint
        object {
          kind
          cluster
          namespace
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    everySeverity: diagnostics(clusters: $clusters, namespaces: $namespaces, codes: $codes, first: 1) {
      bySeverity {
        errors
        warnings
        infos
      }
    }
    clusters {
      name
      displayName
    }
    namespaces(clusters: $clusters) {
      cluster
      name
    }
  }
`);
