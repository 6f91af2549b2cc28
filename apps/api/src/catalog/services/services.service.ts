import { Injectable } from '@nestjs/common';
import {
  type AccessUrl,
  DEFAULT_LOAD_BALANCER_PENDING_SECONDS,
  type Diagnostic,
  type Health,
  type LabelRequirement,
  memberHealth,
  SERVICE_KIND_LABELS,
  SERVICE_TYPES,
  type ServiceKindLabel,
  type ServiceType,
  serviceAccessUrls,
  tryParseLabelSelector,
} from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { FieldIssue } from '../../errors/error-codes.js';
import { encodeCursor, type Page, pageArgs } from '../pagination/cursor.js';
import type { RelatedLoaders } from '../related/related-loaders.js';
import { SORT_KEYS } from './service-sql.js';
import type { CatalogService, ServiceQueryFilter, ServiceSort } from './catalog-service.js';
import { ServicesRepository } from './services.repository.js';

/** What narrows a search (every field optional; all combine with AND). */
export interface ServiceFilter {
  clusters?: string[];
  namespaces?: string[];
  types?: string[];
  kinds?: string[];
  labelSelector?: string;
  hasDiagnostics?: boolean;
  search?: string;
}

/** The filter part of a repository query. */

export interface ServiceSearch extends ServiceFilter {
  sort?: ServiceSort;
  first?: number | null;
  after?: string | null;
}

@Injectable()
export class ServicesService {
  constructor(
    private readonly repo: ServicesRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** One page of the catalog; every bad argument is reported at once with its field. */
  async search(caller: Caller, input: ServiceSearch, fieldPrefix = ''): Promise<Page<CatalogService>> {
    const issues: FieldIssue[] = [];
    const filter = this.filterOf(input, issues, fieldPrefix);
    const sort = input.sort ?? 'NAMESPACE';
    if (!(sort in SORT_KEYS)) issues.push({ field: `${fieldPrefix}sort`, rule: 'notSupported', message: `must be one of ${Object.keys(SORT_KEYS).join(', ')}` });
    const { limit, after } = pageArgs(input.first, input.after, SORT_KEYS[sort]?.columns.length ?? 0, issues);
    if (issues.length) throw DomainError.validation(issues);

    const result = await this.repo.search({ ...filter, sort, limit, after, scope: this.access.readScope(caller) });
    const cursors = result.items.map((i) => encodeCursor(i.sortKey));
    return {
      items: result.items.map((i) => i.service),
      cursors,
      totalCount: result.total,
      hasNextPage: result.hasNextPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    };
  }

  /**
   * The filter fields of a search checked and made SQL-ready (issues go into `issues`,
   * named `<fieldPrefix><field>`): shared by the catalog and its service groups.
   */
  filterOf(input: ServiceFilter, issues: FieldIssue[], fieldPrefix = ''): ServiceQueryFilter {
    const f = (name: string) => `${fieldPrefix}${name}`;
    let labels: LabelRequirement[] | undefined;
    if (input.labelSelector?.trim()) {
      const parsed = tryParseLabelSelector(input.labelSelector);
      if (parsed.ok) labels = parsed.requirements;
      else issues.push({ field: f('labelSelector'), rule: 'labelSelector', message: parsed.error.message });
    }
    const badTypes = (input.types ?? []).filter((t) => !(SERVICE_TYPES as readonly string[]).includes(t));
    if (badTypes.length) {
      issues.push({ field: f('types'), rule: 'notSupported', message: `unknown service type ${badTypes.map((t) => `"${t}"`).join(', ')}; expected one of ${SERVICE_TYPES.join(', ')}` });
    }
    const badKinds = (input.kinds ?? []).filter((k) => !(SERVICE_KIND_LABELS as readonly string[]).includes(k));
    if (badKinds.length) {
      issues.push({ field: f('kinds'), rule: 'notSupported', message: `unknown service kind ${badKinds.map((k) => `"${k}"`).join(', ')}; expected one of ${SERVICE_KIND_LABELS.join(', ')}` });
    }
    if (input.search !== undefined && input.search.length > 200) {
      issues.push({ field: f('search'), rule: 'maxLength', message: 'must be at most 200 characters' });
    }
    return {
      clusters: input.clusters,
      namespaces: input.namespaces,
      types: input.types as ServiceType[] | undefined,
      kinds: input.kinds as ServiceKindLabel[] | undefined,
      labels,
      text: input.search?.trim() || undefined,
      hasDiagnostics: input.hasDiagnostics,
      pendingLoadBalancerSeconds: DEFAULT_LOAD_BALANCER_PENDING_SECONDS,
    };
  }

  /** Outside the caller's read scope is the same as absent. */
  async get(caller: Caller, cluster: string, namespace: string, name: string): Promise<CatalogService> {
    const service = await this.repo.findByName(cluster, namespace, name, this.access.readScope(caller));
    if (!service) throw DomainError.notFound(`service "${name}" in namespace "${namespace}" of cluster "${cluster}"`);
    return service;
  }

  async byIds(caller: Caller, ids: readonly string[]): Promise<CatalogService[]> {
    return this.repo.findByIds(ids, this.access.readScope(caller));
  }

  /** The service's health from its endpoints and findings (the same rule service groups use). */
  health(service: CatalogService, diagnostics: Diagnostic[]): Health {
    return memberHealth({ cluster: service.clusterName, service, endpoints: service.endpointCounts, diagnostics });
  }

  /** Every URL the service is reachable at, computed from the mirror by libs/k8s-model; `pattern` always said (false for a link). */
  async accessUrls(service: CatalogService, loaders: RelatedLoaders): Promise<(AccessUrl & { pattern: boolean })[]> {
    const key = { clusterId: service.clusterId, namespace: service.namespace, name: service.name };
    const [nodes, endpointSlices, ingresses, pods] = await Promise.all([
      service.type === 'NodePort' || service.type === 'LoadBalancer' ? loaders.nodes.load(service.clusterId) : [],
      service.headless ? loaders.slices.load(key) : [],
      loaders.ingresses.load(key),
      // Per-pod DNS names exist for selected pods whose subdomain is the service.
      service.headless && service.selector ? loaders.selectedPods.load({ ...key, selector: service.selector }) : [],
    ]);
    const urls = serviceAccessUrls({
      service,
      clusterDomain: service.clusterDomain,
      nodes,
      endpointSlices,
      pods: pods.filter((p) => p.subdomain === service.name),
      ingresses,
    });
    return urls.map((u) => ({ ...u, pattern: u.pattern ?? false }));
  }
}
