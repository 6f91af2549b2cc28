import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import type { CatalogService } from '../services/catalog-service.js';
import { ServiceFilterInput } from '../services/dto/service-filter.input.js';
import { ServiceModel } from '../services/dto/service.model.js';
import { ServiceGroupConnection, ServiceGroupModel } from './dto/service-group.model.js';
import { toServiceGroupModel } from './dto/to-service-group-model.js';
import { ServiceGroupsService } from './service-groups.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@Resolver(() => ServiceGroupModel)
export class ServiceGroupsResolver {
  constructor(
    private readonly groups: ServiceGroupsService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Query(() => ServiceGroupConnection, { description: 'Services grouped by namespace/name across clusters' })
  async serviceGroups(
    @CurrentCaller() caller: Caller,
    @Args('namespaces', { type: () => [String], nullable: true }) namespaces: string[] | undefined,
    @Args('search', { type: () => String, nullable: true, description: 'Substring of the service name' }) search: string | undefined,
    @Args('filter', { type: () => ServiceFilterInput, nullable: true, description: "The catalog's filters: groups with at least one matching member; every member is listed" }) filter: ServiceFilterInput | undefined,
    @Args('minClusters', { type: () => Int, nullable: true, description: '2: only services present in several clusters' }) minClusters: number | undefined,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Context() ctx: object,
  ): Promise<ServiceGroupConnection> {
    const page = await this.groups.search(caller, { namespaces, search, filter, minClusters, first, after }, this.loaders.for(ctx));
    return {
      nodes: page.items.map(toServiceGroupModel),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: null, endCursor: page.endCursor },
    };
  }
}

/** `Service.group`: the cross-cluster entry a service belongs to. */
@Resolver(() => ServiceModel)
export class ServiceGroupFieldResolver {
  constructor(
    private readonly groups: ServiceGroupsService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @ResolveField(() => ServiceGroupModel)
  async group(@CurrentCaller() caller: Caller, @Parent() parent: ServiceModel & { _source: CatalogService }, @Context() ctx: object): Promise<ServiceGroupModel> {
    return toServiceGroupModel(await this.groups.groupOf(caller, parent.namespace, parent.name, this.loaders.for(ctx)));
  }
}
