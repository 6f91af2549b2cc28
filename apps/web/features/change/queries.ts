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
