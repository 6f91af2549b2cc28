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
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  async search(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<ServiceGroupPage> {
    const num = (k: string) => (queryOne(q, k) === undefined ? undefined : Number(queryOne(q, k)));
    const page = await this.groups.search(
      caller,
      { namespaces: queryList(q, 'namespace'), search: queryOne(q, 'q'), minClusters: num('minClusters'), first: num('limit'), after: queryOne(q, 'cursor') },
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
