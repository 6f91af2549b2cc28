import path from 'node:path';
import type { AppConfig, LogLevel, ProcessRole } from './app-config.js';
import { ConfigError } from './config-error.js';

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const ROLES: readonly ProcessRole[] = ['api', 'sync', 'all'];

/**
 * The only place that reads the environment. Every variable is documented in the
 * README's configuration table; keep the two in step.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const dataDir = path.resolve(cwd, nonEmpty(env, 'SWITCHBOARD_DATA_DIR') ?? '.data');
  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  return {
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    port: port(env, 'PORT', 4000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    role: oneOf(env, 'ROLE', ROLES, 'all'),
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: postgresUrl(databaseUrl) }
      : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
    databaseConnectTimeoutSeconds: integer(env, 'DATABASE_CONNECT_TIMEOUT', 0, 0, 86400),
    secretKey: secretKey(env),
    demo: demo(env),
    corsOrigins: list(env, 'CORS_ORIGINS'),
    graphqlLimits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 1000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 20_000, 10, 10_000_000),
    },
    version: nonEmpty(env, 'SWITCHBOARD_VERSION') ?? '0.1.0',
    inCluster: {
      serviceHost: nonEmpty(env, 'KUBERNETES_SERVICE_HOST') ?? null,
      servicePort: nonEmpty(env, 'KUBERNETES_SERVICE_PORT') ?? '443',
      serviceAccountDir: nonEmpty(env, 'SWITCHBOARD_SERVICE_ACCOUNT_DIR') ?? '/var/run/secrets/kubernetes.io/serviceaccount',
    },
    sync: {
      leaseSeconds: integer(env, 'SYNC_LEASE_SECONDS', 15, 2, 3600),
      watchIdleSeconds: integer(env, 'SYNC_WATCH_IDLE_SECONDS', 90, 1, 3600),
      pageSize: integer(env, 'SYNC_PAGE_SIZE', 500, 1, 10_000),
    },
  };
}

function nonEmpty(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function port(env: Env, name: string, fallback: number): number {
  return integer(env, name, fallback, 1, 65535);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const v = raw.toLowerCase() as T;
  if (!allowed.includes(v)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return v;
}

function postgresUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a URL like postgresql://user@host:5432/db');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError('DATABASE_URL', `must use postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

function secretKey(env: Env): Buffer | null {
  const raw = nonEmpty(env, 'SWITCHBOARD_SECRET_KEY');
  if (raw === undefined) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      'SWITCHBOARD_SECRET_KEY',
      'must be 32 bytes, as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)',
    );
  }
  return key;
}

function demo(env: Env): boolean | 'auto' {
  const raw = nonEmpty(env, 'SWITCHBOARD_DEMO');
  if (raw === undefined) return 'auto';
  const v = raw.toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(v)) return true;
  if (['0', 'false', 'off', 'no'].includes(v)) return false;
  if (v === 'auto') return 'auto';
  throw new ConfigError('SWITCHBOARD_DEMO', `must be 0, 1 or auto, got "${raw}"`);
}

function list(env: Env, name: string): string[] {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return [];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    try {
      new URL(item);
    } catch {
      throw new ConfigError(name, `must be a comma-separated list of origins, "${item}" is not a URL`);
    }
  }
  return items;
}
