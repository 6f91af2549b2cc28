import { Module } from '@nestjs/common';
import { ClustersModule } from '../../clusters/clusters.module.js';
import { DiagnosticsQueryModule } from '../diagnostics/diagnostics-query.module.js';
import { RelatedModule } from '../related/related.module.js';
import { ClusterSummaryController } from './cluster-summary.controller.js';
import { ClusterSummaryRepository } from './cluster-summary.repository.js';
import { ClusterSummaryResolver } from './cluster-summary.resolver.js';
import { ClusterSummaryService } from './cluster-summary.service.js';

/** Per-cluster counts for overviews: `Cluster.summary` and `GET /clusters/{cluster}/summary`. */
@Module({
  imports: [ClustersModule, DiagnosticsQueryModule, RelatedModule],
  providers: [ClusterSummaryRepository, ClusterSummaryService, ClusterSummaryResolver],
  controllers: [ClusterSummaryController],
})
export class ClusterSummaryModule {}
