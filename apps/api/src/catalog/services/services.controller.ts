import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SERVICE_KIND_LABELS, SERVICE_TYPES } from '@switchboard/k8s-model';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import type { Request } from 'express';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { AccessUrl } from '../shared/access-url.model.js';
import { ApiFlagQuery, ApiListQuery, ApiPageQueries, ApiTextQuery } from '../shared/query-docs.js';
import { queryFlag, queryList, queryNumber, queryOne } from '../shared/query-params.js';
import { inRestNames } from '../shared/rest-names.js';
import { ServicePage } from './dto/service-connection.model.js';
import { ServiceModel } from './dto/service.model.js';
import type { ServiceSort } from './catalog-service.js';
import { ServiceDetailView } from './service-detail.view.js';
import { SORT_KEYS } from './service-sql.js';
import { ServicesService } from './services.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('services')
@ApiErrors(...AUTHENTICATED)
@Controller()
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly detail: ServiceDetailView,
  ) {}

  @Get('services')
  @ApiOkResponse({ type: ServicePage })
  @ApiErrors(422)
  @ApiListQuery('cluster', 'Cluster names')
  @ApiListQuery('namespace', 'Namespaces')
  @ApiListQuery('type', 'Service types', SERVICE_TYPES)
  @ApiListQuery('kind', 'Service kinds (Headless told apart from ClusterIP)', SERVICE_KIND_LABELS)
  @ApiTextQuery('label', 'Label selector, e.g. app=web,tier in (fe,be)')
  @ApiTextQuery('q', 'Text search over name, namespace, labels, ingress hosts (at most 200 characters)')
  @ApiFlagQuery('hasDiagnostics', 'Only services with (true) or without (false) findings')
  @ApiTextQuery('sort', 'Order of the pages (default NAMESPACE)', Object.keys(SORT_KEYS))
  @ApiPageQueries()
  async search(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<ServicePage> {
    const one = (k: string) => queryOne(q, k);
    const page = await inRestNames(
      this.services.search(caller, {
        clusters: queryList(q, 'cluster'),
        namespaces: queryList(q, 'namespace'),
        types: queryList(q, 'type'),
        kinds: queryList(q, 'kind'),
        labelSelector: one('label'),
        search: one('q'),
        hasDiagnostics: queryFlag(q, 'hasDiagnostics'),
        sort: one('sort') as ServiceSort | undefined,
        first: queryNumber(q, 'limit'),
        after: one('cursor'),
      }),
    );
    const items = await Promise.all(page.items.map((s) => this.detail.render(s, req)));
    return { items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }

  @Get('clusters/:cluster/namespaces/:namespace/services/:name')
  @ApiOkResponse({ type: ServiceModel })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Req() req: Request): Promise<ServiceModel> {
    return this.detail.render(await this.services.get(caller, cluster, namespace, name), req, { detail: true });
  }

  @Get('clusters/:cluster/namespaces/:namespace/services/:name/urls')
  @ApiOkResponse({ type: [AccessUrl] })
  @ApiErrors(404)
  async urls(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Req() req: Request): Promise<AccessUrl[]> {
    const s = await this.services.get(caller, cluster, namespace, name);
    return (await this.services.accessUrls(s, this.loaders.for(req))) as AccessUrl[];
  }
}
