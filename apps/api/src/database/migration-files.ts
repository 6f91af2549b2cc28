import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MigrationFile {
  /** Folder name, e.g. 20261122100000_init: what _prisma_migrations calls migration_name. */
  readonly name: string;
  readonly sql: string;
  /** sha256 hex of the file as written, like Prisma's. */
  readonly checksum: string;
  /** Checksums that count as unchanged: the file with LF and with CRLF line endings (as Prisma accepts). */
  readonly acceptedChecksums: readonly string[];
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** prisma/migrations at the repository (or image) root, found from this file's location. */
export function defaultMigrationsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('prisma/migrations not found above the API code');
    dir = parent;
  }
}

export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      const lf = sql.replace(/\r\n/g, '\n');
      return {
        name,
        sql,
        checksum: sha256(sql),
        acceptedChecksums: [sha256(lf), sha256(lf.replace(/\n/g, '\r\n'))],
      };
    }),
  );
}
