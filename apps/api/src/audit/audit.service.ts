import { Injectable, Logger } from '@nestjs/common';
import { encodeCursor, type Page, pageArgs } from '../catalog/pagination/cursor.js';
import { DomainError } from '../errors/domain-error.js';
import type { FieldIssue } from '../errors/error-codes.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { actorOf, type Caller } from '../auth/caller.js';
import type { AuditEvent, NewAuditEvent } from './audit-event.js';

/** What an audited change is about; details never hold a secret. */
export interface AuditTarget {
  cluster?: string | null;
  namespace?: string | null;
  name?: string | null;
  details?: Record<string, unknown>;
}
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

  constructor(
    private readonly repo: AuditRepository,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Runs an administrative change (clusters, tokens, grants) and records it with its
   * outcome, refusals included. `describe` names what was changed once it is known.
   */
  async track<T>(caller: Caller, action: string, target: AuditTarget, run: () => Promise<T>, describe: (result: T) => AuditTarget = () => ({})): Promise<T> {
    const base = { actor: actorOf(caller), actorRole: caller.role, action, cluster: target.cluster ?? null, namespace: target.namespace ?? null, name: target.name ?? null, dryRun: false, diff: null };
    try {
      const result = await run();
      const done = describe(result);
      await this.record({ ...base, cluster: done.cluster ?? base.cluster, name: done.name ?? base.name, outcome: 'SUCCEEDED', errorCode: null, details: { ...target.details, ...done.details } });
      return result;
    } catch (err) {
      const known = err instanceof DomainError;
      await this.record({ ...base, outcome: 'FAILED', errorCode: known ? err.code : 'INTERNAL', details: { ...target.details, ...(known ? { message: err.message, fields: err.details.map((d) => d.field) } : {}) } });
      throw err;
    }
  }

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
  async search(caller: Caller, s: AuditSearch): Promise<Page<AuditEvent>> {
    this.access.requireRole(caller, 'admin');
    const issues: FieldIssue[] = [];
    const { limit, after } = pageArgs(s.first, s.after, 2, issues);
    if (s.outcome && !OUTCOMES.includes(s.outcome)) issues.push({ field: 'outcome', rule: 'notSupported', message: `must be one of ${OUTCOMES.join(', ')}` });
    if (issues.length) throw DomainError.validation(issues);
    const res = await this.repo.list({ actor: s.actor, action: s.action, cluster: s.cluster, namespace: s.namespace, outcome: s.outcome, limit, after });
    const cursors = res.items.map((e) => encodeCursor([e.at, e.id]));
    return { items: res.items, cursors, totalCount: res.total, hasNextPage: res.hasNextPage, startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
  }
}
