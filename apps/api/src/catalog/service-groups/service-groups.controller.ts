import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SERVICE_KIND_LABELS, SERVICE_TYPES } from '@switchboard/k8s-model';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import type { Request } from 'express';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { ApiFlagQuery, ApiListQuery, ApiPageQueries, ApiTextQuery } from '../shared/query-docs.js';
import { queryFlag, queryList, queryNumber, queryOne } from '../shared/query-params.js';
import { inRestNames } from '../shared/rest-names.js';
import { ServiceGroupPage } from './dto/service-group.model.js';
import { toServiceGroupModel } from './dto/to-service-group-model.js';
import { ServiceGroupsService } from './service-groups.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('service-groups')
@ApiErrors(...AUTHENTICATED)
@Controller('service-groups')
export class ServiceGroupsController {
  constructor(
    private readonly groups: ServiceGroupsService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Get()
  @ApiOkResponse({ type: ServiceGroupPage })
  @ApiErrors(422)
  @ApiListQuery('namespace', 'Namespaces')
  @ApiTextQuery('q', 'Substring of the service name')
  @ApiQuery({ name: 'minClusters', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1 }, description: '2: only services present in several clusters' })
  @ApiListQuery('cluster', 'Groups with a member in one of these clusters; the filters below work as on /services and every member is listed')
  @ApiListQuery('type', 'Service types', SERVICE_TYPES)
  @ApiListQuery('kind', 'Service kinds (Headless told apart from ClusterIP)', SERVICE_KIND_LABELS)
  @ApiTextQuery('label', 'Label selector, e.g. app=web,tier in (fe,be)')
  @ApiTextQuery('search', "The catalog's text search: name, namespace, labels, ingress hosts")
  @ApiFlagQuery('hasDiagnostics', 'Only groups with a member with (true) or without (false) findings')
  @ApiPageQueries()
  async search(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<ServiceGroupPage> {
    const filter = {
      clusters: queryList(q, 'cluster'),
      types: queryList(q, 'type'),
      kinds: queryList(q, 'kind'),
      labelSelector: queryOne(q, 'label'),
      search: queryOne(q, 'search'),
      hasDiagnostics: queryFlag(q, 'hasDiagnostics'),
    };
    const page = await inRestNames(
      this.groups.search(
        caller,
        {
          namespaces: queryList(q, 'namespace'),
          search: queryOne(q, 'q'),
          filter: Object.values(filter).some((v) => v !== undefined) ? filter : undefined,
          minClusters: queryNumber(q, 'minClusters'),
          first: queryNumber(q, 'limit'),
          after: queryOne(q, 'cursor'),
        },
        this.loaders.for(req),
      ),
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
