import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { DatabaseUnavailableError } from '../src/database/database-errors.js';
import { openDatabase } from '../src/database/open-database.js';
import { TEST_ADMIN_TOKEN } from './support/test-database.js';
import { type RunningApp, startTestApp } from './support/test-app.js';

/** A port with nothing listening: bind, note it, close. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('when PostgreSQL cannot be reached', () => {
  let dir: string;
  let api: RunningApp;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-nodb-'));
    const port = await closedPort();
    const config = loadConfig({
      SWITCHBOARD_DATA_DIR: dir,
      DATABASE_URL: `postgresql://switchboard:s3cret-pw@127.0.0.1:${port}/catalog`,
      LOG_LEVEL: 'error',
      SWITCHBOARD_DEMO: '0',
      SWITCHBOARD_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    });
    api = await startTestApp(config, { waitForDatabase: false, skipAuditCheck: true });
  });
  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stays alive and says why it is not ready, without the password', async () => {
    expect((await api.fetch(`${api.url}/healthz`)).status).toBe(200);
    let body: { ready: boolean; reason: string } | undefined;
    for (let i = 0; i < 50 && !body?.reason?.includes('is unreachable'); i++) {
      const res = await api.fetch(`${api.url}/readyz`);
      expect(res.status).toBe(503);
      body = (await res.json()) as any;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body!.ready).toBe(false);
    // The cause is the driver's (ECONNREFUSED, or a reset when another test's server took the freed port meanwhile).
    expect(body!.reason).toMatch(/database unreachable: PostgreSQL at postgresql:\/\/switchboard:\*\*\*@127\.0\.0\.1:\d+\/catalog is unreachable: (.*ECONNREFUSED|Connection terminated unexpectedly)/);
    expect(JSON.stringify(body)).not.toContain('s3cret-pw');
  });

  it('reports the database as not ready over the API', async () => {
    const res = await api.fetch(`${api.url}/api/v1/system`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).database.ready).toBe(false);
  });
});

describe('the embedded database folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-pglite-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a folder that belongs to something else, naming it', async () => {
    const foreign = path.join(dir, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'not a database');
    const err = await openDatabase({ kind: 'pglite', dir: foreign }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toContain(`The embedded database folder ${foreign} is not empty and is not a PostgreSQL data folder`);
  });

  it('reports a corrupted folder by name instead of crashing', async () => {
    const corrupt = path.join(dir, 'corrupt');
    await mkdir(corrupt);
    await writeFile(path.join(corrupt, 'PG_VERSION'), 'garbage\n');
    await mkdir(path.join(corrupt, 'base'));
    const err = await openDatabase({ kind: 'pglite', dir: corrupt }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toContain(`The embedded database folder ${corrupt} could not be opened`);
  });
});

describe('the API process', () => {
  it('stops at startup with a message naming a wrong variable', async () => {
    // The compiled entry point is what users run; `npm test` builds it first.
    const main = new URL('../dist/main.js', import.meta.url);
    const { stderr, code } = await runNode(['-e', `process.env.PORT='x';import('${main.href}')`]);
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid configuration: PORT must be a whole number, got "x"');
  });
});

function runNode(args: string[]): Promise<{ stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ stderr, code }));
  });
}
