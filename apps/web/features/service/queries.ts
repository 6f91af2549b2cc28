import { graphql } from '../../lib/graphql/generated';

/** Everything the service page shows, in one request (within the API's statement budget). */
export const ServicePageQuery = graphql(`
  query ServicePage($cluster: String!, $namespace: String!, $name: String!) {
    service(cluster: $cluster, namespace: $namespace, name: $name) {
      id
      cluster
      namespace
      name
      uid
      type
      headless
      clusterIP
      clusterIPs
      externalIPs
      externalName
      sessionAffinity
      externalTrafficPolicy
      resourceVersion
      createdAt
      syncedAt
      health
      ...ServiceSpecFields
      endpointCounts {
        ready
        total
      }
      accessUrls {
        ...AccessUrlFields
      }
      primaryAccessUrl {
        ...AccessUrlFields
      }
      endpoints {
        address
        ready
        serving
        terminating
        pod
        hostname
        node
        zone
        slice
        ports {
          name
          port
          protocol
        }
      }
      podsWithoutEndpoint {
        name
        ip
        phase
        ready
        terminating
        node
        zone
        reason
      }
      diagnostics {
        ...FindingFields
      }
      ingresses {
        id
        cluster
        namespace
        name
        ...IngressRoutingFields
        accessUrls {
          url
          host
          path
          pending
          pattern
          backendService
          backendPort
        }
      }
      group {
        clusters
        consistent
        health
        types
        members {
          cluster
          health
          service {
            id
            cluster
            namespace
            name
            type
            headless
            ports {
              port
              protocol
            }
            endpointCounts {
              ready
              total
            }
            primaryAccessUrl {
              url
              scope
              pending
              pattern
            }
          }
        }
      }
      clusterInfo {
        ...MirrorFields
      }
      manifest
    }
  }
`);
