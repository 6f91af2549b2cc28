import { Injectable } from '@nestjs/common';
import { describeGrants, readScopeOf, type Role, roleAtLeast, type Scope, scopeCovers, scopeTouchesCluster, writeScopeOf } from '@switchboard/k8s-model';
import { DomainError } from '../errors/domain-error.js';
import type { Caller } from './caller.js';
import { ClustersRepository } from '../clusters/clusters.repository.js';

const WHAT_ROLE_ALLOWS: Record<Role, string> = {
  viewer: 'reading the catalog',
  operator: 'changing services and ingresses',
  admin: 'managing clusters, tokens, grants and reading the audit log',
};

/**
 * The one place that decides what a caller may do. Services call it before they
 * read or write, so GraphQL and REST cannot differ. Objects outside what a caller
 * may read are reported as not found, never as forbidden, so their existence does
 * not leak.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly clusters: ClustersRepository) {}

  requireRole(caller: Caller, role: Role): void {
    if (!roleAtLeast(caller.role, role)) {
      throw new DomainError('FORBIDDEN', `${WHAT_ROLE_ALLOWS[role]} needs the ${role} role; ${describe(caller)} has the ${caller.role} role`);
    }
  }

  readScope(caller: Caller): Scope {
    return readScopeOf(caller);
  }

  canRead(caller: Caller, clusterId: string, namespace: string): boolean {
    return scopeCovers(readScopeOf(caller), clusterId, namespace);
  }

  canSeeCluster(caller: Caller, clusterId: string): boolean {
    return scopeTouchesCluster(readScopeOf(caller), clusterId);
  }

  /**
   * Before a service or ingress in `namespace` of `cluster` (a name) is created,
   * changed or removed. An unknown cluster is left to the mutation (NOT_FOUND naming
   * the field) when the caller may see every cluster, and is NOT_FOUND here otherwise.
   */
  async authorizeWrite(caller: Caller, cluster: string | undefined, namespace: string | undefined): Promise<void> {
    this.requireRole(caller, 'operator');
    if (caller.role === 'admin' || !cluster || !namespace) return;
    const clusterId = (await this.clusters.idsByName([cluster])).get(cluster);
    if (!clusterId) {
      if (readScopeOf(caller).all) return;
      throw new DomainError('NOT_FOUND', `cluster "${cluster}" not found`, [{ field: 'cluster', rule: 'notFound', message: `no cluster named "${cluster}" is registered` }]);
    }
    if (!this.canRead(caller, clusterId, namespace)) {
      throw new DomainError('NOT_FOUND', `namespace "${namespace}" of cluster "${cluster}" not found`, [{ field: 'namespace', rule: 'notFound', message: `namespace "${namespace}" does not exist in cluster "${cluster}"` }]);
    }
    if (!scopeCovers(writeScopeOf(caller), clusterId, namespace)) {
      throw new DomainError(
        'FORBIDDEN',
        `${describe(caller)} may change services and ingresses in ${describeGrants(caller.grants)} only; namespace "${namespace}" of cluster "${cluster}" is outside its grants`,
        [{ field: 'namespace', rule: 'notGranted', message: `not covered by any grant of ${describe(caller)}` }],
      );
    }
  }
}

function describe(c: Caller): string {
  return c.kind === 'oidc' ? `user "${c.name}"` : `token "${c.name}"`;
}
