import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import type { Request } from 'express';
import { fromGlobalId } from '@switchboard/k8s-model';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ClustersService } from '../../clusters/clusters.service.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { ClusterSummaryService } from './cluster-summary.service.js';
import { ClusterSummaryModel } from './dto/cluster-summary.model.js';

@ApiTags('clusters')
@ApiErrors(...AUTHENTICATED, 404)
@Controller('clusters')
export class ClusterSummaryController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly summaries: ClusterSummaryService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Get(':cluster/summary')
  @ApiOkResponse({ type: ClusterSummaryModel, description: 'Counts of its namespaces, nodes, pods, services by kind, ingresses, endpoints and findings' })
  async summary(@CurrentCaller() caller: Caller, @Param('cluster') ref: string, @Req() req: Request): Promise<ClusterSummaryModel> {
    const cluster = await this.clusters.get(caller, ref);
    const [summary] = await this.summaries.summaries(caller, [{ id: fromGlobalId(cluster.id)!.id, name: cluster.name }], this.loaders.for(req));
    return summary!;
  }
}
