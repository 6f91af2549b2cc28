import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { withAuth } from './api-client.js';
import { recorder } from './leak-registry.js';

export interface RunningApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly database: DatabaseService;
  /** fetch with the test admin token (unless the request sets its own Authorization). */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real application on an ephemeral port, started the way main.ts starts it. */
export async function startTestApp(config: AppConfig, opts: { waitForDatabase?: boolean; skipAuditCheck?: boolean; /** processes outside this test app that wrote to the same database */ otherOrigins?: string[] } = {}): Promise<RunningApp> {
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const database = app.get(DatabaseService);
  void database.start();
  if (opts.waitForDatabase !== false) await database.whenReady();
  const authedFetch = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: withAuth(Object.fromEntries(new Headers(init.headers).entries())) });
  const url = `http://127.0.0.1:${port}`;
  const shared = sharing(config);
  shared.open++;
  shared.origins.add(url);
  for (const origin of opts.otherOrigins ?? []) shared.origins.add(origin);
  return {
    app,
    url,
    database,
    fetch: authedFetch,
    async close() {
      shared.open--;
      // Apps sharing one database (replicas, restarts) are checked together, once none is serving.
      const problem = opts.skipAuditCheck || shared.open > 0 ? undefined : await auditGap(shared.origins, database).catch(() => undefined);
      await app.close();
      if (problem) throw new Error(problem);
    },
  };
}

interface SharedDatabase {
  open: number;
  origins: Set<string>;
}
const databases = new Map<string, SharedDatabase>();

function sharing(config: AppConfig): SharedDatabase {
  const key = config.database.kind === 'postgres' ? config.database.url : config.database.dir;
  let entry = databases.get(key);
  if (!entry) databases.set(key, (entry = { open: 0, origins: new Set() }));
  return entry;
}

/**
 * Audit completeness, checked for every test app of the suite: each mutation request
 * that got past authentication has its audit row (system actions like demo
 * registrations come on top). Says what is missing, or undefined.
 */
async function auditGap(origins: Set<string>, database: DatabaseService): Promise<string | undefined> {
  const rows = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE actor NOT LIKE 'system:%'`);
  const n = rows[0]?.n ?? 0;
  const expected = [...origins].flatMap((origin) => recorder().requests(origin));
  if (n === expected.length) return undefined;
  return `audit log incomplete: ${expected.length} mutation requests were answered, ${n} audit rows exist; requests: ${expected.map((r) => `${r.method} ${r.path} → ${r.status}`).join(', ')}`;
}
