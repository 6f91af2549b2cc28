import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId } from '@switchboard/k8s-model';
import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ClusterModel } from '../../clusters/dto/cluster.model.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { ClusterSummaryService } from './cluster-summary.service.js';
import { ClusterSummaryModel } from './dto/cluster-summary.model.js';

const LOADER = Symbol('clusterSummaries');

@Resolver(() => ClusterModel)
export class ClusterSummaryResolver {
  constructor(
    private readonly summaries: ClusterSummaryService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @ResolveField('summary', () => ClusterSummaryModel, { description: 'Counts of its namespaces, nodes, pods, services by kind, ingresses, endpoints and findings' })
  summary(@Parent() cluster: ClusterModel, @CurrentCaller() caller: Caller, @Context() ctx: object): Promise<ClusterSummaryModel> {
    // Every cluster of one request is counted in one pass.
    const holder = ctx as { [LOADER]?: DataLoader<{ id: string; name: string }, ClusterSummaryModel, string> };
    holder[LOADER] ??= new DataLoader((keys) => this.summaries.summaries(caller, keys, this.loaders.for(ctx)), { cacheKeyFn: (k) => k.id });
    return holder[LOADER].load({ id: fromGlobalId(cluster.id)!.id, name: cluster.name });
  }
}
