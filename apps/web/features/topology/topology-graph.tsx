'use client';

import type { TopologyView } from '@switchboard/k8s-model';
import { Background, BackgroundVariant, Controls, type Edge, MarkerType, MiniMap, type NodeMouseHandler, ReactFlow, ReactFlowProvider, useReactFlow, type Viewport } from '@xyflow/react';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Skeleton } from '../../components/ui/states';
import { cn } from '../../lib/cn';
import { statusLook } from '../../lib/tone';
import { ariaLabelOf, type GraphActions, GraphActionsContext, type ItemNode, NODE_TYPES, nodeTypeOf, type ViewItem } from './graph-nodes';
import { cachedLayout, layoutView, warmUpLayout } from './layout';
import { type Box, layoutKey, type Positions } from './layout-graph';
import type { ConnectionEdge } from './connection-layer';
import { factsOf, type GraphEdge, type GraphNode } from './model';
import { markTopology } from './use-topology';

export interface TopologyGraphProps {
  view: TopologyView<GraphNode>;
  /** Allowed connections drawn over the graph (not laid out: turning them on moves nothing). */
  connections?: readonly ConnectionEdge[];
  /** Graph edges by id (for labels). */
  edgesById: ReadonlyMap<string, GraphEdge>;
  /** Where each node leads (objects). */
  hrefOf: (id: string) => string | null;
  actions: GraphActions;
  /** The highlighted node (searched, or the focused service) and a counter that re-centres on it. */
  focus: { id: string | null; seq: number };
  /** When this changes, the next layout is fitted into view; otherwise the viewport is kept (live updates). */
  fitKey: string;
  /** The namespace/cluster the view is narrowed to: its box shows no "only this" button. */
  narrowedTo: { cluster: string | null; namespace: string | null };
  label: string;
  compact?: boolean;
  className?: string;
}

