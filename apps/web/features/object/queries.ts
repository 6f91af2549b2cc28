import { graphql } from '../../lib/graphql/generated';

// Fragments the service and ingress pages share.

export const AccessUrlFields = graphql(`
  fragment AccessUrlFields on AccessUrl {
    url
    scope
    via
    pending
    pattern
    note
    host
    port
  }
`);

export const IngressUrlFields = graphql(`
  fragment IngressUrlFields on IngressUrl {
    url
    scope
    via
    pending
    pattern
    note
    host
    port
    path
    backendService
    backendPort
  }
`);

export const IngressRoutingFields = graphql(`
  fragment IngressRoutingFields on Ingress {
    tls {
      hosts
      secretName
    }
    paths {
      host
      path
      pathType
      backend {
        service
        port
        resource
        serviceFound
        portFound
      }
    }
  }
`);

export const FindingFields = graphql(`
  fragment FindingFields on Diagnostic {
    code
    severity
    message
    hint
  }
`);

export const MirrorFields = graphql(`
  fragment MirrorFields on Cluster {
    name
    displayName
    status
    syncStates {
      kind
      status
      lastError
      lastEventAt
    }
  }
`);

/** What a service's spec says: the service page shows it, the edit form starts from it. */
export const ServiceSpecFields = graphql(`
  fragment ServiceSpecFields on Service {
      selector {
        key
        value
      }
      labels {
        key
        value
      }
      annotations {
        key
        value
      }
      ports {
        name
        port
        targetPort
        nodePort
        protocol
        appProtocol
      }
      loadBalancerIngress {
        ip
        hostname
      }
  }
`);
