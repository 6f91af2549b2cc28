/** What changes between two reachability results of one cluster (before and after a what-if). */
import { isNoConnections, sameConnections } from './connection-set.js';
import type { PeerRef, ReachConnection, ReachabilityResult } from './types.js';

export interface ConnectionChange {
  source: PeerRef;
  destination: PeerRef;
  before: ReachConnection;
  after: ReachConnection;
}

export interface ConnectivityDiff {
  /** Nothing allowed before (or the pair did not exist), something after: as after. */
  gained: ReachConnection[];
  /** Something allowed before, nothing after (or the pair is gone): as before. */
  lost: ReachConnection[];
  /** Allowed both times, but not the same connections. */
  changed: ConnectionChange[];
}

const pairKey = (c: ReachConnection) => `${c.src.id}\0${c.dst.id}`;

/** Pairs are compared by their peers' ids; outside ranges cut differently are different peers. */
export function diffConnectivity(before: ReachabilityResult, after: ReachabilityResult): ConnectivityDiff {
  const old = new Map<string, ReachConnection>();
  for (const c of before.connections) if (!isNoConnections(c.connections)) old.set(pairKey(c), c);
  const gained: ReachConnection[] = [];
  const changed: ConnectionChange[] = [];
  const kept = new Set<string>();
  for (const c of after.connections) {
    if (isNoConnections(c.connections)) continue;
    const k = pairKey(c);
    const b = old.get(k);
    if (!b) gained.push(c);
    else {
      kept.add(k);
      if (!sameConnections(b.connections, c.connections)) changed.push({ source: c.src, destination: c.dst, before: b, after: c });
    }
  }
  const lost = [...old.entries()].filter(([k]) => !kept.has(k)).map(([, c]) => c);
  return { gained, lost, changed };
}
