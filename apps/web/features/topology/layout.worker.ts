/// <reference lib="webworker" />
// Lays out topology graphs off the main thread, one request after the other, answered by id.
import { type ElkLike, type LayoutAnswer, type LayoutRequest, TopologyLayouter } from './layout-graph';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// ELK (1.5 MB) loads beside the first requests rather than before them: pieces that are a
// straight chain are laid out without it. Started in a worker, elk.bundled.js installs its own
// message handler (when the first ELK is created); ours is put back.
const handler = (ev: MessageEvent<LayoutRequest>) => void (queue = queue.then(() => run(ev.data)));
const loadElk = async (): Promise<ElkLike> => {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  scope.onmessage = handler;
  return elk;
};
// One layouter per session: the shapes ELK laid out are reused by every later layout.
const layouter = new TopologyLayouter(loadElk);
let queue: Promise<unknown> = Promise.resolve();
// Loading ELK blocks this thread for a moment (the chunk loads synchronously here), so it is
// warmed up after the first answer, not before it (a cold first run is several times slower).
let warmed = false;
const warmUpLater = () => {
  if (warmed) return;
  warmed = true;
  queue = queue.then(() => layouter.warmUp().catch(() => undefined));
};

async function run({ id, ...req }: LayoutRequest): Promise<void> {
  const started = performance.now();
  const runs = layouter.elkRuns;
  try {
    const positions = await layouter.layout(req);
    scope.postMessage({ id, positions, ms: Math.round(performance.now() - started), elkRuns: layouter.elkRuns - runs } satisfies LayoutAnswer);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies LayoutAnswer);
  }
  warmUpLater();
}

scope.onmessage = handler;
