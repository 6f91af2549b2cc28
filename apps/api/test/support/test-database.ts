import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';

/**
 * A fresh, empty database for one test file: a new database on the PostgreSQL
 * server named by DATABASE_URL when set, else an embedded PGlite folder.
 */
export interface TestDatabase {
  readonly database: AppConfig['database'];
  readonly dataDir: string;
  config(env?: Record<string, string>): AppConfig;
  dispose(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** Every test app has this admin token configured; api-client sends it unless told otherwise. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** Tests make hundreds of changes a minute with one token: limits are tested on their own. */
const TEST_AUTH_ENV = {
  SWITCHBOARD_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
  RATE_LIMIT_MUTATIONS: '1000000',
  RATE_LIMIT_LOGINS: '1000000',
  RATE_LIMIT_AUTH_FAILURES: '1000000',
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-test-'));
  let database: AppConfig['database'];
  let drop = async () => undefined as void;
  if (usingPostgres) {
    const admin = new URL(process.env.DATABASE_URL!);
    const name = `switchboard_test_${randomBytes(6).toString('hex')}`;
    await withClient(admin.toString(), (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    database = { kind: 'postgres', url: url.toString() };
    drop = async () => {
      await withClient(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    };
  } else {
    database = { kind: 'pglite', dir: path.join(dataDir, 'pglite') };
  }
  return {
    database,
    dataDir,
    config(env = {}) {
      const base = loadConfig({ ...TEST_AUTH_ENV, SWITCHBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'error', SWITCHBOARD_DEMO: '0', PORT: '4000', ...env });
      return { ...base, database: env.DATABASE_URL ? base.database : database };
    },
    async dispose() {
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
