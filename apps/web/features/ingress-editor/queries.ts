import { graphql } from '../../lib/graphql/generated';

/** What the editor offers: the namespace's services and their ports, and the classes the cluster's ingresses use. */
export const IngressEditorContextQuery = graphql(`
  query IngressEditorContext($cluster: String!, $namespace: String!) {
    services(filter: { clusters: [$cluster], namespaces: [$namespace] }, first: 100, sort: NAME) {
      totalCount
      nodes {
        id
        name
        type
        ports {
          name
          port
          protocol
        }
      }
    }
    ingressClasses(cluster: $cluster) {
      name
      ingressCount
    }
  }
`);

/** The ingress being edited, as its rows. */
export const IngressEditorIngressQuery = graphql(`
  query IngressEditorIngress($cluster: String!, $namespace: String!, $name: String!) {
    ingress(cluster: $cluster, namespace: $namespace, name: $name) {
      id
      cluster
      namespace
      name
      ingressClassName
      paths {
        host
        path
        pathType
        backend {
          service
          port
          resource
        }
      }
      tls {
        hosts
        secretName
      }
      accessUrls {
        ...IngressUrlFields
      }
    }
  }
`);

export const CreateIngressMutation = graphql(`
  mutation CreateIngress($cluster: String!, $namespace: String!, $input: CreateIngressInput!, $dryRun: Boolean, $idempotencyKey: String, $force: Boolean) {
    createIngress(cluster: $cluster, namespace: $namespace, input: $input, dryRun: $dryRun, idempotencyKey: $idempotencyKey, force: $force) {
      ...IngressChangeResult
    }
  }
`);

export const UpdateIngressMutation = graphql(`
  mutation UpdateIngress($cluster: String!, $namespace: String!, $name: String!, $input: UpdateIngressInput!, $dryRun: Boolean, $idempotencyKey: String, $force: Boolean) {
    updateIngress(cluster: $cluster, namespace: $namespace, name: $name, input: $input, dryRun: $dryRun, idempotencyKey: $idempotencyKey, force: $force) {
      ...IngressChangeResult
    }
  }
`);

export const DeleteIngressMutation = graphql(`
  mutation DeleteIngress($cluster: String!, $namespace: String!, $name: String!, $dryRun: Boolean, $idempotencyKey: String) {
    deleteIngress(cluster: $cluster, namespace: $namespace, name: $name, dryRun: $dryRun, idempotencyKey: $idempotencyKey) {
      dryRun
      replayed
      deleted
      notes
      changes {
        ...ObjectChangeFields
        accessUrls {
          ...AccessUrlFields
        }
      }
    }
  }
`);