export function TopologyGraph(props: TopologyGraphProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

/** Up to this many drawn items, the first view shows the whole graph; a bigger one opens at a zoom where names are readable, and only the nodes in view are rendered. */
const FIT_ALL = 150;
const READABLE_ZOOM = 0.6;

type Laid = { key: string; view: TopologyView<GraphNode>; positions: Positions; ms: number; engineRuns: number; cached: boolean };

const EDGE_STYLE = {
  ROUTES: { stroke: 'var(--accent)', strokeWidth: 1.6 },
  ready: { stroke: 'var(--faint)', strokeWidth: 1.3 },
  notReady: { stroke: 'var(--warn)', strokeWidth: 1.3, strokeDasharray: '5 4' },
  // Longer dashes in the "ok" colour: told apart from a not-ready endpoint (short amber dashes) and from routes (solid accent).
  CONNECTION: { stroke: 'var(--ok)', strokeWidth: 2, strokeDasharray: '7 4' },
} as const;

function GraphCanvas({ view, connections, edgesById, hrefOf, actions, focus, fitKey, narrowedTo, label, compact, className }: TopologyGraphProps) {
  const flow = useReactFlow();
  const key = useMemo(() => layoutKey(view), [view]);
  const [laid, setLaid] = useState<Laid | null>(() => {
    const hit = cachedLayout(key);
    return hit ? { key, view, positions: hit, ms: 0, engineRuns: 0, cached: true } : null;
  });
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => warmUpLayout(), []);

  // Lay out each new shape off the main thread; a stale answer is dropped.
  const laidKey = laid?.key;
  useEffect(() => {
    let live = true;
    if (laidKey === key) return;
    markTopology('layout-start', { items: view.items.length, edges: view.edges.length });
    layoutView(view, key)
      .then((r) => {
        if (!live) return;
        markTopology('layout-end', { ms: r.ms, engineRuns: r.engineRuns, cached: r.cached, items: view.items.length });
        setFailed(null);
        setLaid({ key, view, ...r });
      })
      .catch((err: Error) => live && setFailed(err.message));
    return () => {
      live = false;
    };
  }, [key, view, laidKey]);

  const shown = laid?.key === key ? view : (laid?.view ?? null);
  const byId = useMemo(() => new Map(shown?.items.map((i) => [i.id, i]) ?? []), [shown]);

  const nodes = useMemo<ItemNode[]>(() => {
    if (!shown || !laid) return [];
    // A service whose pods were opened from a group gets a "fold" button.
    const groupOf = new Map<string, string>();
    for (const i of shown.items) if (i.type === 'object' && i.group) groupOf.set(i.id, i.group);
    const opened = new Map<string, string>();
    for (const e of shown.edges) {
      const group = groupOf.get(e.target);
      if (group && !opened.has(e.source)) opened.set(e.source, group);
    }
    return shown.items.map((item) => {
      const [x, y, width, height] = laid.positions[item.id] ?? [0, 0, 200, 50];
      const href = item.type === 'object' ? hrefOf(item.id) : null;
      const narrowed = item.type === 'cluster' ? narrowedTo.cluster === item.node.cluster : item.type === 'namespace' ? narrowedTo.namespace === item.node.name && (!narrowedTo.cluster || narrowedTo.cluster === item.node.cluster) : false;
      return {
        id: item.id,
        type: nodeTypeOf(item),
        position: { x, y },
        width,
        height,
        style: { width, height },
        parentId: item.parent && byId.has(item.parent) ? item.parent : undefined,
        draggable: false,
        connectable: false,
        selectable: item.type !== 'cluster' && !(item.type === 'namespace' && !item.collapsed),
        // React Flow hides the focus outline of selectable nodes: the node draws its own ring (group-focus-visible).
        className: 'group',
        ariaLabel: ariaLabelOf(item, href),
        domAttributes: {
          'data-kind': item.type === 'object' ? item.node.kind : item.type,
          ...(item.type === 'object' ? { 'data-status': item.node.status } : {}),
          ...(item.type === 'namespace' ? { 'data-collapsed': String(item.collapsed) } : {}),
          ...(focus.id !== null && item.id === focus.id ? { 'data-focused': 'true' } : {}),
        } as Record<string, string>,
        data: {
          item,
          focused: focus.id !== null && item.id === focus.id,
          facts: item.type === 'object' ? factsOf(item.node) : '',
          href,
          openedGroup: item.type === 'object' && item.node.kind === 'Service' ? (opened.get(item.id) ?? null) : null,
          narrowedTo: narrowed,
        },
      } satisfies ItemNode;
    });
  }, [shown, laid, byId, hrefOf, focus.id, narrowedTo.cluster, narrowedTo.namespace]);

  const edges = useMemo<Edge[]>(() => {
    if (!shown) return [];
    const small = shown.items.length <= 40 || compact;
    return shown.edges.map((e) => {
      const g = e.edgeId ? edgesById.get(e.edgeId) : undefined;
      const style = e.kind === 'ROUTES' ? EDGE_STYLE.ROUTES : e.ready === false ? EDGE_STYLE.notReady : EDGE_STYLE.ready;
      const text = e.kind === 'ROUTES' ? routeLabel(g?.label ?? null) : e.count > 1 ? `${e.readyCount}/${e.count} ready` : e.ready === false ? 'not ready' : null;
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        focusable: false,
        selectable: false,
        style,
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: style.stroke },
        label: small && text ? text : undefined,
        labelStyle: { fill: 'var(--muted)', fontSize: 11 },
        labelBgStyle: { fill: 'var(--surface)' },
        ariaLabel: `${e.kind === 'ROUTES' ? 'routes' : e.kind === 'SELECTS' ? 'selects (not an endpoint)' : 'endpoint'}${text ? `: ${text}` : ''}`,
      } satisfies Edge;
    });
  }, [shown, edgesById, compact]);
  const allEdges = useMemo<Edge[]>(() => {
    if (!connections?.length) return edges;
    const drawn = new Set(nodes.map((n) => n.id));
    const style = EDGE_STYLE.CONNECTION;
    const extra = connections
      .filter((c) => drawn.has(c.source) && drawn.has(c.target))
      .map(
        (c): Edge => ({
          id: c.id,
          source: c.source,
          target: c.target,
          type: 'smoothstep',
          focusable: false,
          selectable: false,
          style,
          markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: style.stroke },
          label: c.labelled ? c.text : undefined,
          labelStyle: { fill: 'var(--ok)', fontSize: 11, fontWeight: 600 },
          labelBgStyle: { fill: 'var(--surface)' },
          ariaLabel: `allowed connection ${c.between}: ${c.text}`,
          domAttributes: { 'data-connection': c.between } as Record<string, string>,
        }),
      );
    return [...edges, ...extra];
  }, [edges, connections, nodes]);

  // The first view: a small graph fits whole; a big one opens readable on its first objects
  // (the minimap and the fit button show all of it). React Flow is mounted with that viewport,
  // so it draws once, only the nodes in view. Later scope or filter changes fit again; live
  // updates keep the viewport.
  const box = useRef<HTMLDivElement>(null);
  const fitted = useRef<string | null>(null);
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (!laid || !shown || initialViewport || !box.current) return;
    fitted.current = fitKey;
    setInitialViewport(viewportFor(fitTargets(shown), laid.positions, byId, box.current.clientWidth, box.current.clientHeight, shown.items.length > FIT_ALL ? READABLE_ZOOM : 0.05));
  }, [laid, shown, initialViewport, fitKey, byId]);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Only for the current shape: the previous one stays drawn while the next is laid out.
    if (!laid || laid.key !== key || !initialViewport || nodes.length === 0) return;
    let raf = requestAnimationFrame(() => {
      markTopology('drawn', { items: nodes.length });
      if (fitted.current !== fitKey && shown) {
        fitted.current = fitKey;
        const targets = new Set(fitTargets(shown));
        void flow.fitView({ nodes: nodes.filter((n) => targets.has(n.id)), padding: 0.06, maxZoom: 1, minZoom: shown.items.length > FIT_ALL ? READABLE_ZOOM : 0.05 });
      }
      raf = requestAnimationFrame(() => {
        setReady(true);
        markTopology('interactive', { items: nodes.length, edges: edges.length, layoutMs: laid.ms, cached: laid.cached });
      });
    });
    return () => cancelAnimationFrame(raf);
  }, [laid, key, initialViewport, shown, nodes, edges.length, fitKey, flow]);

  // Centre on the focused node (search, or the focused service) once it is drawn.
  const centred = useRef(-1);
  useEffect(() => {
    if (!focus.id || !laid || laid.key !== key || centred.current === focus.seq) return;
    const item = byId.get(focus.id);
    if (!item || !laid.positions[focus.id]) return;
    centred.current = focus.seq;
    const [x, y, w, h] = absoluteBox(item, laid.positions, byId);
    const id = focus.id;
    const zoom = Math.max(flow.getZoom(), 0.9);
    void flow.setCenter(x + w / 2, y + h / 2, { zoom, duration: focus.seq > 0 ? 250 : 0 }).then(() => {
      if (focus.seq > 0) document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
    });
  }, [focus.id, focus.seq, laid, key, byId, flow]);

  const activate = actions.activate;
  const onNodeClick: NodeMouseHandler<ItemNode> = useCallback(
    (event, node) => {
      const item = node.data.item;
      // A box's inside is for panning; its header narrows the view.
      if ((item.type === 'cluster' || (item.type === 'namespace' && !item.collapsed)) && !(event.target as Element).closest('[data-node-header]')) return;
      activate(node.id);
    },
    [activate],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && target.classList.contains('react-flow__node') && target.dataset.id) {
        e.preventDefault();
        activate(target.dataset.id);
      }
    },
    [activate],
  );

  const big = (shown?.items.length ?? 0) > FIT_ALL;
  return (
    <GraphActionsContext.Provider value={actions}>
      <div
        ref={box}
        className={cn('relative overflow-hidden rounded-lg border border-border bg-bg', className)}
        data-testid="topology-graph"
        data-state={failed ? 'failed' : ready && laid?.key === key ? 'ready' : 'laying-out'}
        data-drawn={nodes.length}
        data-layout-ms={laid?.ms ?? ''}
        onKeyDown={onKeyDown}
      >
        {initialViewport && (
          <ReactFlow<ItemNode>
            defaultViewport={initialViewport}
            nodes={nodes}
            edges={allEdges}
            nodeTypes={NODE_TYPES}
            onNodeClick={onNodeClick}
            nodesDraggable={false}
            nodesConnectable={false}
            edgesFocusable={false}
            elementsSelectable
            onlyRenderVisibleElements={big}
            minZoom={0.05}
            maxZoom={2}
            proOptions={{ hideAttribution: false }}
            aria-label={label}
            ariaLabelConfig={{
              'node.a11yDescription.default': 'Tab moves between nodes. Enter opens a service or ingress page, a pod opens its service; on a group or a collapsed namespace Enter expands it.',
              'node.a11yDescription.keyboardDisabled': 'Enter opens a node.',
            }}
          >
            <Background variant={BackgroundVariant.Dots} gap={22} size={1} color="var(--border-strong)" />
            <Controls showInteractive={false} position="bottom-left" />
            {/* After the first frame: it draws every node, the pane only those in view. */}
            {!compact && ready && nodes.length > 30 && (
              <MiniMap
                pannable
                zoomable
                position="bottom-right"
                ariaLabel="Overview map of the whole graph"
                nodeColor={(n) => miniColor((n as ItemNode).data.item)}
                nodeStrokeColor="var(--border-strong)"
                maskColor="rgb(120 130 145 / 0.18)"
                style={{ width: 180, height: 120 }}
              />
            )}
          </ReactFlow>
        )}
        {!laid && !failed && (
          <div className="absolute inset-0 flex flex-col gap-3 bg-bg p-6" role="status">
            <span className="text-sm text-muted">Laying out {view.items.length.toLocaleString('en-US')} items…</span>
            <div className="grid grid-cols-4 gap-4">
              {Array.from({ length: compact ? 4 : 12 }, (_, i) => (
                <Skeleton key={i} className="h-14" />
              ))}
            </div>
          </div>
        )}
        {laid && laid.key !== key && (
          <span role="status" className="absolute top-2 right-2 rounded bg-surface px-2 py-1 text-xs text-muted shadow-card">
            Updating the layout…
          </span>
        )}
        {failed && (
          <p role="alert" className="absolute inset-x-0 top-0 m-4 rounded border border-bad/40 bg-bad-soft px-3 py-2 text-sm text-bad">
            The graph could not be laid out ({failed}). The outline view shows the same objects.
          </p>
        )}
      </div>
    </GraphActionsContext.Provider>
  );
}

