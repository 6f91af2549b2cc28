import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import type { AuditEvent, AuditQuery, NewAuditEvent } from './audit-event.js';

type Row = Omit<AuditEvent, 'at' | 'details'> & { at: Date; details: unknown };

/** Audit rows are only ever inserted and read: nothing in the product updates or deletes them. */
@Injectable()
export class AuditRepository {
  constructor(private readonly database: DatabaseService) {}

  async insert(e: NewAuditEvent): Promise<void> {
    await this.database.prisma.auditEvent.create({
      data: {
        actor: e.actor,
        actorRole: e.actorRole,
        action: e.action,
        cluster: e.cluster,
        namespace: e.namespace,
        name: e.name,
        dryRun: e.dryRun,
        outcome: e.outcome,
        errorCode: e.errorCode,
        diff: e.diff,
        details: e.details as object,
      },
    });
  }

  async list(q: AuditQuery): Promise<{ items: AuditEvent[]; total: number; hasNextPage: boolean }> {
    const where = {
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.cluster ? { cluster: q.cluster } : {}),
      ...(q.namespace ? { namespace: q.namespace } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
    };
    const after = q.after ? { OR: [{ at: { lt: new Date(String(q.after[0])) } }, { at: new Date(String(q.after[0])), id: { lt: String(q.after[1]) } }] } : {};
    const [rows, total] = await Promise.all([
      this.database.prisma.auditEvent.findMany({ where: { ...where, ...after }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: q.limit + 1 }),
      this.database.prisma.auditEvent.count({ where }),
    ]);
    const items = (rows as Row[]).slice(0, q.limit).map((r) => ({ ...r, at: r.at.toISOString(), details: (r.details ?? {}) as Record<string, unknown> })) as AuditEvent[];
    return { items, total, hasNextPage: rows.length > q.limit };
  }
}
