import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../support/wait-for.js';

/** The built API, as the images and scripts/start.mjs run it. */
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ApiProcess {
  readonly name: string;
  readonly role: 'api' | 'sync';
  readonly port: number;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Set when the test killed it with SIGKILL: requests it was serving may be cut. */
  killed: boolean;
  /** Set when the test sent it SIGTERM: its listener closes, resetting connections the kernel queued but it never accepted. */
  stopping: boolean;
  /** Every line it logged (JSON). */
  readonly lines: string[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts `node apps/api/dist/main.js` in ROLE `role` and waits until /readyz answers 200. */
export async function startApiProcess(name: string, role: 'api' | 'sync', env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, ROLE: role, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const proc: ApiProcess = { name, role, port, child, exited, killed: false, stopping: false, lines };
  await waitFor(async () => (await call(port, 'GET', '/readyz').catch(() => undefined))?.status === 200, `${name} ready`, 60_000, 200);
  return proc;
}

export interface Answer {
  status: number;
  body: string;
}

/**
 * One request on a connection of its own (no keep-alive), so "refused" always means the
 * listener was closed before anything was sent — what a load balancer retries elsewhere.
 */
export function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let responded = false;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        res.on('error', reject);
      },
    );
    // No answer had begun: what a balancer may retry elsewhere for an idempotent request.
    req.on('error', (err) => reject(Object.assign(err, { beforeResponse: !responded })));
    req.on('response', () => (responded = true));
    req.end(payload);
  });
}

/**
 * Nothing reached the process: the connection was refused, or reset before any answer by a
 * process whose listener was closing — a connection the kernel had queued for it but that it
 * never accepted (a draining process answers every request it accepted). The reset reaches
 * the client while opening the connection or, when the request was already written, while
 * reading. Balancers retry these elsewhere for idempotent requests, as the test's reads are.
 */
export const isRefused = (err: unknown, target?: { stopping: boolean }) => {
  const e = err as NodeJS.ErrnoException & { syscall?: string; beforeResponse?: boolean };
  if (e.code === 'ECONNREFUSED') return true;
  return e.code === 'ECONNRESET' && (e.syscall === 'connect' || (e.beforeResponse === true && target?.stopping === true));
};
