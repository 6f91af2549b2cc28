'use client';

import { filterTopology, TOPOLOGY_VIEW_DEFAULTS, type TopologyObjectKind, topologyOutline, topologyView } from '@switchboard/k8s-model';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import type { GraphActions } from './graph-nodes';
import { type Graph, type GraphNode, nodeHref } from './model';

export interface ViewChoices {
  kinds: readonly TopologyObjectKind[];
  onlyUnhealthy: boolean;
  /** The node to draw whatever the grouping (searched, or the focused service). */
  reveal: string | null;
  /** Pods behind the same services fold into a group from this many (the shared rules' default otherwise). */
  podGroupMin?: number;
  /** Whether the outline is shown (it is only built then). */
  outline: boolean;
}

/** A service's neighbourhood shows its pods one by one unless there are many. */
export const NEIGHBOURHOOD_POD_GROUP_MIN = 9;

/** "Show more" draws this many more items (the shared rules' budget). */
export const BUDGET_STEP: number = TOPOLOGY_VIEW_DEFAULTS.budget;

type Grouping = { scope: string; toggles: Record<string, boolean>; budget: number };
const startOver = (scope: string): Grouping => ({ scope, toggles: {}, budget: BUDGET_STEP });

/**
 * The graph as the reader sees it, from the shared rules: filtered, grouped and collapsed
 * (`filterTopology`, `topologyView`) and as an outline (`topologyOutline`); plus what each
 * node's Enter/click does. Group toggles and the draw budget start over for each scope.
 */
export function useTopologyView(graph: Graph | null, scopeKey: string, choices: ViewChoices, narrow: (cluster: string, namespace?: string) => void) {
  const router = useRouter();
  const [state, setState] = useState<Grouping>(() => startOver(scopeKey));
  const { toggles, budget } = state.scope === scopeKey ? state : startOver(scopeKey);
  const update = useCallback(
    (change: (g: Grouping) => Partial<Grouping>) =>
      setState((s) => {
        const base = s.scope === scopeKey ? s : startOver(scopeKey);
        return { ...base, ...change(base) };
      }),
    [scopeKey],
  );

  const kindsKey = choices.kinds.join(',');
  const filtered = useMemo(() => (graph ? filterTopology(graph, { kinds: kindsKey ? (kindsKey.split(',') as TopologyObjectKind[]) : null, onlyUnhealthy: choices.onlyUnhealthy }) : null), [graph, kindsKey, choices.onlyUnhealthy]);
  const view = useMemo(() => (filtered ? topologyView(filtered, { toggles, budget, reveal: choices.reveal, podGroupMin: choices.podGroupMin }) : null), [filtered, toggles, budget, choices.reveal, choices.podGroupMin]);
  const outline = useMemo(() => (filtered && choices.outline ? topologyOutline(filtered) : []), [filtered, choices.outline]);
  const byId = useMemo(() => new Map<string, GraphNode>(graph?.nodes.map((n) => [n.id, n]) ?? []), [graph]);
  const edgesById = useMemo(() => new Map(graph?.edges.map((e) => [e.id, e]) ?? []), [graph]);
  const hrefOf = useCallback(
    (id: string) => {
      const n = byId.get(id);
      return n ? nodeHref(n, filtered?.owners.get(id), byId) : null;
    },
    [byId, filtered],
  );

  const toggle = useCallback((id: string, open: boolean) => update((s) => ({ toggles: { ...s.toggles, [id]: open } })), [update]);
  const showMore = useCallback(() => update((s) => ({ budget: s.budget + BUDGET_STEP })), [update]);
  const expandNamespaces = useCallback(() => {
    if (!view) return;
    update((s) => {
      const next = { ...s.toggles };
      for (const i of view.items) if (i.type === 'namespace' && i.collapsed) next[i.id] = true;
      return { toggles: next };
    });
  }, [update, view]);
  const resetGrouping = useCallback(() => update((g) => startOver(g.scope)), [update]);

  const open = useCallback(
    (node: GraphNode) => {
      if (node.kind === 'Cluster') return narrow(node.cluster);
      if (node.kind === 'Namespace') return narrow(node.cluster, node.name);
      const href = hrefOf(node.id);
      if (href) router.push(href);
    },
    [hrefOf, narrow, router],
  );
  const items = useMemo(() => new Map(view?.items.map((i) => [i.id, i]) ?? []), [view]);
  const actions = useMemo<GraphActions>(
    () => ({
      activate(id) {
        const item = items.get(id);
        if (!item) return;
        if (item.type === 'object') open(item.node);
        else if (item.type === 'group') toggle(id, true);
        else if (item.type === 'namespace') {
          if (item.collapsed) toggle(id, true);
          else narrow(item.node.cluster, item.node.name);
        } else if (item.type === 'cluster') narrow(item.node.cluster);
        else showMore();
      },
      toggle,
      narrow,
    }),
    [items, open, toggle, narrow, showMore],
  );

  return { filtered, view, outline, edgesById, hrefOf, actions, open, regrouped: Object.keys(toggles).length > 0 || budget > BUDGET_STEP, expandNamespaces, resetGrouping, showMore };
}
