import { Injectable } from '@nestjs/common';
import { SERVICE_KIND_LABELS } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DiagnosticsQueryService } from '../diagnostics/diagnostics-query.service.js';
import type { RelatedLoaders } from '../related/related-loaders.js';
import { ClusterSummaryRepository } from './cluster-summary.repository.js';
import type { ClusterSummaryModel } from './dto/cluster-summary.model.js';

@Injectable()
export class ClusterSummaryService {
  constructor(
    private readonly repo: ClusterSummaryRepository,
    private readonly findings: DiagnosticsQueryService,
    private readonly access: AccessPolicy,
  ) {}

  /** Summaries of several clusters (by database id and name), in order: one counting statement and one findings pass for all. */
  async summaries(caller: Caller, clusters: readonly { id: string; name: string }[], loaders: RelatedLoaders): Promise<ClusterSummaryModel[]> {
    const [counts, findings] = await Promise.all([
      this.repo.counts(clusters.map((c) => c.id), this.access.readScope(caller)),
      this.findings.countsByCluster(caller, clusters.map((c) => c.name), loaders),
    ]);
    const byId = new Map(counts.map((c) => [c.clusterId, c]));
    return clusters.map(({ id, name }) => {
      const c = byId.get(id);
      const kinds = c?.serviceKinds ?? {};
      const sev = findings.get(name) ?? { ERROR: 0, WARNING: 0, INFO: 0 };
      return {
        namespaces: c?.namespaces ?? 0,
        nodes: { ready: c?.readyNodes ?? 0, total: c?.nodes ?? 0 },
        pods: c?.pods ?? 0,
        services: Object.values(kinds).reduce((a, b) => a + (b ?? 0), 0),
        servicesByKind: SERVICE_KIND_LABELS.map((kind) => ({ kind, count: kinds[kind] ?? 0 })),
        ingresses: c?.ingresses ?? 0,
        endpoints: { ready: c?.readyEndpoints ?? 0, total: c?.endpoints ?? 0 },
        diagnostics: { errors: sev.ERROR, warnings: sev.WARNING, infos: sev.INFO },
      };
    });
  }
}
