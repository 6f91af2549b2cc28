import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

export interface RunningProduct {
  readonly apiUrl: string;
  /** '' when started without the dashboard. */
  readonly webUrl: string;
  /** The API process, for benchmarks that read its memory. */
  readonly apiPid: number;
  /** Everything both processes wrote, for the credential scan. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitUntil(url: string, what: string, ok: (status: number) => boolean, children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) throw new Error(`${what}: a process exited with ${dead.exitCode} before it was ready`);
    const res = await fetch(url).catch(() => undefined);
    if (res && ok(res.status)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} was not ready within 90 s`);
}

export interface ProductOptions {
  /** A PostgreSQL database for the API (the benchmarks'); default: embedded PGlite in a fresh folder. */
  databaseUrl?: string;
  /** More environment for the API (e.g. rate limits). */
  apiEnv?: Record<string, string>;
  /** Node.js flags for the API process (benchmarks: `--inspect=127.0.0.1:0` to collect garbage before reading the heap). */
  apiNodeArgs?: string[];
  /** false: the API alone (benchmarks of the API). Default true. */
  dashboard?: boolean;
}

/**
 * The API (built dist, embedded database unless told otherwise, no demo) and the
 * production dashboard in front of it, started as `npm start` starts them.
 */
export async function startProduct(adminToken: string, opts: ProductOptions = {}): Promise<RunningProduct> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-web-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const withDashboard = opts.dashboard !== false;
  const webUrl = withDashboard ? `http://127.0.0.1:${webPort}` : '';
  let log = '';
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const api = spawn(process.execPath, [...(opts.apiNodeArgs ?? []), path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1', SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_DEMO: '0', SWITCHBOARD_ADMIN_TOKEN: adminToken, TRUST_PROXY: '127.0.0.1', SWITCHBOARD_DASHBOARD_URL: webUrl, LOG_LEVEL: 'warn', ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}), ...opts.apiEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const children: ChildProcess[] = [api];
  if (withDashboard) {
    const web = spawn(process.execPath, [path.join(root, 'apps/web/server.mjs'), '--port', String(webPort), '--hostname', '127.0.0.1'], {
      cwd: root,
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1', SWITCHBOARD_API_URL: apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(web);
  }
  for (const child of children) {
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
  }
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntil(`${apiUrl}/readyz`, 'API', (s) => s === 200, children);
    if (withDashboard) await waitUntil(`${webUrl}/login`, 'dashboard', (s) => s === 200, children);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { apiUrl, webUrl, apiPid: api.pid!, output: () => log, stop };
}
