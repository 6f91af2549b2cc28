import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { queryOne } from '../catalog/shared/query-params.js';
import { AuditPage } from './dto/audit-event.model.js';
import { AuditService } from './audit.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { apiEnum } from '../graphql/closed-set.js';
import { AuditOutcomeSet } from './dto/audit-event.model.js';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @ApiOkResponse({ type: AuditPage })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'cluster', required: false })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'outcome', required: false, ...apiEnum(AuditOutcomeSet) })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  async list(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>): Promise<AuditPage> {
    const one = (k: string) => queryOne(q, k);
    const limit = one('limit');
    const page = await this.audit.search(caller, { actor: one('actor'), action: one('action'), cluster: one('cluster'), namespace: one('namespace'), outcome: one('outcome'), first: limit === undefined ? undefined : Number(limit), after: one('cursor') });
    return { items: page.items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }
}
