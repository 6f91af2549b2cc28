import { graphql } from '../../lib/graphql/generated';

export const StatusQuery = graphql(`
  query DeploymentStatus {
    system {
      version
      role
      database {
        kind
        ready
        migrationsApplied
        migrationsPending
      }
    }
  }
`);
