import { Injectable, Logger } from '@nestjs/common';
import { encodeCursor, type Page, pageArgs } from '../catalog/pagination/cursor.js';
import { DomainError } from '../errors/domain-error.js';
import type { FieldIssue } from '../errors/error-codes.js';
import type { AuditEvent, NewAuditEvent } from './audit-event.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditSearch {
  actor?: string;
  action?: string;
  cluster?: string;
  namespace?: string;
  outcome?: string;
  first?: number | null;
  after?: string | null;
}

const OUTCOMES = ['SUCCEEDED', 'FAILED', 'REPLAYED'];

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly repo: AuditRepository) {}

  /**
   * Records one event. A failure to record is logged loudly but does not turn a change
   * the cluster already made into an error for the caller.
   */
  async record(e: NewAuditEvent): Promise<void> {
    try {
      await this.repo.insert(e);
    } catch (err) {
      this.logger.error(`could not record audit event ${e.action} ${e.cluster}/${e.namespace}/${e.name} (${e.outcome}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Newest first, keyset pages. */
  async search(s: AuditSearch): Promise<Page<AuditEvent>> {
    const issues: FieldIssue[] = [];
    const { limit, after } = pageArgs(s.first, s.after, 2, issues);
    if (s.outcome && !OUTCOMES.includes(s.outcome)) issues.push({ field: 'outcome', rule: 'notSupported', message: `must be one of ${OUTCOMES.join(', ')}` });
    if (issues.length) throw DomainError.validation(issues);
    const res = await this.repo.list({ actor: s.actor, action: s.action, cluster: s.cluster, namespace: s.namespace, outcome: s.outcome, limit, after });
    const cursors = res.items.map((e) => encodeCursor([e.at, e.id]));
    return { items: res.items, cursors, totalCount: res.total, hasNextPage: res.hasNextPage, startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
  }
}
