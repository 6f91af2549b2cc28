import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { queryList, queryOne } from '../shared/query-params.js';
import { ServiceGroupPage } from './dto/service-group.model.js';
import { toServiceGroupModel } from './dto/to-service-group-model.js';
import { ServiceGroupsService } from './service-groups.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('service-groups')
@Controller('service-groups')
export class ServiceGroupsController {
  constructor(
    private readonly groups: ServiceGroupsService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Get()
  @ApiOkResponse({ type: ServiceGroupPage })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'q', required: false, description: 'Substring of the service name' })
  @ApiQuery({ name: 'minClusters', required: false, description: '2: only services present in several clusters' })
  @ApiQuery({ name: 'cluster', required: false, description: 'Groups with a member in one of these clusters (repeat or comma-separate); the filters below work as on /services and every member is listed' })
  @ApiQuery({ name: 'type', required: false, enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] })
  @ApiQuery({ name: 'kind', required: false, enum: ['ClusterIP', 'Headless', 'NodePort', 'LoadBalancer', 'ExternalName'] })
  @ApiQuery({ name: 'label', required: false, description: 'Label selector, e.g. app=web,tier in (fe,be)' })
  @ApiQuery({ name: 'search', required: false, description: "The catalog's text search: name, namespace, labels, ingress hosts" })
  @ApiQuery({ name: 'hasDiagnostics', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  async search(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<ServiceGroupPage> {
    const num = (k: string) => (queryOne(q, k) === undefined ? undefined : Number(queryOne(q, k)));
    const hasDiagnostics = queryOne(q, 'hasDiagnostics');
    const filter = {
      clusters: queryList(q, 'cluster'),
      types: queryList(q, 'type'),
      kinds: queryList(q, 'kind'),
      labelSelector: queryOne(q, 'label'),
      search: queryOne(q, 'search'),
      hasDiagnostics: hasDiagnostics === undefined ? undefined : hasDiagnostics === 'true',
    };
    const page = await this.groups.search(
      caller,
      {
        namespaces: queryList(q, 'namespace'),
        search: queryOne(q, 'q'),
        filter: Object.values(filter).some((v) => v !== undefined) ? filter : undefined,
        minClusters: num('minClusters'),
        first: num('limit'),
        after: queryOne(q, 'cursor'),
      },
      this.loaders.for(req),
    );
    const items = page.items.map(toServiceGroupModel).map((g) => ({
      ...g,
      members: g.members.map((m) => ({ ...m, service: strip(m.service) })),
    }));
    return { items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }
}

function strip<T extends object>(m: T): T {
  const { _source, ...rest } = m as T & { _source?: unknown };
  return rest as T;
}
