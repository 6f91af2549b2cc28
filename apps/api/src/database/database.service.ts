import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { DatabaseUnavailableError, MigrationError } from './database-errors.js';
import { defaultMigrationsDir, type MigrationFile, readMigrationFiles } from './migration-files.js';
import { migrate, migrationStatus } from './migrator.js';
import { openDatabase, type OpenDatabase } from './open-database.js';

export type DatabaseState =
  | { status: 'starting'; reason: string }
  | { status: 'ready' }
  | { status: 'failed'; reason: string };

export interface Readiness {
  ready: boolean;
  database: { kind: 'postgres' | 'pglite'; location: string; reachable: boolean; error?: string };
  migrations: { applied: number; pending: string[] };
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Owns the one Prisma client. Connects in the background with capped backoff so
 * the HTTP server (and /readyz) is up while the database is not; applies
 * migrations once connected. Only repositories use `prisma`.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private db: OpenDatabase | undefined;
  private files: MigrationFile[] = [];
  private state: DatabaseState = { status: 'starting', reason: 'connecting' };
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private rejectReady!: (err: Error) => void;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.readyPromise.catch(() => undefined);
  }

  get prisma(): PrismaClient {
    if (!this.db || this.state.status !== 'ready') {
      throw new DatabaseUnavailableError(`database not ready: ${'reason' in this.state ? this.state.reason : ''}`);
    }
    return this.db.prisma;
  }

  get kind(): 'postgres' | 'pglite' {
    return this.config.database.kind;
  }

  /** Resolves once connected and migrated; rejects on a failure no retry can fix. */
  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  currentState(): DatabaseState {
    return this.state;
  }

  /** Connect (retrying transient failures), migrate, then resolve whenReady(). */
  async start(): Promise<void> {
    const started = Date.now();
    const deadline = this.config.databaseConnectTimeoutSeconds * 1000;
    this.files = await readMigrationFiles(defaultMigrationsDir());
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        this.db = await openDatabase(this.config.database);
        const result = await this.db.withSession((s) => migrate(s, this.files));
        this.state = { status: 'ready' };
        if (this.config.logLevel === 'debug') {
          this.db.onQuery((e) => this.logger.debug(`${e.durationMs} ms ${e.query.replace(/\s+/g, ' ').slice(0, 500)}`));
        }
        this.logger.log(
          `${this.db.kind === 'pglite' ? 'Embedded PGlite' : 'PostgreSQL'} at ${this.db.location} ready; ` +
            `migrations applied now: ${result.applied.length}, already: ${result.alreadyApplied.length}`,
        );
        this.resolveReady();
        return;
      } catch (err) {
        const fatal = err instanceof MigrationError || (this.config.database.kind === 'pglite' && err instanceof DatabaseUnavailableError);
        const reason = err instanceof Error ? err.message : String(err);
        await this.db?.close();
        this.db = undefined;
        const timedOut = deadline > 0 && Date.now() - started >= deadline;
        if (fatal || timedOut) {
          this.state = { status: 'failed', reason };
          this.logger.error(timedOut && !fatal ? `${reason}; gave up after ${this.config.databaseConnectTimeoutSeconds}s` : reason);
          this.rejectReady(err instanceof Error ? err : new Error(reason));
          return;
        }
        const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 6)) * (0.75 + Math.random() * 0.5);
        this.state = { status: 'starting', reason };
        this.logger.warn(`${reason}; retrying in ${Math.round(delay / 1000)}s (attempt ${attempt})`);
        await new Promise((r) => setTimeout(r, delay).unref());
      }
    }
  }

  /** Observe every SQL statement (tests count them; LOG_LEVEL=debug logs them). */
  onQuery(listener: (e: { query: string; durationMs: number }) => void): () => void {
    if (!this.db) throw new DatabaseUnavailableError('database not ready');
    return this.db.onQuery(listener);
  }

  /** LISTEN after the database is ready (see OpenDatabase.listen). */
  async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    await this.whenReady();
    return this.db!.listen(channel, handler);
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.whenReady();
    await this.db!.notify(channel, payload);
  }

  /** The connection pool's state for /metrics (null for the embedded database or before it is open). */
  poolStats(): { inUse: number; idle: number; waiting: number } | null {
    return this.db?.pool() ?? null;
  }

  /** Whether the database is open and answering (without waiting), for /metrics. */
  isReady(): boolean {
    return this.state.status === 'ready';
  }

  /** For /readyz: a live round trip plus the migration bookkeeping. */
  async readiness(): Promise<Readiness> {
    const base = { kind: this.config.database.kind, location: this.location() };
    if (!this.db || this.state.status !== 'ready') {
      const reason = 'reason' in this.state ? this.state.reason : 'not connected';
      return {
        ready: false,
        database: { ...base, reachable: false, error: reason },
        migrations: { applied: 0, pending: this.files.map((f) => f.name) },
      };
    }
    try {
      const status = await withTimeout(this.db.withSession((s) => migrationStatus(s, this.files)), 3_000);
      return {
        ready: status.pending.length === 0,
        database: { ...base, reachable: true },
        migrations: { applied: status.applied.length, pending: status.pending },
      };
    } catch (err) {
      return {
        ready: false,
        database: { ...base, reachable: false, error: err instanceof Error ? err.message : String(err) },
        migrations: { applied: 0, pending: [] },
      };
    }
  }

  private location(): string {
    return this.db?.location ?? (this.config.database.kind === 'pglite' ? this.config.database.dir : 'PostgreSQL (DATABASE_URL)');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.db?.close();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
