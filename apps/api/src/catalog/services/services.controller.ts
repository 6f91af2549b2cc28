import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { AccessUrl } from '../shared/access-url.model.js';
import { queryList, queryOne } from '../shared/query-params.js';
import { ServicePage } from './dto/service-connection.model.js';
import { ServiceModel } from './dto/service.model.js';
import type { ServiceSort } from './catalog-service.js';
import { ServiceDetailView } from './service-detail.view.js';
import { ServicesService } from './services.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('services')
@Controller()
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly detail: ServiceDetailView,
  ) {}

  @Get('services')
  @ApiOkResponse({ type: ServicePage })
  @ApiQuery({ name: 'cluster', required: false, description: 'Cluster name; repeat or comma-separate for several' })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'type', required: false, enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] })
  @ApiQuery({ name: 'kind', required: false, enum: ['ClusterIP', 'Headless', 'NodePort', 'LoadBalancer', 'ExternalName'], description: 'Any of these kinds (Headless told apart from ClusterIP); repeat or comma-separate for several' })
  @ApiQuery({ name: 'label', required: false, description: 'Label selector, e.g. app=web,tier in (fe,be)' })
  @ApiQuery({ name: 'q', required: false, description: 'Text search over name, namespace, labels, ingress hosts' })
  @ApiQuery({ name: 'hasDiagnostics', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'sort', required: false, enum: ['NAME', 'NAMESPACE', 'CLUSTER', 'CREATED'] })
  @ApiQuery({ name: 'limit', required: false, description: '1–100, default 20' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  async search(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<ServicePage> {
    const one = (k: string) => queryOne(q, k);
    const limit = one('limit');
    const hasDiagnostics = one('hasDiagnostics');
    const page = await this.services.search(caller, {
      clusters: queryList(q, 'cluster'),
      namespaces: queryList(q, 'namespace'),
      types: queryList(q, 'type'),
      kinds: queryList(q, 'kind'),
      labelSelector: one('label'),
      search: one('q'),
      hasDiagnostics: hasDiagnostics === undefined ? undefined : hasDiagnostics === 'true',
      sort: one('sort') as ServiceSort | undefined,
      first: limit === undefined ? undefined : Number(limit),
      after: one('cursor'),
    });
    const items = await Promise.all(page.items.map((s) => this.detail.render(s, req)));
    return { items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }

  @Get('clusters/:cluster/namespaces/:namespace/services/:name')
  @ApiOkResponse({ type: ServiceModel })
  async get(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Req() req: Request): Promise<ServiceModel> {
    return this.detail.render(await this.services.get(caller, cluster, namespace, name), req, { detail: true });
  }

  @Get('clusters/:cluster/namespaces/:namespace/services/:name/urls')
  @ApiOkResponse({ type: [AccessUrl] })
  async urls(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Req() req: Request): Promise<AccessUrl[]> {
    const s = await this.services.get(caller, cluster, namespace, name);
    return (await this.services.accessUrls(s, this.loaders.for(req))) as AccessUrl[];
  }
}
