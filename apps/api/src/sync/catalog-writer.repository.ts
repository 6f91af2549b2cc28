import { Injectable } from '@nestjs/common';
import type { CatalogRecord, ResourceKind } from '@switchboard/k8s-model';
import { clusterGone, isWriteConflict } from '../database/database-errors.js';
import { DatabaseService } from '../database/database.service.js';
import { countSql, type Deletion, deleteRecords, deleteUnlisted, type Tx, upsertRecords } from './catalog-write-sql.js';
import { KIND_SPECS } from './kind-specs.js';

export type { Deletion } from './catalog-write-sql.js';

const specOf = (kind: ResourceKind) => KIND_SPECS.find((k) => k.kind === kind)!;

/** Upserts, then deletes: a batch is a sequence of these, applied in order. */
export interface WriteStep {
  upserts: CatalogRecord[];
  deletes: Deletion[];
}

/** Where the watch stands after a batch, stored with the batch. */
export interface WatchProgress {
  resourceVersion: string | null;
  lastEventAt: Date;
  lagSeconds: number;
}

/** Generous: a page of a large list can wait behind other kinds' pages on one PGlite connection. */
const TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 };
/** How often a batch is tried when it keeps losing deadlocks (each retry is one more transaction). */
const WRITE_ATTEMPTS = 4;

/**
 * The sync engine's writes: batched, idempotent upserts and deletes with raw SQL
 * (Prisma has no bulk upsert), one transaction per batch. Rows are keyed by
 * cluster + namespace + name; a new uid (recreated object) replaces the row.
 * The sync state's object count moves in the same transaction as the rows, so it
 * never needs a COUNT(*) per batch and never drifts from what was committed.
 */
@Injectable()
export class CatalogWriterRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * One batch of one cluster × kind. `skipOlder` (write-through of a mutation's answer,
   * which can arrive after the watch already wrote a newer version): never replace a
   * row with an older resourceVersion of the same object.
   */
  async apply(clusterId: string, kind: ResourceKind, upserts: CatalogRecord[], deletes: Deletion[], opts: { skipOlder?: boolean } = {}): Promise<void> {
    await this.applyBatch(clusterId, kind, [{ upserts, deletes }], undefined, opts);
  }

  /** Steps in order, the object counts and (for a watch batch) its progress: one transaction. */
  async applyBatch(clusterId: string, kind: ResourceKind, steps: WriteStep[], progress?: WatchProgress, opts: { skipOlder?: boolean } = {}): Promise<void> {
    const spec = specOf(kind);
    await this.inTransaction(async (tx) => {
      let own = 0;
      let slices = 0;
      for (const step of steps) {
        if (step.upserts.length) own += await upsertRecords(tx, spec, clusterId, step.upserts, opts.skipOlder ?? false);
        if (step.deletes.length) {
          const removed = await deleteRecords(tx, spec, clusterId, step.deletes);
          own -= removed.own;
          slices -= removed.slices;
        }
      }
      if (own || progress) await bumpState(tx, clusterId, kind, own, progress);
      if (slices) await bumpState(tx, clusterId, 'ENDPOINT_SLICE', slices);
    });
  }

  /**
   * After a full list: rows of this cluster × kind whose uid the list did not return
   * are gone, and the object count is set from the table (once per list, not per batch).
   */
  async deleteMissing(clusterId: string, kind: ResourceKind, keepUids: string[]): Promise<number> {
    const spec = specOf(kind);
    return this.inTransaction(async (tx) => {
      const removed = await deleteUnlisted(tx, spec, clusterId, keepUids);
      const count = countSql(spec);
      await tx.$executeRawUnsafe(
        `UPDATE "ClusterSyncState" SET "objectCount" = (${count.sql}), "updatedAt" = now()
          WHERE "clusterId" = $1::uuid AND kind = $2::"ResourceKind"`,
        clusterId,
        kind,
        ...count.params,
      );
      return removed;
    });
  }

  /**
   * One transaction, run again (a few times, after a short random pause) when PostgreSQL
   * rolled it back for a deadlock; writing for a cluster removed meanwhile throws ClusterGoneError.
   */
  private async inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.prisma.$transaction((prismaTx) => work(prismaTx as unknown as Tx), TX_OPTIONS);
      } catch (err) {
        if (attempt < WRITE_ATTEMPTS && isWriteConflict(err)) {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
          continue;
        }
        throw clusterGone(err) ?? err;
      }
    }
  }
}

/** Moves the object count by `delta` and records watch progress; a missing state row is created by the next list. */
function bumpState(tx: Tx, clusterId: string, kind: ResourceKind, delta: number, progress?: WatchProgress): Promise<number> {
  const set = [`"objectCount" = GREATEST(0, "objectCount" + $3::int)`, `"updatedAt" = now()`];
  const params: unknown[] = [clusterId, kind, delta];
  if (progress) {
    params.push(progress.resourceVersion, progress.lastEventAt.toISOString(), progress.lagSeconds);
    set.push(`"resourceVersion" = COALESCE($4::text, "resourceVersion")`, `"lastEventAt" = $5::timestamptz`, `"lagSeconds" = $6::double precision`);
  }
  return tx.$executeRawUnsafe(`UPDATE "ClusterSyncState" SET ${set.join(', ')} WHERE "clusterId" = $1::uuid AND kind = $2::"ResourceKind"`, ...params);
}
