import { graphql } from '../../lib/graphql/generated';

// The create, edit and delete forms of a service, and what they ask while you type.

export const ServiceFormTargetsQuery = graphql(`
  query ServiceFormTargets {
    clusters {
      name
      displayName
    }
    namespaces {
      cluster
      name
      podCount
    }
  }
`);

export const PodLabelsQuery = graphql(`
  query PodLabels($cluster: String!, $namespace: String!, $selector: [KeyValueInput!]) {
    podLabels(cluster: $cluster, namespace: $namespace, selector: $selector) {
      pods
      matching
      labels {
        key
        value
        pods
      }
    }
  }
`);


export const CreateServiceMutation = graphql(`
  mutation CreateService($cluster: String!, $namespace: String!, $input: CreateServiceInput!, $dryRun: Boolean!, $force: Boolean!, $idempotencyKey: String!) {
    createService(cluster: $cluster, namespace: $namespace, input: $input, dryRun: $dryRun, force: $force, idempotencyKey: $idempotencyKey) {
      ...ServiceChangeResult
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($cluster: String!, $namespace: String!, $name: String!, $input: UpdateServiceInput!, $dryRun: Boolean!, $force: Boolean!, $idempotencyKey: String!) {
    updateService(cluster: $cluster, namespace: $namespace, name: $name, input: $input, dryRun: $dryRun, force: $force, idempotencyKey: $idempotencyKey) {
      ...ServiceChangeResult
    }
  }
`);

export const DeleteServiceMutation = graphql(`
  mutation DeleteService($cluster: String!, $namespace: String!, $name: String!, $resourceVersion: String, $dryRun: Boolean!, $idempotencyKey: String!) {
    deleteService(cluster: $cluster, namespace: $namespace, name: $name, resourceVersion: $resourceVersion, dryRun: $dryRun, idempotencyKey: $idempotencyKey) {
      ...ServiceChangeResult
    }
  }
`);

export const ServiceEditQuery = graphql(`
  query ServiceEdit($cluster: String!, $namespace: String!, $name: String!) {
    service(cluster: $cluster, namespace: $namespace, name: $name) {
      cluster
      namespace
      name
      type
      headless
      clusterIP
      externalName
      resourceVersion
      ...ServiceSpecFields
    }
  }
`);
