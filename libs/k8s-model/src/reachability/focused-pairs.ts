/** The pairs of a compiled cluster with an end the focus keeps, computing only those (not every pair). */
import type { CompiledReachability } from './engine.js';
import type { PeerRef, ReachabilityResult } from './types.js';

export function focusedResult(c: CompiledReachability, keep: (workload: PeerRef) => boolean): ReachabilityResult {
  const focus = c.workloads.filter((w) => keep(w.ref));
  const connections: ReachabilityResult['connections'] = [];
  for (const src of c.workloads)
    for (const dst of c.workloads) if (src !== dst && (keep(src.ref) || keep(dst.ref))) connections.push(c.connect(src.ref, src.classes, dst.ref, dst.classes));
  for (const w of focus) c.externalDestinations.forEach((_, ai) => connections.push(c.toExternal(w.ref, w.classes, ai)));
  c.externalSources.forEach((_, ai) => {
    for (const w of focus) connections.push(c.fromExternal(ai, w.ref, w.classes));
  });
  const range = (p: PeerRef) => (p.type === 'external' ? p.range : p.id);
  return { workloads: c.workloads.map((w) => w.summary), externalSources: c.externalSources.map(range), externalDestinations: c.externalDestinations.map(range), connections };
}
