import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { apiEnum } from '../../graphql/closed-set.js';
import { DiagnosticCodeSet, SeveritySet, toDiagnosticModels } from '../shared/diagnostic.model.js';
import { queryList, queryOne } from '../shared/query-params.js';
import { DiagnosticsQueryService } from './diagnostics-query.service.js';
import { DiagnosticPageDto } from './dto/diagnostic-page.model.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('diagnostics')
@Controller('diagnostics')
export class DiagnosticsController {
  constructor(
    private readonly findings: DiagnosticsQueryService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Get()
  @ApiOkResponse({ type: DiagnosticPageDto })
  @ApiQuery({ name: 'cluster', required: false })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'severity', required: false, ...apiEnum(SeveritySet) })
  @ApiQuery({ name: 'code', required: false, ...apiEnum(DiagnosticCodeSet) })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  async list(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>, @Req() req: Request): Promise<DiagnosticPageDto> {
    const limit = queryOne(q, 'limit');
    const page = await this.findings.list(
      caller,
      {
        clusters: queryList(q, 'cluster'),
        namespaces: queryList(q, 'namespace'),
        severities: queryList(q, 'severity'),
        codes: queryList(q, 'code'),
        first: limit === undefined ? undefined : Number(limit),
        after: queryOne(q, 'cursor'),
      },
      this.loaders.for(req),
    );
    return {
      items: toDiagnosticModels(page.items),
      totalCount: page.totalCount,
      bySeverity: { errors: page.bySeverity.ERROR, warnings: page.bySeverity.WARNING, infos: page.bySeverity.INFO },
      nextCursor: page.hasNextPage ? page.endCursor : null,
    };
  }
}
