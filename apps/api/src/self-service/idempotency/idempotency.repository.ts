import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service.js';

export type Claim =
  | { state: 'claimed' }
  | { state: 'done'; requestHash: string; response: unknown }
  | { state: 'pending'; requestHash: string };

/** A request still "pending" this long was cut off (process died): the key may be used again. */
const ABANDONED_AFTER_SECONDS = 120;

/** Idempotency records: one row per (actor, key) digest, first a placeholder, then the answer. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Atomically takes the key for this request, or reports who has it: the stored
   * answer of a finished request, or a request still in flight.
   */
  async claim(id: string, actor: string, operation: string, requestHash: string, ttlSeconds: number): Promise<Claim> {
    const prisma = this.database.prisma;
    await prisma.$executeRawUnsafe(
      `DELETE FROM "IdempotencyRecord" WHERE key = $1 AND ("expiresAt" < now() OR ((response->>'pending') = 'true' AND "createdAt" < now() - $2 * interval '1 second'))`,
      id,
      ABANDONED_AFTER_SECONDS,
    );
    const inserted = await prisma.$queryRawUnsafe<{ key: string }[]>(
      `INSERT INTO "IdempotencyRecord" (key, actor, operation, "requestHash", response, "expiresAt")
       VALUES ($1, $2, $3, $4, '{"pending": true}'::jsonb, now() + $5 * interval '1 second')
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      id,
      actor,
      operation,
      requestHash,
      ttlSeconds,
    );
    if (inserted.length) return { state: 'claimed' };
    const rows = await prisma.$queryRawUnsafe<{ requestHash: string; response: Record<string, unknown> }[]>(
      `SELECT "requestHash", response FROM "IdempotencyRecord" WHERE key = $1`,
      id,
    );
    const row = rows[0];
    // Gone between the insert and the read (released by a failed first attempt): try once more.
    if (!row) return this.claim(id, actor, operation, requestHash, ttlSeconds);
    if (row.response['pending'] === true) return { state: 'pending', requestHash: row.requestHash };
    return { state: 'done', requestHash: row.requestHash, response: row.response };
  }

  async complete(id: string, response: unknown): Promise<void> {
    await this.database.prisma.$executeRawUnsafe(`UPDATE "IdempotencyRecord" SET response = $2::jsonb WHERE key = $1`, id, JSON.stringify(response));
  }

  /** A failed request keeps no record: it changed nothing, so a retry must really run. */
  async release(id: string): Promise<void> {
    await this.database.prisma.$executeRawUnsafe(`DELETE FROM "IdempotencyRecord" WHERE key = $1 AND (response->>'pending') = 'true'`, id);
  }
}
