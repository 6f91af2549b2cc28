import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { IngressModel } from '../catalog/ingresses/dto/ingress.model.js';
import { ServiceModel } from '../catalog/services/dto/service.model.js';
import { DomainError } from '../errors/domain-error.js';
import { ClustersService } from './clusters.service.js';
import { ClusterModel } from './dto/cluster.model.js';

type Linked = { cluster: string; _source: { clusterId: string } };
const LOADER = Symbol('clusterLoader');
const DESCRIPTION = 'The cluster this object lives in, with its sync state';

/** One batched cluster lookup per request, however many objects of a page ask. */
function clusterOf(clusters: ClustersService, caller: Caller, ctx: object, parent: Linked): Promise<ClusterModel> {
  const holder = ctx as { [LOADER]?: DataLoader<string, ClusterModel | null> };
  holder[LOADER] ??= new DataLoader((ids) => clusters.byIds(caller, ids));
  return holder[LOADER].load(parent._source.clusterId).then((c) => c ?? Promise.reject(DomainError.notFound(`cluster "${parent.cluster}"`)));
}

@Resolver(() => ServiceModel)
export class ServiceClusterResolver {
  constructor(private readonly clusters: ClustersService) {}

  @ResolveField('clusterInfo', () => ClusterModel, { description: DESCRIPTION })
  clusterInfo(@Parent() parent: Linked, @CurrentCaller() caller: Caller, @Context() ctx: object): Promise<ClusterModel> {
    return clusterOf(this.clusters, caller, ctx, parent);
  }
}

@Resolver(() => IngressModel)
export class IngressClusterResolver {
  constructor(private readonly clusters: ClustersService) {}

  @ResolveField('clusterInfo', () => ClusterModel, { description: DESCRIPTION })
  clusterInfo(@Parent() parent: Linked, @CurrentCaller() caller: Caller, @Context() ctx: object): Promise<ClusterModel> {
    return clusterOf(this.clusters, caller, ctx, parent);
  }
}
