import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import type { Request } from 'express';
import { ApiListQuery, ApiPageQueries, ApiTextQuery } from '../shared/query-docs.js';
import { queryList, queryNumber, queryOne } from '../shared/query-params.js';
import { inRestNames } from '../shared/rest-names.js';
import { IngressClassUsageModel } from './dto/ingress-class.model.js';
import { IngressPage } from './dto/ingress-connection.model.js';
import { IngressModel } from './dto/ingress.model.js';
import { IngressDetailView } from './ingress-detail.view.js';
import { IngressesService } from './ingresses.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('ingresses')
@ApiErrors(...AUTHENTICATED)
@Controller()
export class IngressesController {
  constructor(
    private readonly ingressService: IngressesService,
    private readonly detail: IngressDetailView,
  ) {}

  @Get('ingresses')
  @ApiOkResponse({ type: IngressPage })
  @ApiErrors(422)
  @ApiListQuery('cluster', 'Cluster names')
  @ApiListQuery('namespace', 'Namespaces')
  @ApiTextQuery('host', 'Substring of a rule host')
  @ApiPageQueries()
  async search(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<IngressPage> {
    const page = await inRestNames(
      this.ingressService.search(caller, {
        clusters: queryList(q, 'cluster'),
        namespaces: queryList(q, 'namespace'),
        host: queryOne(q, 'host'),
        first: queryNumber(q, 'limit'),
        after: queryOne(q, 'cursor'),
      }),
    );
    const items = await Promise.all(page.items.map((i) => this.detail.render(i, req)));
    return { items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }

  @Get('clusters/:cluster/ingress-classes')
  @ApiOkResponse({ type: [IngressClassUsageModel], description: 'Ingress class names the mirrored ingresses of the cluster use, most used first' })
  @ApiErrors(404)
  classes(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<IngressClassUsageModel[]> {
    return this.ingressService.classes(caller, cluster);
  }

  @Get('clusters/:cluster/namespaces/:namespace/ingresses/:name')
  @ApiOkResponse({ type: IngressModel })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Req() req: Request): Promise<IngressModel> {
    return this.detail.render(await this.ingressService.get(caller, cluster, namespace, name), req, { detail: true });
  }
}
