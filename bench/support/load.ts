// Load from a second process: autocannon's command line (a child process, so its event
// loop and CPU are not the benchmark's), its JSON summary read back.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LoadResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  /** Answers other than 2xx, and requests that failed or timed out. */
  failures: number;
}

export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');

/** `connections` connections for `seconds` against one request; p50/p99 in ms. */
export function load(req: LoadRequest, connections: number, seconds: number): Promise<LoadResult> {
  const args = [cli, '--json', '-c', String(connections), '-d', String(seconds), '-t', '120', '-m', req.method ?? 'GET'];
  for (const [k, v] of Object.entries(req.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (req.body) args.push('-b', req.body);
  args.push(req.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err}`));
      const r = JSON.parse(out) as { latency: { p50: number; p99: number }; requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number };
      // Nothing answered within the run: its latency is longer than the run, not 0.
      const none = r.requests.total === 0 ? Number.POSITIVE_INFINITY : undefined;
      resolve({ p50: none ?? r.latency.p50, p99: none ?? r.latency.p99, requestsPerSecond: r.requests.average, requests: r.requests.total, failures: r.non2xx + r.errors + r.timeouts });
    });
  });
}
