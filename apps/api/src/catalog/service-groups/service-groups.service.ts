import { Injectable } from '@nestjs/common';
import { buildServiceGroups, type Scope, type ServiceGroup } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { FieldIssue } from '../../errors/error-codes.js';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { encodeCursor, pageArgs } from '../pagination/cursor.js';
import type { RelatedLoaders } from '../related/related-loaders.js';
import type { CatalogService } from '../services/catalog-service.js';
import { ServicesRepository } from '../services/services.repository.js';
import { type ServiceFilter, ServicesService } from '../services/services.service.js';

export interface CatalogServiceGroup extends ServiceGroup {
  sources: Map<string, CatalogService>;
}

export interface GroupSearch {
  namespaces?: string[];
  /** Substring of the service name. */
  search?: string;
  /** The catalog's filters: groups with at least one matching member (all members are listed). */
  filter?: ServiceFilter;
  minClusters?: number | null;
  first?: number | null;
  after?: string | null;
}

@Injectable()
export class ServiceGroupsService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly catalog: ServicesService,
    private readonly diagnostics: DiagnosticsService,
    private readonly access: AccessPolicy,
  ) {}

  async search(caller: Caller, input: GroupSearch, loaders: RelatedLoaders): Promise<{ items: CatalogServiceGroup[]; totalCount: number; hasNextPage: boolean; endCursor: string | null }> {
    const issues: FieldIssue[] = [];
    const minClusters = input.minClusters ?? 1;
    if (!Number.isInteger(minClusters) || minClusters < 1 || minClusters > 1000) {
      issues.push({ field: 'minClusters', rule: 'range', message: `must be between 1 and 1000, got ${minClusters}` });
    }
    const { limit, after } = pageArgs(input.first, input.after, 2, issues);
    const filter = input.filter ? this.catalog.filterOf(input.filter, issues, 'filter.') : undefined;
    if (issues.length) throw DomainError.validation(issues);
    const scope = this.access.readScope(caller);
    const page = await this.services.groupKeys({ namespaces: input.namespaces, text: input.search?.trim() || undefined, filter, minClusters, limit, after, scope });
    const items = await this.build(page.keys, loaders, scope);
    const last = page.keys.at(-1);
    return { items, totalCount: page.total, hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor([last.namespace, last.name]) : null };
  }

  /** The group a service belongs to (itself alone when no other cluster has it). */
  async groupOf(caller: Caller, namespace: string, name: string, loaders: RelatedLoaders): Promise<CatalogServiceGroup> {
    const [group] = await this.build([{ namespace, name }], loaders, this.access.readScope(caller));
    if (!group) throw DomainError.notFound(`service group "${namespace}/${name}"`);
    return group;
  }

  /** Members outside the caller's read scope are left out of the group. */
  private async build(keys: { namespace: string; name: string }[], loaders: RelatedLoaders, scope: Scope): Promise<CatalogServiceGroup[]> {
    const members = await this.services.findByNamespacedNames(keys, scope);
    const inputs = await Promise.all(
      members.map(async (service) => ({
        cluster: service.clusterName,
        service,
        endpoints: service.endpointCounts,
        diagnostics: await this.diagnostics.forService(service, loaders),
      })),
    );
    const sources = new Map(members.map((m) => [`${m.clusterName}/${m.namespace}/${m.name}`, m]));
    return buildServiceGroups(inputs).map((g) => ({ ...g, sources }));
  }
}
