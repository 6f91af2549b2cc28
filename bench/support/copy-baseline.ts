// The ceiling for the fleet's cold sync: the rows the sync wrote, loaded again with
// PostgreSQL COPY into tables of the same columns and indexes (CREATE TABLE … LIKE …
// INCLUDING ALL; no foreign keys), one COPY per table. PostgreSQL through pg-copy-streams,
// PGlite through its /dev/blob device (its data directory opened once the API has stopped).
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { AppConfig } from '../../apps/api/src/config/app-config.js';

export interface CopyBaseline {
  /** Rows per table the sync wrote (tables holding a cluster's objects, and their child rows). */
  rows: Record<string, number>;
  totalRows: number;
  /** Wall time of the COPY FROM statements alone. */
  ms: number;
}

interface Session {
  query<T>(sql: string): Promise<T[]>;
  copyOut(table: string): Promise<Buffer>;
  copyIn(table: string, data: Buffer): Promise<void>;
  close(): Promise<void>;
}

async function open(db: AppConfig['database']): Promise<Session> {
  if (db.kind === 'postgres') {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return {
      query: async (sql) => (await client.query(sql)).rows,
      copyOut: async (table) => {
        const chunks: Buffer[] = [];
        for await (const c of client.query(copyTo(`COPY "${table}" TO STDOUT`))) chunks.push(c as Buffer);
        return Buffer.concat(chunks);
      },
      copyIn: (table, data) =>
        new Promise((resolve, reject) => {
          const stream = client.query(copyFrom(`COPY "${table}" FROM STDIN`));
          stream.on('finish', resolve).on('error', reject);
          stream.end(data);
        }),
      close: () => client.end(),
    };
  }
  const client = new PGlite(db.dir, { extensions: { pg_trgm } });
  return {
    query: async (sql) => (await client.query(sql)).rows as never[],
    copyOut: async (table) => Buffer.from(await (await client.query(`COPY "${table}" TO '/dev/blob'`)).blob!.arrayBuffer()),
    copyIn: async (table, data) => void (await client.query(`COPY "${table}" FROM '/dev/blob'`, [], { blob: new Blob([new Uint8Array(data)]) })),
    close: () => client.close(),
  };
}

/** Tables with a clusterId column and the tables whose rows hang off them (one foreign key away). */
const SYNCED_TABLES = `
  WITH owned AS (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'clusterId')
  SELECT table_name AS name FROM owned WHERE table_name NOT LIKE 'bench_copy_%'
  UNION
  SELECT tc.table_name FROM information_schema.table_constraints tc
  JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name AND cu.table_schema = tc.table_schema
  WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND cu.table_name IN (SELECT table_name FROM owned)
  ORDER BY 1`;

/** Counts the synced rows, then times COPY of all of them into same-shaped empty tables. */
export async function copyBaseline(db: AppConfig['database']): Promise<CopyBaseline> {
  const s = await open(db);
  try {
    const tables = (await s.query<{ name: string }>(SYNCED_TABLES)).map((t) => t.name).filter((t) => t !== 'Cluster');
    const rows: Record<string, number> = {};
    const data = new Map<string, Buffer>();
    for (const t of tables) {
      const [{ n }] = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
      if (!n) continue;
      rows[t] = n;
      data.set(t, await s.copyOut(t));
      await s.query(`DROP TABLE IF EXISTS "bench_copy_${t}"`);
      await s.query(`CREATE TABLE "bench_copy_${t}" (LIKE "${t}" INCLUDING ALL)`);
    }
    const started = performance.now();
    for (const [t, d] of data) await s.copyIn(`bench_copy_${t}`, d);
    const ms = performance.now() - started;
    for (const t of data.keys()) await s.query(`DROP TABLE "bench_copy_${t}"`);
    return { rows, totalRows: Object.values(rows).reduce((a, b) => a + b, 0), ms };
  } finally {
    await s.close();
  }
}

/** Connections the database server has open to this database now (pg_stat_activity); null for PGlite. */
export async function serverConnections(db: AppConfig['database']): Promise<number | null> {
  if (db.kind !== 'postgres') return null;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
