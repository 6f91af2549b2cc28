import path from 'node:path';
import { dns1123LabelErrors } from '@switchboard/k8s-model';
import type { AppConfig, AuthConfig, LogLevel, OidcConfig, ProcessRole } from './app-config.js';
import { ConfigError } from './config-error.js';

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const ROLES: readonly ProcessRole[] = ['api', 'sync', 'all'];
const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;

/**
 * The only place that reads the environment. Every variable is documented in the
 * README's configuration table (test/config.spec.ts fails on one that is not).
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const dataDir = path.resolve(cwd, nonEmpty(env, 'SWITCHBOARD_DATA_DIR') ?? '.data');
  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  return {
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    port: port(env, 'PORT', 4000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', LOG_FORMATS, 'auto'),
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
      registerAs: inClusterName(env),
    },
    registerKubeconfig: nonEmpty(env, 'SWITCHBOARD_REGISTER_KUBECONFIG') ? path.resolve(cwd, nonEmpty(env, 'SWITCHBOARD_REGISTER_KUBECONFIG')!) : null,
    auth: auth(env),
    sync: {
      leaseSeconds: integer(env, 'SYNC_LEASE_SECONDS', 15, 2, 3600),
      watchIdleSeconds: integer(env, 'SYNC_WATCH_IDLE_SECONDS', 90, 1, 3600),
      pageSize: integer(env, 'SYNC_PAGE_SIZE', 500, 1, 10_000),
    },
  };
}

function auth(env: Env): AuthConfig {
  const adminToken = nonEmpty(env, 'SWITCHBOARD_ADMIN_TOKEN') ?? null;
  if (adminToken !== null && (adminToken.length < 24 || /\s/.test(adminToken))) {
    throw new ConfigError('SWITCHBOARD_ADMIN_TOKEN', 'must be at least 24 characters without spaces (e.g. `openssl rand -hex 24`)');
  }
  const dashboardUrl = nonEmpty(env, 'SWITCHBOARD_DASHBOARD_URL');
  if (dashboardUrl !== undefined) httpUrl('SWITCHBOARD_DASHBOARD_URL', dashboardUrl);
  const secure = nonEmpty(env, 'SESSION_COOKIE_SECURE')?.toLowerCase() ?? 'auto';
  if (!['auto', '1', '0', 'true', 'false'].includes(secure)) throw new ConfigError('SESSION_COOKIE_SECURE', `must be auto, 1 or 0, got "${secure}"`);
  return {
    adminToken,
    dashboardUrl: dashboardUrl?.replace(/\/+$/, '') ?? null,
    metricsPublic: flag(env, 'METRICS_PUBLIC', false),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: secure === 'auto' ? 'auto' : secure === '1' || secure === 'true',
    trustProxy: trustProxy(env),
    rateLimits: {
      mutationsPerMinute: integer(env, 'RATE_LIMIT_MUTATIONS', 120, 1, 1_000_000),
      loginsPerMinute: integer(env, 'RATE_LIMIT_LOGINS', 10, 1, 1_000_000),
      authFailuresPerMinute: integer(env, 'RATE_LIMIT_AUTH_FAILURES', 20, 1, 1_000_000),
    },
    oidc: oidc(env),
  };
}

function oidc(env: Env): OidcConfig | null {
  const issuer = nonEmpty(env, 'OIDC_ISSUER');
  const clientId = nonEmpty(env, 'OIDC_CLIENT_ID');
  const clientSecret = nonEmpty(env, 'OIDC_CLIENT_SECRET');
  const redirectUrl = nonEmpty(env, 'OIDC_REDIRECT_URL');
  if (!issuer && !clientId && !clientSecret && !redirectUrl) return null;
  for (const [name, v] of [['OIDC_ISSUER', issuer], ['OIDC_CLIENT_ID', clientId], ['OIDC_CLIENT_SECRET', clientSecret], ['OIDC_REDIRECT_URL', redirectUrl]] as const) {
    if (!v) throw new ConfigError(name, 'is required when OpenID Connect is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL)');
  }
  httpUrl('OIDC_ISSUER', issuer!);
  httpUrl('OIDC_REDIRECT_URL', redirectUrl!);
  return {
    issuer: issuer!.replace(/\/+$/, ''),
    clientId: clientId!,
    clientSecret: clientSecret!,
    redirectUrl: redirectUrl!,
    scopes: nonEmpty(env, 'OIDC_SCOPES') ?? 'openid profile email',
    roleClaim: nonEmpty(env, 'OIDC_ROLE_CLAIM') ?? 'switchboard_role',
    grantsClaim: nonEmpty(env, 'OIDC_GRANTS_CLAIM') ?? 'switchboard_grants',
  };
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A hop count, or which peers are proxies: loopback, linklocal, uniquelocal, addresses, CIDRs. */
function trustProxy(env: Env): number | string[] {
  const raw = nonEmpty(env, 'TRUST_PROXY');
  if (raw === undefined || /^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of entries) {
    if (!PROXY_RANGES.has(e) && !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(e)) {
      throw new ConfigError('TRUST_PROXY', `must be a number of proxy hops or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges; "${e}" is none of these`);
    }
  }
  return entries;
}

function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  return url;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const v = raw.toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(v)) return true;
  if (['0', 'false', 'off', 'no'].includes(v)) return false;
  throw new ConfigError(name, `must be 0 or 1, got "${raw}"`);
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

function inClusterName(env: Env): string | null {
  const name = nonEmpty(env, 'SWITCHBOARD_IN_CLUSTER_NAME');
  if (name === undefined) return null;
  const bad = dns1123LabelErrors(name);
  if (bad.length) throw new ConfigError('SWITCHBOARD_IN_CLUSTER_NAME', `must be a cluster name (a DNS-1123 label): ${bad.join('; ')}`);
  if (!nonEmpty(env, 'KUBERNETES_SERVICE_HOST')) throw new ConfigError('SWITCHBOARD_IN_CLUSTER_NAME', 'is set, but this process does not run in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set)');
  return name;
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
