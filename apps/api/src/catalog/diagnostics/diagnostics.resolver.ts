import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { Diagnostic, DiagnosticCodeSet, SeveritySet, toDiagnosticModels } from '../shared/diagnostic.model.js';
import { DiagnosticsQueryService } from './diagnostics-query.service.js';
import { DiagnosticConnection } from './dto/diagnostic-page.model.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@Resolver(() => Diagnostic)
export class DiagnosticsResolver {
  constructor(
    private readonly findings: DiagnosticsQueryService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @Query(() => DiagnosticConnection, { description: 'Every finding, worst first within each object, in a stable order' })
  async diagnostics(
    @CurrentCaller() caller: Caller,
    @Args('clusters', { type: () => [String], nullable: true }) clusters: string[] | undefined,
    @Args('namespaces', { type: () => [String], nullable: true }) namespaces: string[] | undefined,
    @Args('severities', { type: () => [SeveritySet], nullable: true }) severities: string[] | undefined,
    @Args('codes', { type: () => [DiagnosticCodeSet], nullable: true }) codes: string[] | undefined,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Context() ctx: object,
  ): Promise<DiagnosticConnection> {
    const page = await this.findings.list(caller, { clusters, namespaces, severities, codes, first, after }, this.loaders.for(ctx));
    return {
      nodes: toDiagnosticModels(page.items),
      totalCount: page.totalCount,
      bySeverity: { errors: page.bySeverity.ERROR, warnings: page.bySeverity.WARNING, infos: page.bySeverity.INFO },
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: null, endCursor: page.endCursor },
    };
  }
}
