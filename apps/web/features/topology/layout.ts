import type { TopologyNodeLike, TopologyView } from '@switchboard/k8s-model';
import { type LayoutAnswer, layoutInput, layoutKey, type LayoutRequest, type Positions } from './layout-graph';

// One worker per session, layouts cached per key: going back to a view costs nothing.
const CACHE_SIZE = 24;
const cache = new Map<string, Positions>();
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (p: { positions: Positions; ms: number; engineRuns: number }) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'topology-layout' });
  worker.onmessage = (ev: MessageEvent<LayoutAnswer>) => {
    const p = pending.get(ev.data.id);
    if (!p) return;
    pending.delete(ev.data.id);
    if ('error' in ev.data) p.reject(new Error(ev.data.error));
    else p.resolve({ positions: ev.data.positions, ms: ev.data.ms, engineRuns: ev.data.engineRuns });
  };
  worker.onerror = (ev) => {
    const err = new Error(`the layout worker failed: ${ev.message || 'could not start'}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Starts the worker early (it loads the layout engine), so the first layout does not wait for it. */
export function warmUpLayout(): void {
  if (typeof window !== 'undefined') layoutWorker();
}

export function cachedLayout(key: string): Positions | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** Lays out a view off the main thread (or answers from the cache). */
export async function layoutView(view: TopologyView<TopologyNodeLike>, key = layoutKey(view)): Promise<{ positions: Positions; ms: number; engineRuns: number; cached: boolean }> {
  const hit = cachedLayout(key);
  if (hit) return { positions: hit, ms: 0, engineRuns: 0, cached: true };
  const id = nextId++;
  const answer = await new Promise<{ positions: Positions; ms: number; engineRuns: number }>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, ...layoutInput(view) } satisfies LayoutRequest);
  });
  cache.set(key, answer.positions);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { ...answer, cached: false };
}
