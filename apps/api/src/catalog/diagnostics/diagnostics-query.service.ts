import { Injectable } from '@nestjs/common';
import { compareDiagnostics, DEFAULT_LOAD_BALANCER_PENDING_SECONDS, type Diagnostic, type Scope, type Severity } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { FieldIssue } from '../../errors/error-codes.js';
import { IngressesRepository } from '../ingresses/ingresses.repository.js';
import { encodeCursor, pageArgs } from '../pagination/cursor.js';
import type { RelatedLoaders } from '../related/related-loaders.js';
import { ReachabilityDiagnostics } from '../reachability/reachability-diagnostics.service.js';
import { ServicesRepository } from '../services/services.repository.js';
import { DiagnosticsService } from './diagnostics.service.js';

const SEVERITIES: Severity[] = ['ERROR', 'WARNING', 'INFO'];
/** Ingresses are few next to services; all in scope are checked. Services are pre-filtered in SQL. */
const MAX_OBJECTS = 100_000;

export interface DiagnosticSearch {
  clusters?: string[];
  namespaces?: string[];
  severities?: string[];
  codes?: string[];
  first?: number | null;
  after?: string | null;
}

export interface DiagnosticPage {
  items: Diagnostic[];
  totalCount: number;
  bySeverity: Record<Severity, number>;
  hasNextPage: boolean;
  endCursor: string | null;
}

const sortKey = (d: Diagnostic) => [d.object.cluster, d.object.namespace, d.object.kind, d.object.name, d.code, d.message];

/** Every finding in the catalog (or a scope of it), in a stable order, page by page. */
@Injectable()
export class DiagnosticsQueryService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly ingresses: IngressesRepository,
    private readonly diagnostics: DiagnosticsService,
    private readonly reachability: ReachabilityDiagnostics,
    private readonly access: AccessPolicy,
  ) {}

  async list(caller: Caller, input: DiagnosticSearch, loaders: RelatedLoaders): Promise<DiagnosticPage> {
    const scope = this.access.readScope(caller);
    const issues: FieldIssue[] = [];
    const badSeverity = (input.severities ?? []).filter((s) => !SEVERITIES.includes(s as Severity));
    if (badSeverity.length) issues.push({ field: 'severities', rule: 'notSupported', message: `unknown severity ${badSeverity.join(', ')}; expected ERROR, WARNING or INFO` });
    const { limit, after } = pageArgs(input.first, input.after, 6, issues);
    if (issues.length) throw DomainError.validation(issues);

    const found = (await this.findAll(scope, input, loaders))
      .filter((d) => (!input.severities?.length || input.severities.includes(d.severity)) && (!input.codes?.length || input.codes.includes(d.code)))
      .sort(compareDiagnostics);
    const bySeverity: Record<Severity, number> = { ERROR: 0, WARNING: 0, INFO: 0 };
    for (const d of found) bySeverity[d.severity]++;
    const start = after ? found.findIndex((d) => compareKeys(sortKey(d), after as string[]) > 0) : 0;
    const from = start < 0 ? found.length : start;
    const items = found.slice(from, from + limit);
    return {
      items,
      totalCount: found.length,
      bySeverity,
      hasNextPage: from + limit < found.length,
      endCursor: items.length ? encodeCursor(sortKey(items.at(-1)!)) : null,
    };
  }

  /** Finding counts per cluster name (every cluster asked for is in the map). */
  async countsByCluster(caller: Caller, clusters: string[], loaders: RelatedLoaders): Promise<Map<string, Record<Severity, number>>> {
    const counts = new Map(clusters.map((c) => [c, { ERROR: 0, WARNING: 0, INFO: 0 } as Record<Severity, number>]));
    for (const d of await this.findAll(this.access.readScope(caller), { clusters }, loaders)) {
      const c = counts.get(d.object.cluster);
      if (c) c[d.severity]++;
    }
    return counts;
  }

  /** Every finding within the scope: services pre-filtered in SQL to those with findings, every ingress checked, plus reachability's. */
  private async findAll(scope: Scope, input: Pick<DiagnosticSearch, 'clusters' | 'namespaces'>, loaders: RelatedLoaders): Promise<Diagnostic[]> {
    const [flagged, ingressPage] = await Promise.all([
      this.services.search({ clusters: input.clusters, namespaces: input.namespaces, hasDiagnostics: true, pendingLoadBalancerSeconds: DEFAULT_LOAD_BALANCER_PENDING_SECONDS, sort: 'CLUSTER', limit: MAX_OBJECTS, scope }, { countTotal: false }),
      this.ingresses.search({ clusters: input.clusters, namespaces: input.namespaces, limit: MAX_OBJECTS, scope }),
    ]);
    const now = new Date();
    return (
      await Promise.all([
        ...flagged.items.map((i) => this.diagnostics.forService(i.service, loaders, now)),
        ...ingressPage.items.map((i) => this.diagnostics.forIngress(i.ingress, loaders)),
        this.reachability.list(scope, input),
      ])
    ).flat();
  }
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
