'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useQuery } from 'urql';
import { type ApiProblem, problemOfUrql } from '../../lib/graphql/errors';
import { useLive } from '../live/use-live';
import { type Graph, type SeedResult, type TopologyScope, topologyRequest } from './model';
import { TopologyQuery } from './queries';

const noop = () => () => {};
/** False on the server and during hydration, true after: the urql client exists only in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

/** The API's refusal as the dashboard shows problems (code, message, fields). */

/** User timing marks, read by the tests and the bench (performance.getEntriesByName). */
export function markTopology(name: string, detail?: Record<string, unknown>): void {
  if (typeof performance !== 'undefined' && performance.mark) performance.mark(`topology:${name}`, { detail });
}

/**
 * The graph of a scope, kept live: a catalog change in the shown cluster/namespace refetches
 * it, and the graph shown meanwhile stays (so the viewport does not jump). `seed`: the answer
 * the server already fetched for this scope while the page loaded (no second request).
 * Only call it where the urql client exists (see `useHydrated`).
 */
export function useTopology(scope: TopologyScope, seed?: SeedResult | null): { graph: Graph | null; fetching: boolean; problem: ApiProblem | null; refetch: () => void } {
  const { key } = topologyRequest(scope);
  const variables = useMemo(() => JSON.parse(key) as ReturnType<typeof topologyRequest>['variables'], [key]);
  // Scopes asked over the network (a seeded scope is, from its first live change on).
  const [fetched, setFetched] = useState<string | null>(null);
  const seeded = !!seed && fetched !== key;
  useEffect(() => {
    if (!seeded) markTopology('request', { scope: key });
  }, [key, seeded]);
  const [result, reexecute] = useQuery({ query: TopologyQuery, variables, requestPolicy: 'cache-and-network', pause: seeded });
  const refetch = useCallback(() => {
    if (fetched !== key) setFetched(key);
    else reexecute({ requestPolicy: 'network-only' });
  }, [fetched, key, reexecute]);
  const cluster = scope.service?.cluster ?? scope.cluster ?? null;
  const namespace = scope.service?.namespace ?? scope.namespace ?? null;
  useLive({ catalog: { ...(cluster ? { clusters: [cluster] } : {}), ...(namespace ? { namespaces: [namespace] } : {}) } }, refetch);

  // A graph of another scope (the one before a filter change) is not this scope's graph.
  const current = !result.operation || JSON.stringify(result.operation.variables) === key;
  const fresh = seeded ? (seed.ok ? seed.data.topology : null) : current ? (result.data?.topology ?? null) : null;
  const problem = seeded ? (seed.ok ? null : seed.problem) : current && result.error ? problemOfUrql(result.error) : null;
  // While a seeded scope's first network answer is on its way, the seed stays drawn.
  const [kept, setKept] = useState<{ key: string; graph: Graph } | null>(null);
  if (fresh && (kept?.key !== key || kept.graph !== fresh)) setKept({ key, graph: fresh });
  const graph = fresh ?? (kept?.key === key && !problem ? kept.graph : null);
  useEffect(() => {
    if (graph) markTopology('data', { nodes: graph.nodes.length, edges: graph.edges.length, seeded });
  }, [graph, seeded]);
  return { graph, fetching: !seeded && (result.fetching || !current), problem, refetch };
}
