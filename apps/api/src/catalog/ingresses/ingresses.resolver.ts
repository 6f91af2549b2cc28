import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { Diagnostic, toDiagnosticModels } from '../shared/diagnostic.model.js';
import type { CatalogIngress } from './catalog-ingress.js';
import { IngressClassUsageModel } from './dto/ingress-class.model.js';
import { IngressConnection } from './dto/ingress-connection.model.js';
import { IngressModel, IngressPathModel, IngressUrlModel } from './dto/ingress.model.js';
import { toIngressModel } from './dto/to-ingress-model.js';
import { IngressesService } from './ingresses.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

type Resolved = IngressModel & { _source: CatalogIngress };

@Resolver(() => IngressModel)
export class IngressesResolver {
  constructor(
    private readonly ingressService: IngressesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  @Query(() => IngressConnection, { description: 'Ingresses, optionally by cluster, namespace or host substring' })
  async ingresses(
    @CurrentCaller() caller: Caller,
    @Args('clusters', { type: () => [String], nullable: true }) clusters: string[] | undefined,
    @Args('namespaces', { type: () => [String], nullable: true }) namespaces: string[] | undefined,
    @Args('host', { type: () => String, nullable: true }) host: string | undefined,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<IngressConnection> {
    const page = await this.ingressService.search(caller, { clusters, namespaces, host, first, after });
    const nodes = page.items.map(toIngressModel);
    return {
      nodes,
      edges: nodes.map((node, i) => ({ node, cursor: page.cursors[i]! })),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: page.startCursor, endCursor: page.endCursor },
    };
  }

  @Query(() => IngressModel)
  async ingress(@CurrentCaller() caller: Caller, @Args('cluster') cluster: string, @Args('namespace') namespace: string, @Args('name') name: string): Promise<IngressModel> {
    return toIngressModel(await this.ingressService.get(caller, cluster, namespace, name));
  }

  @Query(() => [IngressClassUsageModel], { description: 'Ingress class names the mirrored ingresses of a cluster use, most used first' })
  ingressClasses(@CurrentCaller() caller: Caller, @Args('cluster') cluster: string): Promise<IngressClassUsageModel[]> {
    return this.ingressService.classes(caller, cluster);
  }

  @ResolveField(() => [IngressPathModel], { description: 'Rules × paths with resolved backends' })
  paths(@Parent() parent: Resolved, @Context() ctx: object): Promise<IngressPathModel[]> {
    return this.ingressService.paths(parent._source, this.loaders.for(ctx));
  }

  @ResolveField(() => [IngressUrlModel])
  accessUrls(@Parent() parent: Resolved): IngressUrlModel[] {
    return this.ingressService.accessUrls(parent._source);
  }

  @ResolveField('diagnostics', () => [Diagnostic], { description: 'Findings about this ingress (empty when healthy)' })
  ingressDiagnostics(@Parent() parent: Resolved, @Context() ctx: object): Promise<Diagnostic[]> {
    return this.diagnostics.forIngress(parent._source, this.loaders.for(ctx)).then(toDiagnosticModels);
  }
}
