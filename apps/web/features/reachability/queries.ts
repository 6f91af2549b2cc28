import { graphql } from '../../lib/graphql/generated';

// What a workload or outside range is, and why a connection is (not) allowed: shared by the service section and the policy page.
export const ConnectivityPeerFields = graphql(`
  fragment ConnectivityPeerFields on ConnectivityPeer {
    id
    type
    namespace
    name
    kind
    range
  }
`);

export const ConnectionWhyFields = graphql(`
  fragment ConnectionWhyFields on ConnectionWhy {
    summary
    ingress {
      isolated
      policies
      allowedBy {
        policy
        rule
      }
    }
    egress {
      isolated
      policies
      allowedBy {
        policy
        rule
      }
    }
  }
`);

export const PeerConnectionFields = graphql(`
  fragment PeerConnectionFields on PeerConnection {
    source {
      ...ConnectivityPeerFields
    }
    destination {
      ...ConnectivityPeerFields
    }
    all
    text
    why {
      ...ConnectionWhyFields
    }
  }
`);

/** The service page's "Who can reach this": per port, who may connect and why; and the namespace's policies. */
export const ServiceReachabilityQuery = graphql(`
  query ServiceReachability($cluster: String!, $namespace: String!, $name: String!) {
    service(cluster: $cluster, namespace: $namespace, name: $name) {
      id
      reachableFrom {
        computedAt
        isolated
        backends {
          ...ConnectivityPeerFields
        }
        ports {
          name
          port
          targetPort
          protocol
          allowedFrom {
            allBackends
            peer {
              ...ConnectivityPeerFields
            }
            why {
              ...ConnectionWhyFields
            }
          }
          deniedFrom {
            allBackends
            peer {
              ...ConnectivityPeerFields
            }
            why {
              ...ConnectionWhyFields
            }
          }
        }
      }
    }
    networkPolicies(cluster: $cluster, namespace: $namespace) {
      namespace
      name
      policyTypes
    }
  }
`);

export const LabelSelectorFields = graphql(`
  fragment LabelSelectorFields on LabelSelector {
    matchLabels {
      key
      value
    }
    matchExpressions {
      key
      operator
      values
    }
  }
`);

export const PolicyRuleFields = graphql(`
  fragment PolicyRuleFields on NetworkPolicyRule {
    peers {
      podSelector {
        ...LabelSelectorFields
      }
      namespaceSelector {
        ...LabelSelectorFields
      }
      ipBlock {
        cidr
        except
      }
    }
    ports {
      protocol
      port
      portName
      endPort
    }
  }
`);

/** The policy page: what the policy selects, its rules, what it allows; and its namespace's other policies. */
export const NetworkPolicyPageQuery = graphql(`
  query NetworkPolicyPage($cluster: String!, $namespace: String!, $name: String!) {
    networkPolicy(cluster: $cluster, namespace: $namespace, name: $name) {
      cluster
      namespace
      name
      uid
      createdAt
      policyTypes
      podSelector {
        ...LabelSelectorFields
      }
      ingress {
        ...PolicyRuleFields
      }
      egress {
        ...PolicyRuleFields
      }
      labels {
        key
        value
      }
      annotations {
        key
        value
      }
      manifest
      selectedWorkloads {
        id
        namespace
        name
        kind
        pods
      }
      allows {
        ...PeerConnectionFields
      }
    }
    networkPolicies(cluster: $cluster, namespace: $namespace) {
      namespace
      name
      policyTypes
    }
  }
`);
