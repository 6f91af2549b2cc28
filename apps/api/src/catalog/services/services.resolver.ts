import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { primaryAccessUrl } from '@switchboard/k8s-model';
import { IngressModel } from '../ingresses/dto/ingress.model.js';
import { HealthEnum } from '../service-groups/dto/service-group.model.js';
import { toIngressModel } from '../ingresses/dto/to-ingress-model.js';
import { AccessUrl } from '../shared/access-url.model.js';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { Diagnostic, toDiagnosticModels } from '../shared/diagnostic.model.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import type { CatalogService } from './catalog-service.js';
import { ServiceConnection } from './dto/service-connection.model.js';
import { ServiceFilterInput, ServiceSortEnum } from './dto/service-filter.input.js';
import { ServiceModel } from './dto/service.model.js';
import { toServiceModel } from './dto/to-service-model.js';
import { ServicesService } from './services.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

type Resolved = ServiceModel & { _source: CatalogService };
const URLS = Symbol('accessUrls');

@Resolver(() => ServiceModel)
export class ServicesResolver {
  constructor(
    private readonly catalog: ServicesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  @Query(() => ServiceConnection, { description: 'Search the catalog: filters combine with AND; pages follow `after` cursors' })
  async services(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => ServiceFilterInput, nullable: true }) filter: ServiceFilterInput | undefined,
    @Args('sort', { type: () => ServiceSortEnum, nullable: true, defaultValue: ServiceSortEnum.NAMESPACE }) sort: ServiceSortEnum,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<ServiceConnection> {
    const page = await this.catalog.search(caller, { ...filter, sort, first, after }, 'filter.');
    const nodes = page.items.map(toServiceModel);
    return {
      nodes,
      edges: nodes.map((node, i) => ({ node, cursor: page.cursors[i]! })),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: page.startCursor, endCursor: page.endCursor },
    };
  }

  @Query(() => ServiceModel, { description: 'One service, addressed the Kubernetes way' })
  async service(
    @CurrentCaller() caller: Caller,
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
  ): Promise<ServiceModel> {
    return toServiceModel(await this.catalog.get(caller, cluster, namespace, name));
  }

  @ResolveField(() => [AccessUrl], { description: 'Every way to reach the service, each with where it works' })
  accessUrls(@Parent() parent: Resolved, @Context() ctx: object): Promise<AccessUrl[]> {
    return this.urlsOf(parent, ctx);
  }

  @ResolveField(() => AccessUrl, { nullable: true, description: 'The one URL to show where there is room for one: the widest-reaching address that works now (see accessUrls for all)' })
  async primaryAccessUrl(@Parent() parent: Resolved, @Context() ctx: object): Promise<AccessUrl | null> {
    return primaryAccessUrl(await this.urlsOf(parent, ctx));
  }

  @ResolveField(() => HealthEnum, { description: 'UNHEALTHY: no ready endpoint or an ERROR finding; DEGRADED: some endpoints not ready or a WARNING; HEALTHY otherwise' })
  async health(@Parent() parent: Resolved, @Context() ctx: object): Promise<HealthEnum> {
    return this.catalog.health(parent._source, await this.diagnostics.forService(parent._source, this.loaders.for(ctx))) as HealthEnum;
  }

  /** accessUrls and primaryAccessUrl of one service in one request compute the URLs once. */
  private urlsOf(parent: Resolved, ctx: object): Promise<AccessUrl[]> {
    const memo = (parent as Resolved & { [URLS]?: Promise<AccessUrl[]> });
    memo[URLS] ??= this.catalog.accessUrls(parent._source, this.loaders.for(ctx)) as Promise<AccessUrl[]>;
    return memo[URLS];
  }

  @ResolveField(() => [IngressModel], { description: 'Ingresses with a path routing to this service' })
  async ingresses(@Parent() parent: Resolved, @Context() ctx: object): Promise<IngressModel[]> {
    const s = parent._source;
    const rows = await this.loaders.for(ctx).ingresses.load({ clusterId: s.clusterId, namespace: s.namespace, name: s.name });
    return rows.map((i) => toIngressModel({ ...i, clusterName: s.clusterName }));
  }

  @ResolveField('diagnostics', () => [Diagnostic], { description: 'Findings about this service (empty when healthy)' })
  serviceDiagnostics(@Parent() parent: Resolved, @Context() ctx: object): Promise<Diagnostic[]> {
    return this.diagnostics.forService(parent._source, this.loaders.for(ctx)).then(toDiagnosticModels);
  }
}
