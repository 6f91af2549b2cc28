import { graphql } from '../../lib/graphql/generated';

/** What the what-if page starts from: the cluster's namespaces (for the template) and, opened from a policy, its manifest. */
export const WhatIfContextQuery = graphql(`
  query WhatIfContext($cluster: String!, $namespace: String!, $name: String!, $withPolicy: Boolean!) {
    namespaces(clusters: [$cluster]) {
      name
    }
    networkPolicy(cluster: $cluster, namespace: $namespace, name: $name) @include(if: $withPolicy) {
      namespace
      name
      manifest
    }
  }
`);

/** The manifests applied over the mirror: the connections they would add, remove or change. */
export const ConnectivityWhatIfQuery = graphql(`
  query ConnectivityWhatIf($cluster: String!, $manifests: String!) {
    connectivityWhatIf(cluster: $cluster, manifests: $manifests) {
      cluster
      computedAt
      gained {
        ...PeerConnectionFields
      }
      lost {
        ...PeerConnectionFields
      }
      changed {
        source {
          ...ConnectivityPeerFields
        }
        destination {
          ...ConnectivityPeerFields
        }
        before {
          ...PeerConnectionFields
        }
        after {
          ...PeerConnectionFields
        }
      }
    }
  }
`);
