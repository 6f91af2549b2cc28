import { graphql } from '../../lib/graphql/generated';

/** The ingress classes the cluster's ingresses use: what the expose form offers. */
export const ExposeIngressClassesQuery = graphql(`
  query ExposeIngressClasses($cluster: String!) {
    ingressClasses(cluster: $cluster) {
      name
      ingressCount
    }
  }
`);

export const ExposeServiceMutation = graphql(`
  mutation ExposeService($cluster: String!, $namespace: String!, $name: String!, $input: ExposeInput!, $dryRun: Boolean, $idempotencyKey: String, $force: Boolean) {
    exposeService(cluster: $cluster, namespace: $namespace, name: $name, input: $input, dryRun: $dryRun, idempotencyKey: $idempotencyKey, force: $force) {
      ...ServiceChangeResult
    }
  }
`);

export const UnexposeServiceMutation = graphql(`
  mutation UnexposeService($cluster: String!, $namespace: String!, $name: String!, $input: UnexposeInput!, $dryRun: Boolean, $idempotencyKey: String, $force: Boolean) {
    unexposeService(cluster: $cluster, namespace: $namespace, name: $name, input: $input, dryRun: $dryRun, idempotencyKey: $idempotencyKey, force: $force) {
      ...ServiceChangeResult
    }
  }
`);
