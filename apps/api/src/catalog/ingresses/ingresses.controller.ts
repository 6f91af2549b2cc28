import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import type { Diagnostic } from '../shared/diagnostic.model.js';
import { queryList, queryOne } from '../shared/query-params.js';
import type { CatalogIngress } from './catalog-ingress.js';
import { IngressPage } from './dto/ingress-connection.model.js';
import { IngressModel } from './dto/ingress.model.js';
import { toIngressModel } from './dto/to-ingress-model.js';
import { IngressesService } from './ingresses.service.js';

@ApiTags('ingresses')
@Controller()
export class IngressesController {
  constructor(
    private readonly ingressService: IngressesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  @Get('ingresses')
  @ApiOkResponse({ type: IngressPage })
  @ApiQuery({ name: 'cluster', required: false })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'host', required: false, description: 'Substring of a rule host' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  async search(@Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<IngressPage> {
    const limit = queryOne(q, 'limit');
    const page = await this.ingressService.search({
      clusters: queryList(q, 'cluster'),
      namespaces: queryList(q, 'namespace'),
      host: queryOne(q, 'host'),
      first: limit === undefined ? undefined : Number(limit),
      after: queryOne(q, 'cursor'),
    });
    const items = await Promise.all(page.items.map((i) => this.full(i, req)));
    return { items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }

  @Get('clusters/:cluster/namespaces/:namespace/ingresses/:name')
  @ApiOkResponse({ type: IngressModel })
  async get(@Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Req() req: Request): Promise<IngressModel> {
    return this.full(await this.ingressService.get(cluster, namespace, name), req);
  }

  private async full(i: CatalogIngress, req: Request): Promise<IngressModel> {
    const { _source, ...model } = toIngressModel(i);
    const loaders = this.loaders.for(req);
    const [paths, diagnostics] = await Promise.all([this.ingressService.paths(i, loaders), this.diagnostics.forIngress(i, loaders)]);
    return { ...model, paths, accessUrls: this.ingressService.accessUrls(i), diagnostics: diagnostics as Diagnostic[] };
  }
}
