import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuditEventConnection, AuditOutcomeSet } from './dto/audit-event.model.js';
import { AuditService } from './audit.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (admins only)' })
  async auditEvents(
    @CurrentCaller() caller: Caller,
    @Args('actor', { nullable: true }) actor?: string,
    @Args('action', { nullable: true }) action?: string,
    @Args('cluster', { nullable: true }) cluster?: string,
    @Args('namespace', { nullable: true }) namespace?: string,
    @Args('outcome', { type: () => AuditOutcomeSet, nullable: true }) outcome?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    const page = await this.audit.search(caller, { actor, action, cluster, namespace, outcome, first, after });
    return { nodes: page.items, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: page.startCursor, endCursor: page.endCursor } };
  }
}
