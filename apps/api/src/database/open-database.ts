import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { AppConfig } from '../config/app-config.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseUnavailableError, redactUrl } from './database-errors.js';
import type { SqlSession } from './sql-session.js';

export interface OpenDatabase {
  readonly kind: 'postgres' | 'pglite';
  /** Where it is, safe to show (password redacted). */
  readonly location: string;
  readonly prisma: PrismaClient;
  /** A dedicated session (one connection) for work that needs session state, e.g. advisory locks. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; the handler gets each payload. Resolves to an unsubscribe. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  /** Every SQL statement Prisma runs (for debug logging and statement-count tests). */
  onQuery(listener: (e: { query: string; durationMs: number }) => void): () => void;
  /** NOTIFY (delivered to every listener of every replica after the sender's commit). */
  notify(channel: string, payload: string): Promise<void>;
  /** The connection pool's state (PostgreSQL; the embedded database has no pool). */
  pool(): { inUse: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

type Adapter = ConstructorParameters<typeof PrismaClient>[0] extends { adapter?: infer A } ? A : never;

/** A Prisma client whose statements can be observed. */
function withQueryEvents(adapter: Adapter): { prisma: PrismaClient; onQuery: OpenDatabase['onQuery'] } {
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const listeners = new Set<(e: { query: string; durationMs: number }) => void>();
  client.$on('query', (e) => {
    for (const l of listeners) l({ query: e.query, durationMs: Number(e.duration) });
  });
  return {
    prisma: client as unknown as PrismaClient,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;
function assertChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name "${channel}"`);
}

export async function openDatabase(db: AppConfig['database']): Promise<OpenDatabase> {
  return db.kind === 'postgres' ? openPostgres(db.url) : openPglite(db.dir);
}

/**
 * The pool's connection settings: the URL, and its session options plus JIT off. JIT off:
 * the catalog's statements have correlated subqueries the planner costs far above
 * jit_above_cost, so PostgreSQL compiled them for 1-2.6 s to save milliseconds (measured
 * at 100,000 services: the overview's findings statement 3.1 s with JIT, 0.43 s without).
 * pg lets a URL's `options` replace the pool's, so they are moved out of the URL and merged.
 */
export function connectionSettings(url: string): { connectionString: string; options: string } {
  const off = '-c jit=off';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { connectionString: url, options: off };
  }
  const own = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options: [own, off].filter(Boolean).join(' ') };
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ ...connectionSettings(url), max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const location = redactUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`PostgreSQL at ${location} is unreachable: ${describe(err)}`, { cause: err });
  }
  const { prisma, onQuery } = withQueryEvents(new PrismaPg(pool));
  const listener = new PgListener(url);
  return {
    kind: 'postgres',
    location,
    prisma,
    pool: () => ({ inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, handler) => listener.listen(channel, handler),
    onQuery,
    async notify(channel, payload) {
      assertChannel(channel);
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.close();
      await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

async function openPglite(dir: string): Promise<OpenDatabase> {
  assertPgliteFolder(dir);
  await mkdir(dir, { recursive: true });
  let client: PGlite;
  try {
    // Extensions the migrations create must be loaded into the embedded build.
    client = new PGlite(dir, { extensions: { pg_trgm } });
    await client.waitReady;
    await client.query('SELECT 1');
  } catch (err) {
    throw new DatabaseUnavailableError(
      `The embedded database folder ${dir} could not be opened (${describe(err)}). It is corrupted or was ` +
        'written by an incompatible version: move it aside to start with an empty catalog, or set DATABASE_URL.',
      { cause: err },
    );
  }
  const { prisma, onQuery } = withQueryEvents(new PrismaPGlite(client));
  // PGlite is a single connection: serialise sessions so a migration's BEGIN…COMMIT is not interleaved.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    location: dir,
    prisma,
    pool: () => null,
    onQuery,
    async listen(channel, handler) {
      assertChannel(channel);
      const unsubscribe = await client.listen(channel, handler);
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    async notify(channel, payload) {
      assertChannel(channel);
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    withSession(fn) {
      const run = chain.then(() =>
        fn({
          query: async (sql, params) => (await client.query(sql, params)).rows as never[],
          exec: async (sql) => {
            await client.exec(sql);
          },
        }),
      );
      chain = run.catch(() => undefined);
      return run;
    },
    async close() {
      await prisma.$disconnect().catch(() => undefined);
      if (!client.closed) await client.close();
    },
  };
}

/** A non-empty folder without PG_VERSION is someone else's: refuse rather than write into it. */
function assertPgliteFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DatabaseUnavailableError(
      `The embedded database folder ${dir} is not empty and is not a PostgreSQL data folder. ` +
        'Point SWITCHBOARD_DATA_DIR at an empty or Switchboard-owned folder, or set DATABASE_URL.',
    );
  }
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return describe(err.errors[0]);
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

/**
 * One dedicated connection for LISTEN (a pooled connection would lose its
 * subscriptions when returned). Reconnects with backoff and re-subscribes.
 */
class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;
  /** pg runs one query at a time per client and deprecates queueing them: LISTENs wait their turn here. */
  private serial: Promise<unknown> = Promise.resolve();

  constructor(private readonly url: string) {}

  private query(client: pg.Client, sql: string): Promise<unknown> {
    const next = this.serial.then(() => client.query(sql));
    this.serial = next.catch(() => undefined);
    return next;
  }

  async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannel(channel);
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    const client = await this.connect();
    if (first) await this.query(client, `LISTEN ${channel}`);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(channel);
        if (this.client) await this.query(this.client, `UNLISTEN ${channel}`).catch(() => undefined);
      }
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      for (let attempt = 0; ; attempt++) {
        const client = new pg.Client({ connectionString: this.url });
        try {
          await client.connect();
          client.on('notification', (n) => {
            for (const h of this.handlers.get(n.channel) ?? []) h(n.payload ?? '');
          });
          client.on('error', () => this.drop(client));
          client.on('end', () => this.drop(client));
          for (const channel of this.handlers.keys()) await this.query(client, `LISTEN ${channel}`);
          this.client = client;
          this.connecting = undefined;
          return client;
        } catch (err) {
          await client.end().catch(() => undefined);
          if (this.closed) throw err;
          await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)).unref());
        }
      }
    })();
    return this.connecting;
  }

  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (!this.closed && this.handlers.size) void this.connect().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
