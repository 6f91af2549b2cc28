import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import { ApiPageQueries, ApiTextQuery } from '../catalog/shared/query-docs.js';
import { queryNumber, queryOne } from '../catalog/shared/query-params.js';
import { inRestNames } from '../catalog/shared/rest-names.js';
import { AuditPage } from './dto/audit-event.model.js';
import { AuditService } from './audit.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { AuditOutcomeSet } from './dto/audit-event.model.js';

@ApiTags('audit')
@ApiErrors(...AUTHENTICATED, 403, 422)
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @ApiOkResponse({ type: AuditPage })
  @ApiTextQuery('actor', 'Who asked, as the events name them (token:<name> (<id prefix>), oidc:<name>)')
  @ApiTextQuery('action', 'The operation, e.g. createService')
  @ApiTextQuery('cluster', 'Cluster name')
  @ApiTextQuery('namespace', 'Namespace')
  @ApiTextQuery('outcome', 'Outcome', Object.values(AuditOutcomeSet))
  @ApiPageQueries()
  async list(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>): Promise<AuditPage> {
    const one = (k: string) => queryOne(q, k);
    const page = await inRestNames(this.audit.search(caller, { actor: one('actor'), action: one('action'), cluster: one('cluster'), namespace: one('namespace'), outcome: one('outcome'), first: queryNumber(q, 'limit'), after: one('cursor') }));
    return { items: page.items, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null };
  }
}
