import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DIAGNOSTIC_CODES, SEVERITIES } from '@switchboard/k8s-model';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import type { Request } from 'express';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { toDiagnosticModels } from '../shared/diagnostic.model.js';
import { ApiListQuery, ApiPageQueries } from '../shared/query-docs.js';
import { queryList, queryNumber, queryOne } from '../shared/query-params.js';
import { inRestNames } from '../shared/rest-names.js';
import { DiagnosticsQueryService } from './diagnostics-query.service.js';
import { DiagnosticPageDto } from './dto/diagnostic-page.model.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('diagnostics')
@ApiErrors(...AUTHENTICATED)
@Controller('diagnostics')
export class DiagnosticsController {
  constructor(
    private readonly findings: DiagnosticsQueryService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Get()
  @ApiOkResponse({ type: DiagnosticPageDto })
  @ApiErrors(422)
  @ApiListQuery('cluster', 'Cluster names')
  @ApiListQuery('namespace', 'Namespaces')
  @ApiListQuery('severity', 'Severities', SEVERITIES)
  @ApiListQuery('code', 'Finding codes', DIAGNOSTIC_CODES)
  @ApiPageQueries()
  async list(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<DiagnosticPageDto> {
    const page = await inRestNames(
      this.findings.list(
        caller,
        {
          clusters: queryList(q, 'cluster'),
          namespaces: queryList(q, 'namespace'),
          severities: queryList(q, 'severity'),
          codes: queryList(q, 'code'),
          first: queryNumber(q, 'limit'),
          after: queryOne(q, 'cursor'),
        },
        this.loaders.for(req),
      ),
    );
    return {
      items: toDiagnosticModels(page.items),
      totalCount: page.totalCount,
      bySeverity: { errors: page.bySeverity.ERROR, warnings: page.bySeverity.WARNING, infos: page.bySeverity.INFO },
      nextCursor: page.hasNextPage ? page.endCursor : null,
    };
  }
}
