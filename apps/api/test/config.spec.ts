import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadConfig } from '../src/config/load-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in the data folder, port 4000, demo auto', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(4000);
    expect(c.dataDir).toBe('/srv/app/.data');
    expect(c.database).toEqual({ kind: 'pglite', dir: '/srv/app/.data/pglite' });
    expect(c.demo).toBe('auto');
    expect(c.role).toBe('all');
    expect(c.secretKey).toBeNull();
    expect(c.logLevel).toBe('info');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/sb' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db:5432/sb' });
  });

  it('accepts a hex or base64 secret key of 32 bytes', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ SWITCHBOARD_SECRET_KEY: hex }).secretKey?.length).toBe(32);
    expect(loadConfig({ SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey?.length).toBe(32);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT', 'must be between 1 and 65535, got 70000'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'must be one of error, warn, info, debug, got "loud"'],
    [{ ROLE: 'worker' }, 'ROLE', 'must be one of api, sync, all, got "worker"'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL', 'must use postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'must be a URL'],
    [{ SWITCHBOARD_SECRET_KEY: 'short' }, 'SWITCHBOARD_SECRET_KEY', 'must be 32 bytes'],
    [{ SWITCHBOARD_DEMO: 'maybe' }, 'SWITCHBOARD_DEMO', 'must be 0, 1 or auto'],
    [{ SWITCHBOARD_IN_CLUSTER_NAME: 'Home_Cluster', KUBERNETES_SERVICE_HOST: '10.0.0.1' }, 'SWITCHBOARD_IN_CLUSTER_NAME', 'must be a cluster name (a DNS-1123 label)'],
    [{ SWITCHBOARD_IN_CLUSTER_NAME: 'home' }, 'SWITCHBOARD_IN_CLUSTER_NAME', 'does not run in a Kubernetes pod'],
    [{ CORS_ORIGINS: 'https://ok.example, nope' }, 'CORS_ORIGINS', '"nope" is not a URL'],
    [{ DATABASE_CONNECT_TIMEOUT: '-1' }, 'DATABASE_CONNECT_TIMEOUT', 'must be a whole number'],
    [{ SWITCHBOARD_ADMIN_TOKEN: 'too-short' }, 'SWITCHBOARD_ADMIN_TOKEN', 'must be at least 24 characters'],
    [{ SESSION_COOKIE_SECURE: 'sometimes' }, 'SESSION_COOKIE_SECURE', 'must be auto, 1 or 0'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY', '"everyone" is none of these'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY', 'must be between 0 and 10'],
    [{ OIDC_ISSUER: 'https://id.example' }, 'OIDC_CLIENT_ID', 'is required when OpenID Connect is configured'],
    [{ SWITCHBOARD_DASHBOARD_URL: 'ftp://x' }, 'SWITCHBOARD_DASHBOARD_URL', 'must be an http(s) URL'],
  ])('rejects %o naming %s', (env, variable, problem) => {
    let err: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe(variable);
    expect((err as Error).message).toContain(`Invalid configuration: ${variable} `);
    expect((err as Error).message).toContain(problem);
  });

  it('believes forwarded headers only from the proxies it is told about', () => {
    expect(loadConfig({}).auth.trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).auth.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).auth.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('never echoes a database password in its errors', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/^(?!.*hunter2)/s);
  });
});

describe('the README documents the configuration', () => {
  /** Every variable loadConfig reads, with and without the settings that make it read more. */
  function variablesRead(): Set<string> {
    const read = new Set<string>();
    const envs: Record<string, string>[] = [{}, { OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', OIDC_REDIRECT_URL: 'https://sb.example/cb' }, { DATABASE_URL: 'postgresql://u@db:5432/sb', TRUST_PROXY: 'loopback' }];
    for (const values of envs) {
      const env = new Proxy(values, {
        get(target, key) {
          if (typeof key === 'string') read.add(key);
          return target[key as string];
        },
      });
      loadConfig(env, '/srv/app');
    }
    return read;
  }

  /** The variable names in the first column of the README's configuration table. */
  function documented(): Set<string> {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const names = section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
    return new Set(names);
  }

  it('has a row for every variable load-config.ts reads', () => {
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(30);
    expect([...read].filter((v) => !documented().has(v)).sort()).toEqual([]);
  });
});
