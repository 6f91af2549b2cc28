import { randomUUID } from 'node:crypto';
import { MigrationError } from './database-errors.js';
import type { MigrationFile } from './migration-files.js';
import type { SqlSession } from './sql-session.js';

// Same table Prisma's `migrate deploy` keeps, so either tool can take over.
const BOOKKEEPING_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Arbitrary but fixed: every Switchboard replica contends for the same advisory lock. */
export const MIGRATION_LOCK_KEY = 7_262_016_820;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/**
 * Applies pending migrations in order, each in its own transaction, under a
 * session-level advisory lock so concurrent replicas wait instead of racing.
 * Refuses (MigrationError) when an applied migration's file has changed or a
 * previous attempt is recorded as failed.
 */
export async function migrate(session: SqlSession, files: readonly MigrationFile[]): Promise<MigrationResult> {
  await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await session.exec(BOOKKEEPING_DDL);
    const applied = await appliedRows(session);
    verify(files, applied);
    const done = new Set(applied.filter(isFinished).map((r) => r.migration_name));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const file of files) {
      if (done.has(file.name)) {
        result.alreadyApplied.push(file.name);
        continue;
      }
      await applyOne(session, file);
      result.applied.push(file.name);
    }
    return result;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

/** What is applied and what is pending, without changing anything (for /readyz). */
export async function migrationStatus(session: SqlSession, files: readonly MigrationFile[]): Promise<MigrationStatus> {
  const exists = await session.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  const applied = exists[0]?.present ? await appliedRows(session) : [];
  const done = new Set(applied.filter(isFinished).map((r) => r.migration_name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
  };
}

function isFinished(r: AppliedRow): boolean {
  return r.finished_at !== null && r.rolled_back_at === null;
}

async function appliedRows(session: SqlSession): Promise<AppliedRow[]> {
  return session.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

function verify(files: readonly MigrationFile[], applied: readonly AppliedRow[]): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        row.migration_name,
        `Migration ${row.migration_name} is recorded as started but not finished (a failed attempt). ` +
          'Fix the database by hand, then mark it rolled back (`prisma migrate resolve --rolled-back`) before starting again.',
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        row.migration_name,
        `Migration ${row.migration_name} is applied in the database but missing from prisma/migrations: ` +
          'this database belongs to a newer or different version of Switchboard.',
      );
    }
    if (!file.acceptedChecksums.includes(row.checksum)) {
      throw new MigrationError(
        row.migration_name,
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… ` +
          `in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
      );
    }
  }
}

async function applyOne(session: SqlSession, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await session.exec('BEGIN');
  try {
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    await session.exec(file.sql);
    await session.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await session.exec('COMMIT');
  } catch (err) {
    await session.exec('ROLLBACK').catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(file.name, `Migration ${file.name} failed and was rolled back: ${reason}`, { cause: err });
  }
}
