'use client';

import type { TopologyView } from '@switchboard/k8s-model';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type ApiProblem, problemOfUrql } from '../../lib/graphql/errors';
import type { TopologyConnectionsQuery as Data } from '../../lib/graphql/generated/graphql';
import { useLive } from '../live/use-live';
import type { GraphNode } from './model';
import { TopologyConnectionsQuery } from './queries';

type Connection = Data['connectivity']['connections'][number];
type End = Connection['source'];

/** At most this many connection edges are drawn (they are not laid out, but each costs a path); the outline lists all. */
export const CONNECTION_EDGE_BUDGET = 120;

export interface ConnectionEdge {
  id: string;
  source: string;
  target: string;
  /** The ports as netpol-analyzer prints them ("TCP 3000"), or "All Connections". */
  text: string;
  /** "web → api": the workloads it stands for. */
  between: string;
  /** The first edge of a connection carries the port label; the others (more pods of the same pair) do not repeat it. */
  labelled: boolean;
}

export interface ConnectionLayer {
  edges: ConnectionEdge[];
  /** Pod node id → "can connect to api [Deployment]: TCP 3000" lines, for the outline. */
  byPod: ReadonlyMap<string, string[]>;
  /** Connections between workloads whose pods the view does not draw one by one or in a group (folded, over budget, or not behind a service). */
  notDrawn: number;
  /** Connections from or to address ranges outside the cluster (not drawn: they have no node). */
  external: number;
  /** Pairs open because no policy isolates either end (not drawn: in a cluster without policies that is every pair). */
  open: number;
  total: number;
}

const workloadKey = (namespace: string | null | undefined, name: string | null | undefined, kind: string | null | undefined) => `${namespace}/${name}[${kind}]`;
const nameOf = (e: End) => `${e.name} [${e.kind}]`;

/**
 * Places each connection a NetworkPolicy allows (one end isolated, a rule letting it through)
 * between two workloads on the drawn items that show their
 * pods (a pod, or its pod group): one dashed edge per pair of drawn items, within a budget.
 */
export function placeConnections(data: Data, cluster: string, view: TopologyView<GraphNode>): ConnectionLayer {
  const podsOf = new Map(data.workloads.map((w) => [workloadKey(w.namespace, w.name, w.kind), w.pods.map((p) => `pod:${cluster}/${w.namespace}/${p}`)]));
  const drawable = new Set(view.items.filter((i) => i.type === 'object' || i.type === 'group').map((i) => i.id));
  const itemsOf = (e: End) => [...new Set((podsOf.get(workloadKey(e.namespace, e.name, e.kind)) ?? []).map((p) => view.shownBy.get(p)).filter((id): id is string => !!id && drawable.has(id)))];
  const edges = new Map<string, ConnectionEdge>();
  const byPod = new Map<string, string[]>();
  let notDrawn = 0;
  let external = 0;
  let open = 0;
  for (const c of data.connectivity.connections) {
    if (!c.why.ingress.isolated && !c.why.egress.isolated) {
      open++;
      continue;
    }
    if (c.source.type !== 'WORKLOAD' || c.destination.type !== 'WORKLOAD') {
      external++;
      continue;
    }
    for (const pod of podsOf.get(workloadKey(c.source.namespace, c.source.name, c.source.kind)) ?? []) {
      const lines = byPod.get(pod) ?? [];
      lines.push(`can connect to ${nameOf(c.destination)}: ${c.text}`);
      byPod.set(pod, lines);
    }
    const from = itemsOf(c.source);
    const to = itemsOf(c.destination);
    let drawn = false;
    for (const s of from)
      for (const t of to) {
        const id = `conn:${s}->${t}`;
        if (s === t || edges.has(id) || edges.size >= CONNECTION_EDGE_BUDGET) continue;
        edges.set(id, { id, source: s, target: t, text: c.text, between: `${nameOf(c.source)} → ${nameOf(c.destination)}`, labelled: !drawn });
        drawn = true;
      }
    if (!drawn) notDrawn++;
  }
  return { edges: [...edges.values()], byPod, notDrawn, external, open, total: data.connectivity.connections.length };
}

/** The connections of the shown cluster (namespace), asked only while the layer is on, refetched on policy and pod changes. */
export function useConnectionLayer(on: boolean, cluster: string | null, namespace: string | null): { data: Data | null; fetching: boolean; problem: ApiProblem | null } {
  const variables = useMemo(() => ({ cluster: cluster ?? '', namespace }), [cluster, namespace]);
  const [result, reexecute] = useQuery({ query: TopologyConnectionsQuery, variables, pause: !on || !cluster });
  const active = on && !!cluster;
  useLive(active ? { catalog: { clusters: [cluster], kinds: ['NETWORK_POLICY', 'POD', 'NAMESPACE'] } } : {}, () => {
    if (active) reexecute({ requestPolicy: 'network-only' });
  });
  const current = result.operation && result.operation.variables.cluster === variables.cluster && result.operation.variables.namespace === variables.namespace;
  return { data: on && current ? (result.data ?? null) : null, fetching: on && result.fetching, problem: on && current && result.error ? problemOfUrql(result.error) : null };
}