/** What the first view (or a fit after a filter change) shows: everything when small, else the first objects. */
function fitTargets(view: TopologyView<GraphNode>): string[] {
  if (view.items.length <= FIT_ALL) return view.items.map((i) => i.id);
  return view.items.filter((i) => i.type !== 'cluster' && !(i.type === 'namespace' && !i.collapsed)).slice(0, 30).map((i) => i.id);
}

/** A drawn item's box in graph coordinates (its position is relative to its parent box). */
function absoluteBox(item: ViewItem, positions: Positions, byId: ReadonlyMap<string, ViewItem>): Box {
  let x = 0;
  let y = 0;
  for (let cur: ViewItem | undefined = item; cur; cur = cur.parent ? byId.get(cur.parent) : undefined) {
    const p = positions[cur.id];
    if (p) {
      x += p[0];
      y += p[1];
    }
  }
  const p = positions[item.id];
  return [x, y, p?.[2] ?? 0, p?.[3] ?? 0];
}

/** The viewport that shows these items in a pane of this size (padding 6 %, zoom minZoom–1). */
function viewportFor(ids: string[], positions: Positions, byId: ReadonlyMap<string, ViewItem>, width: number, height: number, minZoom: number): Viewport {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of ids) {
    const item = byId.get(id);
    if (!item) continue;
    const [x, y, w, h] = absoluteBox(item, positions, byId);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  }
  if (!Number.isFinite(x0) || width === 0 || height === 0) return { x: 0, y: 0, zoom: 1 };
  const pad = 0.06;
  const zoom = Math.min(1, Math.max(minZoom, Math.min((width * (1 - 2 * pad)) / (x1 - x0), (height * (1 - 2 * pad)) / (y1 - y0))));
  // Clamped (too much to fit): start at the top left of the targets rather than their middle.
  const clamped = zoom === minZoom && minZoom > 0.05;
  return clamped ? { x: width * pad - x0 * zoom, y: height * pad - y0 * zoom, zoom } : { x: width / 2 - ((x0 + x1) / 2) * zoom, y: height / 2 - ((y0 + y1) / 2) * zoom, zoom };
}

/** "host/path → port, host/other → port" as the paths only (the hosts are on the ingress): short enough to sit between two columns. */
function routeLabel(label: string | null): string | null {
  if (!label) return null;
  const paths = [...new Set(label.split(', ').map((r) => (r.includes('/') ? r.replace(/^[^/]*/, '') : r)))];
  const text = paths.join(', ');
  return text.length <= 22 ? text : `${paths.length} paths`;
}

function miniColor(item: ViewItem): string {
  if (item.type === 'cluster' || (item.type === 'namespace' && !item.collapsed)) return 'transparent';
  const status = item.type === 'object' ? item.node.status : item.type === 'group' ? item.status : 'OK';
  return `var(--${statusLook(status).tone})`;
}
