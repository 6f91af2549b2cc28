import { appendFileSync } from 'node:fs';

/** One measured goal. `baseline` is a reference measured in the same run on the same machine. */
export interface BenchResult {
  /** Stable id, e.g. "kube-sim.list-10k-services". */
  id: string;
  /** What was measured, in words. */
  title: string;
  unit: 'ms' | 'MiB' | 'bytes/object' | 'events/s' | 'kB' | 'score' | 'rows/s' | 'req/s' | 'count' | 'factor';
  value: number;
  /** The goal from the issue: value must stay at or under `max` (or at or over `min`). */
  goal: { max?: number; min?: number; source: string };
  baseline?: { label: string; value: number };
  /** Extra numbers worth keeping (sizes, counts, percentiles). */
  details?: Record<string, number | string>;
}

/** Appends a result for bench/run.mjs to print; also returns whether the goal was met. */
export function recordResult(result: BenchResult): boolean {
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
  const { max, min } = result.goal;
  return (max === undefined || result.value <= max) && (min === undefined || result.value >= min);
}

/** Wall time of fn in milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** Heap in use after a full collection (needs --expose-gc, which bench/vitest.config.ts sets). */
export function heapUsedAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run benchmarks with `npm run bench` (node --expose-gc)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
