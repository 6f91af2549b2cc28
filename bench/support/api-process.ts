// What the benchmarks read of the API process from outside: its resident memory from
// /proc (current and peak), and its heap after a full collection through the inspector
// protocol (the API started with `--inspect=127.0.0.1:0`), so production needs no debug hook.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

/** Resident set now and its peak since the process started, in bytes (Linux /proc). */
export function residentMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The inspector's WebSocket address, from what the process printed ("Debugger listening on ws://…"). */
export function inspectorUrl(output: string): string {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error('the API was not started with --inspect');
  return url;
}

/** A session on the inspector behind `url`: one protocol call at a time. */
async function inspect<T>(url: string, fn: (send: (method: string, params?: object) => Promise<any>) => Promise<T>): Promise<T> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(String(data));
        if (m.id !== mine) return;
        ws.off('message', onMessage);
        if (m.error) reject(new Error(m.error.message));
        else resolve(m.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  try {
    return await fn(send);
  } finally {
    ws.close();
  }
}

/** Collects garbage in the process behind `url` (twice), then returns its process.memoryUsage(). */
export function memoryAfterGc(url: string): Promise<NodeJS.MemoryUsage> {
  return inspect(url, async (send) => {
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const r = await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    return JSON.parse(r.result.value);
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * The process's CPU profile while `during` runs (a .cpuprofile, for Chrome's DevTools) and
 * its functions with the most self time, as "share% name file:line".
 */
export function cpuProfile(url: string, during: () => Promise<unknown>): Promise<{ profile: object; top: string[] }> {
  return inspect(url, async (send) => {
    await send('Profiler.enable');
    await send('Profiler.start');
    let profile: { nodes: ProfileNode[] };
    try {
      await during();
    } finally {
      ({ profile } = await send('Profiler.stop'));
    }
    const nodes = profile.nodes;
    const total = nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
    const self = new Map<string, number>();
    for (const n of nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/apps\//, 'apps/')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${((100 * v) / total).toFixed(1)}% ${k}`);
    return { profile, top };
  });
}
