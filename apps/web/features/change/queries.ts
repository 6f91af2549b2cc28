import { graphql } from '../../lib/graphql/generated';

// What every self-service mutation answers, for the review and result screens.

export const ObjectChangeFields = graphql(`
  fragment ObjectChangeFields on ObjectChange {
    action
    kind
    namespace
    name
    summary
    manifest
    diff
  }
`);

// What a service or ingress mutation answers, as every form reads it.
export const ServiceChangeResult = graphql(`
  fragment ServiceChangeResult on ServiceMutationResult {
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
    service {
      id
      cluster
      namespace
      name
      accessUrls {
        ...AccessUrlFields
      }
    }
  }
`);

export const IngressChangeResult = graphql(`
  fragment IngressChangeResult on IngressMutationResult {
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
    ingress {
      id
      accessUrls {
        ...IngressUrlFields
      }
    }
  }
`);
