import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../src/database/database-errors.js';
import { defaultMigrationsDir, readMigrationFiles } from '../src/database/migration-files.js';
import { migrate, migrationStatus } from '../src/database/migrator.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from './support/test-database.js';

describe('migrator', () => {
  let db: TestDatabase;
  let open: OpenDatabase;
  let dir: string;

  beforeEach(async () => {
    db = await createTestDatabase();
    open = await openDatabase(db.database);
    // A private copy of prisma/migrations that tests may edit.
    dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-migrations-'));
    await cp(defaultMigrationsDir(), dir, { recursive: true });
  });
  afterEach(async () => {
    await open.close();
    await db.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies every migration once and keeps Prisma’s bookkeeping', async () => {
    const files = await readMigrationFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const first = await open.withSession((s) => migrate(s, files));
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await open.withSession((s) => migrate(s, files));
    expect(second).toEqual({ applied: [], alreadyApplied: files.map((f) => f.name) });

    const rows = await open.withSession((s) =>
      s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations"',
      ),
    );
    expect(rows).toHaveLength(files.length);
    for (const row of rows) {
      const file = files.find((f) => f.name === row.migration_name)!;
      expect(row.checksum).toBe(file.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await open.withSession((s) => migrationStatus(s, files))).toEqual({ applied: files.map((f) => f.name), pending: [] });
  });

  it('refuses to run when an applied migration file was changed, naming it', async () => {
    const files = await readMigrationFiles(dir);
    await open.withSession((s) => migrate(s, files));
    const target = path.join(dir, files[0]!.name, 'migration.sql');
    await writeFile(target, `${files[0]!.sql}\n-- edited after the fact\n`);
    const changed = await readMigrationFiles(dir);
    const err = await open.withSession((s) => migrate(s, changed)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).migration).toBe(files[0]!.name);
    expect((err as Error).message).toContain(`Migration ${files[0]!.name} was modified after it was applied`);
  });

  it('accepts the same file with Windows line endings', async () => {
    const files = await readMigrationFiles(dir);
    await open.withSession((s) => migrate(s, files));
    const target = path.join(dir, files[0]!.name, 'migration.sql');
    await writeFile(target, files[0]!.sql.replace(/\n/g, '\r\n'));
    const crlf = await readMigrationFiles(dir);
    await expect(open.withSession((s) => migrate(s, crlf))).resolves.toMatchObject({ applied: [] });
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const files = await readMigrationFiles(dir);
    await open.withSession((s) => migrate(s, files));
    const bad = path.join(dir, '29991231235959_broken');
    await cp(path.join(dir, files[0]!.name), bad, { recursive: true });
    await writeFile(path.join(bad, 'migration.sql'), 'CREATE TABLE "HalfWritten" (id INT);\nSELECT no_such_function();\n');
    const withBad = await readMigrationFiles(dir);
    const err = await open.withSession((s) => migrate(s, withBad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/29991231235959_broken failed and was rolled back/);
    const leftovers = await open.withSession((s) =>
      s.query<{ t: string | null; n: number }>(
        `SELECT to_regclass('"HalfWritten"')::text AS t,
                (SELECT count(*)::int FROM "_prisma_migrations" WHERE migration_name = '29991231235959_broken') AS n`,
      ),
    );
    expect(leftovers[0]).toEqual({ t: null, n: 0 });
  });

  it('refuses a database with a failed attempt recorded by another tool', async () => {
    const files = await readMigrationFiles(dir);
    await open.withSession((s) => migrate(s, files));
    await open.withSession((s) =>
      s.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ('00000000-0000-0000-0000-000000000001', $1, '29990101000000_manual', now(), 0)`,
        ['0'.repeat(64)],
      ),
    );
    await expect(open.withSession((s) => migrate(s, files))).rejects.toThrow(/29990101000000_manual is recorded as started but not finished/);
  });

  it.runIf(usingPostgres)('lets only one of two concurrent replicas apply the migrations', async () => {
    const files = await readMigrationFiles(dir);
    const other = await openDatabase(db.database);
    try {
      const [a, b] = await Promise.all([
        open.withSession((s) => migrate(s, files)),
        other.withSession((s) => migrate(s, files)),
      ]);
      const appliedCounts = [a.applied.length, b.applied.length].sort();
      expect(appliedCounts).toEqual([0, files.length]);
      const rows = await open.withSession((s) => s.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"'));
      expect(rows[0]!.n).toBe(files.length);
    } finally {
      await other.close();
    }
  });
});
