import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { CatalogNetworkPolicy } from './catalog-network-policy.js';
import { NetworkPoliciesRepository } from './network-policies.repository.js';

@Injectable()
export class NetworkPoliciesService {
  constructor(
    private readonly repo: NetworkPoliciesRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** A cluster outside the caller's read scope is the same as absent. */
  async list(caller: Caller, cluster: string, namespace?: string): Promise<CatalogNetworkPolicy[]> {
    const found = await this.repo.list(cluster, namespace || undefined, this.access.readScope(caller));
    if (!found) throw DomainError.notFound(`cluster "${cluster}"`);
    return found;
  }

  /** One policy; NOT_FOUND names what is missing (outside the read scope is the same as absent). */
  async get(caller: Caller, cluster: string, namespace: string, name: string): Promise<CatalogNetworkPolicy> {
    const found = (await this.list(caller, cluster, namespace)).find((p) => p.name === name);
    if (!found) throw DomainError.notFound(`NetworkPolicy "${name}" in namespace "${namespace}" of cluster "${cluster}"`);
    return found;
  }
}
