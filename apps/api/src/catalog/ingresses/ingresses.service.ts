import { Injectable } from '@nestjs/common';
import { ingressAccessUrls } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { FieldIssue } from '../../errors/error-codes.js';
import { encodeCursor, type Page, pageArgs } from '../pagination/cursor.js';
import type { RelatedLoaders } from '../related/related-loaders.js';
import type { CatalogIngress } from './catalog-ingress.js';
import type { IngressPathModel, IngressUrlModel } from './dto/ingress.model.js';
import { IngressesRepository } from './ingresses.repository.js';
import type { PathType } from '../shared/kube-enums.js';

export interface IngressSearch {
  clusters?: string[];
  namespaces?: string[];
  host?: string;
  first?: number | null;
  after?: string | null;
}

@Injectable()
export class IngressesService {
  constructor(
    private readonly repo: IngressesRepository,
    private readonly access: AccessPolicy,
  ) {}

  async search(caller: Caller, input: IngressSearch): Promise<Page<CatalogIngress>> {
    const issues: FieldIssue[] = [];
    const { limit, after } = pageArgs(input.first, input.after, 4, issues);
    if (issues.length) throw DomainError.validation(issues);
    const r = await this.repo.search({ clusters: input.clusters, namespaces: input.namespaces, host: input.host?.trim() || undefined, limit, after, scope: this.access.readScope(caller) });
    const cursors = r.items.map((i) => encodeCursor(i.sortKey));
    return {
      items: r.items.map((i) => i.ingress),
      cursors,
      totalCount: r.total,
      hasNextPage: r.hasNextPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    };
  }

  /** Outside the caller's read scope is the same as absent. */
  async get(caller: Caller, cluster: string, namespace: string, name: string): Promise<CatalogIngress> {
    const ingress = await this.repo.findByName(cluster, namespace, name, this.access.readScope(caller));
    if (!ingress) throw DomainError.notFound(`ingress "${name}" in namespace "${namespace}" of cluster "${cluster}"`);
    return ingress;
  }

  /** Class names in use in one cluster, for pickers ("the classes seen there"). */
  async classes(caller: Caller, cluster: string): Promise<{ name: string; ingressCount: number }[]> {
    const found = await this.repo.classesInCluster(cluster, this.access.readScope(caller));
    if (!found) throw DomainError.notFound(`cluster "${cluster}"`);
    return found;
  }

  byIds(caller: Caller, ids: readonly string[]): Promise<CatalogIngress[]> {
    return this.repo.findByIds(ids, this.access.readScope(caller));
  }

  /** Every rule × path with its backend resolved against the mirrored services. */
  async paths(ingress: CatalogIngress, loaders: RelatedLoaders): Promise<IngressPathModel[]> {
    return Promise.all(
      ingress.rules.map(async (r) => {
        const port = r.backendPortNumber !== null ? String(r.backendPortNumber) : r.backendPortName;
        const shape = r.backendService
          ? await loaders.servicePorts.load({ clusterId: ingress.clusterId, namespace: ingress.namespace, name: r.backendService })
          : null;
        const ports = shape?.ports ?? null;
        const portFound = !!ports && ports.some((p) => (r.backendPortNumber !== null ? p.port === r.backendPortNumber : p.name === r.backendPortName));
        return {
          host: r.host,
          path: r.path,
          // networking.k8s.io/v1 admits only the three path types.
          pathType: r.pathType as PathType | null,
          backend: {
            service: r.backendService,
            port,
            resource: r.backendResource ? `${r.backendResource.kind}/${r.backendResource.name}` : null,
            serviceFound: ports !== null,
            portFound,
          },
        };
      }),
    );
  }

  accessUrls(ingress: CatalogIngress): IngressUrlModel[] {
    return ingressAccessUrls(ingress).map((u) => ({
      url: u.url,
      scope: u.scope,
      via: u.via,
      pending: u.pending,
      note: u.note,
      port: u.port,
      host: u.host,
      pattern: u.pattern ?? false,
      path: u.path,
      backendService: u.backend && 'service' in u.backend ? u.backend.service : null,
      backendPort:
        u.backend && 'service' in u.backend ? (u.backend.portNumber !== null ? String(u.backend.portNumber) : u.backend.portName) : null,
    })) as IngressUrlModel[];
  }
}
