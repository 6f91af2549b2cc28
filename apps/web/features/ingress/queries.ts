import { graphql } from '../../lib/graphql/generated';

/** Everything the ingress page shows, in one request. */
export const IngressPageQuery = graphql(`
  query IngressPage($cluster: String!, $namespace: String!, $name: String!) {
    ingress(cluster: $cluster, namespace: $namespace, name: $name) {
      id
      cluster
      namespace
      name
      uid
      ingressClassName
      createdAt
      pathCount
      labels {
        key
        value
      }
      annotations {
        key
        value
      }
      loadBalancerIngress {
        ip
        hostname
      }
      ...IngressRoutingFields
      accessUrls {
        ...IngressUrlFields
      }
      diagnostics {
        ...FindingFields
      }
      clusterInfo {
        ...MirrorFields
      }
      manifest
    }
  }
`);
