/// <reference lib="webworker" />
// Lays out topology graphs off the main thread, one request after the other, answered by id.
import { type LayoutAnswer, type LayoutRequest, TopologyLayouter } from './layout-graph';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// dagre loads beside the first request rather than before it: pieces that are a straight
// chain are laid out without it.
const layouter = new TopologyLayouter(async () => (await import('./dagre-engine')).dagreEngine);
let queue: Promise<unknown> = Promise.resolve();
// Warmed after the first answer, not before it (a cold first run is several times slower).
let warmed = false;
const warmUpLater = () => {
  if (warmed) return;
  warmed = true;
  queue = queue.then(() => layouter.warmUp().catch(() => undefined));
};

async function run({ id, ...req }: LayoutRequest): Promise<void> {
  const started = performance.now();
  const runs = layouter.engineRuns;
  try {
    const positions = await layouter.layout(req);
    scope.postMessage({ id, positions, ms: Math.round(performance.now() - started), engineRuns: layouter.engineRuns - runs } satisfies LayoutAnswer);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies LayoutAnswer);
  }
  warmUpLater();
}

scope.onmessage = (ev: MessageEvent<LayoutRequest>) => void (queue = queue.then(() => run(ev.data)));
