/** np-guard netpol-analyzer's connection-list text format (`SRC => DST : CONNS`, sorted). */
import { formatConnections, isNoConnections } from './connection-set.js';
import type { ReachabilityResult } from './types.js';

/** One line per pair with any allowed connection, sorted byte-wise by src then dst. */
export function formatConnectionListTxt(result: ReachabilityResult): string {
  const lines = result.connections
    .filter((c) => !isNoConnections(c.connections))
    .map((c) => ({ src: c.src.id, dst: c.dst.id, text: `${c.src.id} => ${c.dst.id} : ${formatConnections(c.connections)}` }));
  // Byte-wise comparison (Go string `<`): the ids are ASCII, so code-unit order is byte order.
  lines.sort((a, b) => (a.src < b.src ? -1 : a.src > b.src ? 1 : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0));
  return lines.map((l) => `${l.text}\n`).join('');
}
