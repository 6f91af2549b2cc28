import type { TopologyEdge, TopologyEdgeKind, TopologyNode, TopologyNodeKind, TopologyStatus } from './topology.js';

/**
 * What a reader sees of a topology (the graph `buildTopology` returns): which objects a
 * filter keeps, which collapse into counted groups, what a draw budget leaves out, and the
 * same data as an outline. Pure, so the dashboard's graph, its text alternative and the
 * API can agree on one set of rules.
 */

/** The fields of a topology node these rules read (the API's node, whatever its `data` looks like). */
export type TopologyNodeLike = Pick<TopologyNode, 'id' | 'kind' | 'cluster' | 'namespace' | 'name' | 'status'>;
export type TopologyEdgeLike = Pick<TopologyEdge, 'id' | 'source' | 'target' | 'kind' | 'ready'>;

/** The kinds a reader can hide; clusters and namespaces are the frame everything sits in. */
export const TOPOLOGY_OBJECT_KINDS = ['Ingress', 'Service', 'Pod', 'Endpoint'] as const satisfies readonly TopologyNodeKind[];
export type TopologyObjectKind = (typeof TOPOLOGY_OBJECT_KINDS)[number];

const OBJECT_KIND_SET: ReadonlySet<TopologyNodeKind> = new Set(TOPOLOGY_OBJECT_KINDS);
export const isTopologyObject = (kind: TopologyNodeKind): kind is TopologyObjectKind => OBJECT_KIND_SET.has(kind);

/** Worst first: an ERROR outranks a MISSING backend, which outranks a WARNING. */
export const TOPOLOGY_STATUS_RANK: Record<TopologyStatus, number> = { ERROR: 3, MISSING: 2, WARNING: 1, OK: 0 };

export function worstTopologyStatus(statuses: Iterable<TopologyStatus>): TopologyStatus {
  let worst: TopologyStatus = 'OK';
  for (const s of statuses) if (TOPOLOGY_STATUS_RANK[s] > TOPOLOGY_STATUS_RANK[worst]) worst = s;
  return worst;
}

export type TopologyStatusCounts = Record<TopologyStatus, number>;
export type TopologyKindCounts = Record<TopologyObjectKind, number>;
const noStatuses = (): TopologyStatusCounts => ({ OK: 0, WARNING: 0, ERROR: 0, MISSING: 0 });
const noKinds = (): TopologyKindCounts => ({ Ingress: 0, Service: 0, Pod: 0, Endpoint: 0 });

/** The status counts as the worst one, for a group drawn as one box. */
export function worstOfCounts(c: TopologyStatusCounts): TopologyStatus {
  return c.ERROR ? 'ERROR' : c.MISSING ? 'MISSING' : c.WARNING ? 'WARNING' : 'OK';
}

// ---------------------------------------------------------------------------------------
// Filters

export interface TopologyFilterOptions {
  /** Object kinds to show; null/undefined/empty: all of them. */
  kinds?: readonly TopologyObjectKind[] | null;
  /** Only objects whose status is not OK, with what is needed to place them. */
  onlyUnhealthy?: boolean;
}

export interface FilteredTopology<N extends TopologyNodeLike, E extends TopologyEdgeLike> {
  nodes: N[];
  edges: E[];
  /**
   * Healthy nodes kept only to place an unhealthy one ("only unhealthy"): its cluster,
   * its namespace, and for a pod or endpoint the services it belongs to.
   */
  context: ReadonlySet<string>;
  /** Pod/endpoint id → the ids of the (existing) services it belongs to, from the whole graph. */
  owners: ReadonlyMap<string, readonly string[]>;
  /** Ingresses, services, pods and endpoints kept (context included). */
  objectCount: number;
  /** Whether a filter narrowed the objects (then empty clusters and namespaces are left out too). */
  narrowed: boolean;
}

export const namespaceNodeId = (cluster: string, namespace: string) => `ns:${cluster}/${namespace}`;
export const clusterNodeId = (cluster: string) => `cluster:${cluster}`;

/**
 * Applies the kind and "only unhealthy" filters. Rules:
 * - a hidden kind drops its nodes and their edges; the rest of the graph stays as is;
 * - "only unhealthy" keeps every object whose status is not OK, plus as context the services
 *   of an unhealthy pod/endpoint (when services are shown);
 * - clusters and namespaces are kept when they hold a kept object, or when no filter is on
 *   (then an empty namespace is shown as empty);
 * - edges are kept when both ends are.
 */
export function filterTopology<N extends TopologyNodeLike, E extends TopologyEdgeLike>(t: { nodes: readonly N[]; edges: readonly E[] }, opts: TopologyFilterOptions = {}): FilteredTopology<N, E> {
  const kinds = opts.kinds && opts.kinds.length ? new Set<TopologyNodeKind>(opts.kinds) : null;
  const narrowed = !!opts.onlyUnhealthy || (kinds !== null && TOPOLOGY_OBJECT_KINDS.some((k) => !kinds.has(k)));
  const byId = new Map(t.nodes.map((n) => [n.id, n]));
  const owners = new Map<string, string[]>();
  for (const e of t.edges) {
    if (e.kind !== 'ENDPOINT' && e.kind !== 'SELECTS') continue;
    const svc = byId.get(e.source);
    if (!svc || svc.status === 'MISSING') continue;
    const list = owners.get(e.target);
    if (list) {
      if (!list.includes(e.source)) list.push(e.source);
    } else owners.set(e.target, [e.source]);
  }
  const keep = new Set<string>();
  const context = new Set<string>();
  for (const n of t.nodes) {
    if (!isTopologyObject(n.kind)) continue;
    if (kinds && !kinds.has(n.kind)) continue;
    if (opts.onlyUnhealthy && n.status === 'OK') continue;
    keep.add(n.id);
  }
  if (opts.onlyUnhealthy && (!kinds || kinds.has('Service'))) {
    for (const id of [...keep]) {
      for (const s of owners.get(id) ?? []) {
        if (!keep.has(s)) {
          keep.add(s);
          context.add(s);
        }
      }
    }
  }
  const objectCount = keep.size;
  // The frame: clusters and namespaces.
  const occupied = new Set<string>();
  for (const id of keep) {
    const n = byId.get(id)!;
    occupied.add(clusterNodeId(n.cluster));
    if (n.namespace !== null) occupied.add(namespaceNodeId(n.cluster, n.namespace));
  }
  for (const n of t.nodes) {
    if (isTopologyObject(n.kind)) continue;
    if (!narrowed || occupied.has(n.id)) {
      keep.add(n.id);
      if (narrowed && opts.onlyUnhealthy && n.status === 'OK') context.add(n.id);
    }
  }
  return {
    nodes: t.nodes.filter((n) => keep.has(n.id)),
    edges: t.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    context,
    owners,
    objectCount,
    narrowed,
  };
}

// ---------------------------------------------------------------------------------------
// Grouping, collapsing and the draw budget

export interface TopologyViewOptions {
  /** Item id → true (expanded) or false (collapsed), overriding the defaults below. Namespaces by their node id, groups by their group id. */
  toggles?: Readonly<Record<string, boolean>>;
  /** Pods (or endpoints) behind the same services collapse into one counted group from this many (default 4). */
  podGroupMin?: number;
  /** With several namespaces, the largest collapse into counted boxes until the view draws at most this many items (default 150). */
  collapseAbove?: number;
  /** At most this many items are drawn (containers included); the rest are counted in "more" items (default 400). */
  budget?: number;
  /** A node that must be drawn: its namespace and group open, and it is drawn whatever the budget. */
  reveal?: string | null;
}

export const TOPOLOGY_VIEW_DEFAULTS = { podGroupMin: 4, collapseAbove: 150, budget: 400 } as const;

export type TopologyViewItem<N extends TopologyNodeLike> =
  /** A cluster: a box holding its namespaces. */
  | { type: 'cluster'; id: string; parent: null; node: N; context: boolean; counts: TopologyKindCounts; statuses: TopologyStatusCounts }
  /** An open namespace: a box holding its objects. */
  | { type: 'namespace'; id: string; parent: string | null; node: N; context: boolean; counts: TopologyKindCounts; statuses: TopologyStatusCounts; collapsed: false }
  /** A collapsed namespace: one box with its counts. */
  | { type: 'namespace'; id: string; parent: string | null; node: N; context: boolean; counts: TopologyKindCounts; statuses: TopologyStatusCounts; collapsed: true }
  /** An ingress, service, pod or endpoint. `group`: the group it was opened from. */
  | { type: 'object'; id: string; parent: string | null; node: N; context: boolean; group: string | null }
  /** Pods or endpoints behind the same services, as one counted box. */
  | { type: 'group'; id: string; parent: string | null; kind: 'Pod' | 'Endpoint'; owners: string[]; members: string[]; statuses: TopologyStatusCounts; status: TopologyStatus }
  /** What the draw budget left out of a namespace (or a cluster). */
  | { type: 'more'; id: string; parent: string | null; hidden: number };

export interface TopologyViewEdge {
  /** `<source>-><target>` of the drawn items. */
  id: string;
  source: string;
  target: string;
  kind: TopologyEdgeKind;
  /** How many graph edges this drawn edge stands for, and how many of them are ready. */
  count: number;
  readyCount: number;
  /** ENDPOINT/SELECTS: every one ready (true), none or some not ready (false); ROUTES: null. */
  ready: boolean | null;
  /** A single graph edge: its id (for its label). */
  edgeId: string | null;
}

export interface TopologyView<N extends TopologyNodeLike> {
  /** Parents before children; within a namespace: ingresses, then each service followed by its pods. */
  items: TopologyViewItem<N>[];
  edges: TopologyViewEdge[];
  /** Objects the budget left out (also counted in the "more" items). */
  hidden: number;
  /** Namespaces and groups drawn collapsed. */
  collapsedNamespaces: number;
  collapsedGroups: number;
  /** Graph node id → the drawn item that shows it (itself, its group, its collapsed namespace or a "more" item). */
  shownBy: ReadonlyMap<string, string>;
}

/** The group id of pods/endpoints of one kind behind the same services (or, without a shown service, of one namespace). */
export function topologyGroupId(kind: 'Pod' | 'Endpoint', owners: readonly string[], namespaceId: string): string {
  return `group:${kind}:${owners.length ? [...owners].sort().join('+') : namespaceId}`;
}

interface NsBucket<N> {
  id: string;
  node: N | null;
  ingresses: N[];
  services: N[];
  leaves: N[];
  others: N[];
}

/**
 * The items to draw. Rules, in order:
 * 1. pods (endpoints) behind the same set of shown services form a group; a group of at least
 *    `podGroupMin` is drawn as one counted box unless opened;
 * 2. when more than one namespace is drawn and the view would draw more than `collapseAbove`
 *    items, the largest namespaces collapse into counted boxes (largest first, ties by id)
 *    until it does not; a namespace the reader opened or closed keeps that state;
 * 3. at most `budget` items are drawn, in reading order; what is left out of a namespace is
 *    counted in one "more" item there;
 * 4. the `reveal`ed node is always drawn (its namespace and group open), in its place: revealing
 *    a node that was drawn anyway changes nothing else.
 */
export function topologyView<N extends TopologyNodeLike, E extends TopologyEdgeLike>(f: FilteredTopology<N, E>, opts: TopologyViewOptions = {}): TopologyView<N> {
  const toggles = opts.toggles ?? {};
  const podGroupMin = opts.podGroupMin ?? TOPOLOGY_VIEW_DEFAULTS.podGroupMin;
  const collapseAbove = opts.collapseAbove ?? TOPOLOGY_VIEW_DEFAULTS.collapseAbove;
  const budget = opts.budget ?? TOPOLOGY_VIEW_DEFAULTS.budget;
  const byId = new Map(f.nodes.map((n) => [n.id, n]));
  const reveal = opts.reveal && byId.has(opts.reveal) ? byId.get(opts.reveal)! : null;

  // Clusters in order, each with its namespaces in order.
  type ClusterBucket = { name: string; node: N | null; namespaces: Map<string, NsBucket<N>> };
  const clusters: ClusterBucket[] = [];
  const clusterOf = new Map<string, ClusterBucket>();
  const clusterBucket = (name: string) => {
    let b = clusterOf.get(name);
    if (!b) {
      // A node whose cluster node is not in the graph is drawn without that frame.
      b = { name, node: null, namespaces: new Map() };
      clusterOf.set(name, b);
      clusters.push(b);
    }
    return b;
  };
  for (const n of f.nodes) if (n.kind === 'Cluster') clusterBucket(n.cluster).node = n;
  const bucketOf = (n: N): NsBucket<N> => {
    const c = clusterBucket(n.cluster);
    const nsId = n.namespace === null ? `${clusterNodeId(n.cluster)}/` : namespaceNodeId(n.cluster, n.namespace);
    let b = c.namespaces.get(nsId);
    if (!b) {
      b = { id: nsId, node: null, ingresses: [], services: [], leaves: [], others: [] };
      c.namespaces.set(nsId, b);
    }
    return b;
  };
  for (const n of f.nodes) {
    if (n.kind === 'Cluster') continue;
    const b = bucketOf(n);
    if (n.kind === 'Namespace') b.node = n;
    else if (n.kind === 'Ingress') b.ingresses.push(n);
    else if (n.kind === 'Service') b.services.push(n);
    else if (n.kind === 'Pod' || n.kind === 'Endpoint') b.leaves.push(n);
    else b.others.push(n);
  }

  // 1. Groups of pods/endpoints behind the same shown services.
  type Group = { id: string; kind: 'Pod' | 'Endpoint'; owners: string[]; members: N[]; open: boolean };
  const groupsOf = new Map<string, Group[]>(); // namespace bucket id → groups
  for (const c of clusters) {
    for (const b of c.namespaces.values()) {
      const groups = new Map<string, Group>();
      for (const leaf of b.leaves) {
        const owners = (f.owners.get(leaf.id) ?? []).filter((s) => byId.has(s));
        const kind = leaf.kind as 'Pod' | 'Endpoint';
        const id = topologyGroupId(kind, owners, b.id);
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { id, kind, owners: [...owners].sort(), members: [], open: true }));
        g.members.push(leaf);
      }
      for (const g of groups.values()) {
        const byDefault = g.members.length < podGroupMin;
        g.open = toggles[g.id] ?? byDefault;
        if (reveal && g.members.some((m) => m.id === reveal.id)) g.open = true;
      }
      groupsOf.set(b.id, [...groups.values()]);
    }
  }
  const nsSize = (b: NsBucket<N>) => 1 + b.ingresses.length + b.services.length + b.others.length + (groupsOf.get(b.id) ?? []).reduce((a, g) => a + (g.open ? g.members.length : 1), 0);

  // 2. Collapse the largest namespaces while the view is too big.
  const allNs = clusters.flatMap((c) => [...c.namespaces.values()]);
  const collapsed = new Set<string>();
  const revealNs = reveal ? bucketOf(reveal).id : null;
  for (const b of allNs) if (b.node && toggles[b.id] === false && b.id !== revealNs) collapsed.add(b.id);
  const namespaced = allNs.filter((b) => b.node);
  if (namespaced.length > 1) {
    let total = clusters.length + allNs.reduce((a, b) => a + (collapsed.has(b.id) ? 1 : nsSize(b)), 0);
    const candidates = namespaced.filter((b) => toggles[b.id] === undefined && b.id !== revealNs && !collapsed.has(b.id)).map((b) => ({ b, size: nsSize(b) }));
    candidates.sort((x, y) => y.size - x.size || (x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0));
    for (const { b, size } of candidates) {
      if (total <= collapseAbove) break;
      if (size <= 1) break;
      collapsed.add(b.id);
      total -= size - 1;
    }
  }

  // 3. Items in reading order, within the budget.
  const items: TopologyViewItem<N>[] = [];
  const shownBy = new Map<string, string>();
  let drawn = 0;
  let hidden = 0;
  let collapsedGroups = 0;
  const ctx = (id: string) => f.context.has(id);
  const countsOf = (nodes: Iterable<N>) => {
    const counts = noKinds();
    const statuses = noStatuses();
    for (const n of nodes) {
      if (!isTopologyObject(n.kind)) continue;
      counts[n.kind]++;
      if (!ctx(n.id)) statuses[n.status]++;
    }
    return { counts, statuses };
  };
  const objectsOf = (b: NsBucket<N>) => [...b.ingresses, ...b.services, ...b.leaves, ...b.others];
  const fits = () => drawn < budget;

  for (const c of clusters) {
    const clusterId = c.node ? c.node.id : null;
    const clusterMore = `more:${clusterNodeId(c.name)}`;
    if (c.node) {
      const all = [...c.namespaces.values()].flatMap(objectsOf);
      items.push({ type: 'cluster', id: c.node.id, parent: null, node: c.node, context: ctx(c.node.id), ...countsOf(all) });
      shownBy.set(c.node.id, c.node.id);
      drawn++;
    }
    let clusterHidden = 0;
    for (const b of c.namespaces.values()) {
      const objects = objectsOf(b);
      const holdsReveal = revealNs === b.id;
      if (!fits() && !holdsReveal) {
        clusterHidden += objects.length + (b.node ? 1 : 0);
        for (const o of objects) shownBy.set(o.id, clusterMore);
        if (b.node) shownBy.set(b.node.id, clusterMore);
        continue;
      }
      const nsParent = b.node ? b.node.id : clusterId;
      if (b.node) {
        const isCollapsed = collapsed.has(b.id);
        const { counts, statuses } = countsOf(objects);
        if (isCollapsed) items.push({ type: 'namespace', id: b.node.id, parent: clusterId, node: b.node, context: ctx(b.node.id), counts, statuses, collapsed: true });
        else items.push({ type: 'namespace', id: b.node.id, parent: clusterId, node: b.node, context: ctx(b.node.id), counts, statuses, collapsed: false });
        shownBy.set(b.node.id, b.node.id);
        drawn++;
        if (isCollapsed) {
          for (const o of objects) shownBy.set(o.id, b.node.id);
          continue;
        }
      }
      // Reading order: ingresses, then each service followed by the pods behind it.
      const groups = groupsOf.get(b.id) ?? [];
      const groupsByFirstOwner = new Map<string, Group[]>();
      const ownerless: Group[] = [];
      for (const g of groups) {
        const first = g.owners.find((o) => b.services.some((s) => s.id === o));
        if (first) {
          const list = groupsByFirstOwner.get(first);
          if (list) list.push(g);
          else groupsByFirstOwner.set(first, [g]);
        } else ownerless.push(g);
      }
      type Entry = { kind: 'node'; node: N; group: string | null } | { kind: 'group'; group: Group };
      const order: Entry[] = [];
      const pushGroup = (g: Group) => {
        if (g.open) for (const m of g.members) order.push({ kind: 'node', node: m, group: g.members.length >= podGroupMin ? g.id : null });
        else order.push({ kind: 'group', group: g });
      };
      for (const n of b.ingresses) order.push({ kind: 'node', node: n, group: null });
      for (const s of b.services) {
        order.push({ kind: 'node', node: s, group: null });
        for (const g of groupsByFirstOwner.get(s.id) ?? []) pushGroup(g);
      }
      for (const g of ownerless) pushGroup(g);
      for (const n of b.others) order.push({ kind: 'node', node: n, group: null });
      let nsHidden = 0;
      const moreId = `more:${b.id}`;
      for (const e of order) {
        const forced = e.kind === 'node' && reveal !== null && e.node.id === reveal.id;
        if (!fits() && !forced) {
          for (const n of e.kind === 'node' ? [e.node] : e.group.members) {
            nsHidden++;
            shownBy.set(n.id, moreId);
          }
          continue;
        }
        if (e.kind === 'node') {
          items.push({ type: 'object', id: e.node.id, parent: nsParent, node: e.node, context: ctx(e.node.id), group: e.group });
          shownBy.set(e.node.id, e.node.id);
          drawn++;
        } else {
          const g = e.group;
          const statuses = noStatuses();
          for (const m of g.members) statuses[m.status]++;
          items.push({ type: 'group', id: g.id, parent: nsParent, kind: g.kind, owners: g.owners, members: g.members.map((m) => m.id), statuses, status: worstOfCounts(statuses) });
          for (const m of g.members) shownBy.set(m.id, g.id);
          collapsedGroups++;
          drawn++;
        }
      }
      if (nsHidden) {
        items.push({ type: 'more', id: moreId, parent: nsParent, hidden: nsHidden });
        hidden += nsHidden;
      }
    }
    if (clusterHidden) {
      items.push({ type: 'more', id: clusterMore, parent: clusterId, hidden: clusterHidden });
      hidden += clusterHidden;
    }
  }

  // Edges between drawn items (CONTAINS is drawn as nesting).
  const drawnIds = new Set(items.map((i) => i.id));
  const edgeMap = new Map<string, TopologyViewEdge>();
  for (const e of f.edges) {
    if (e.kind === 'CONTAINS') continue;
    const s = shownBy.get(e.source);
    const t = shownBy.get(e.target);
    if (!s || !t || s === t || !drawnIds.has(s) || !drawnIds.has(t)) continue;
    if (s.startsWith('more:') || t.startsWith('more:') || s.startsWith('ns:') || t.startsWith('ns:')) continue;
    const id = `${s}->${t}`;
    const ready = e.ready === true ? 1 : 0;
    const cur = edgeMap.get(id);
    if (cur) {
      cur.count++;
      cur.readyCount += ready;
      cur.edgeId = null;
      if (cur.ready !== null) cur.ready = cur.readyCount === cur.count;
    } else {
      edgeMap.set(id, { id, source: s, target: t, kind: e.kind, count: 1, readyCount: ready, ready: e.kind === 'ROUTES' ? null : e.ready === true, edgeId: e.id });
    }
  }
  return {
    items,
    edges: [...edgeMap.values()],
    hidden,
    collapsedNamespaces: items.filter((i) => i.type === 'namespace' && i.collapsed).length,
    collapsedGroups,
    shownBy,
  };
}

// ---------------------------------------------------------------------------------------
// The text alternative: the same filtered data as an outline

export interface TopologyOutlineEntry<N extends TopologyNodeLike> {
  node: N;
  /** Kept only to place an unhealthy node ("only unhealthy"). */
  context: boolean;
  /** Ingress: the services it routes to (by node). */
  routesTo: N[];
  children: TopologyOutlineEntry<N>[];
}

const OUTLINE_ORDER: Record<TopologyNodeKind, number> = { Cluster: 0, Namespace: 1, Ingress: 2, Service: 3, Pod: 4, Endpoint: 5 };
const byKindThenName = <N extends TopologyNodeLike>(a: TopologyOutlineEntry<N>, b: TopologyOutlineEntry<N>) =>
  OUTLINE_ORDER[a.node.kind] - OUTLINE_ORDER[b.node.kind] || (a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0);

/**
 * cluster → namespace → ingresses and services → the pods/endpoints of each service. A pod
 * behind two services is listed under both; a pod whose services are hidden is listed under
 * its namespace. Every kept node appears at least once.
 */
export function topologyOutline<N extends TopologyNodeLike, E extends TopologyEdgeLike>(f: FilteredTopology<N, E>): TopologyOutlineEntry<N>[] {
  const byId = new Map(f.nodes.map((n) => [n.id, n]));
  const entry = (node: N): TopologyOutlineEntry<N> => ({ node, context: f.context.has(node.id), routesTo: [], children: [] });
  const entries = new Map<string, TopologyOutlineEntry<N>>();
  const roots: TopologyOutlineEntry<N>[] = [];
  for (const n of f.nodes) entries.set(n.id, entry(n));
  const attach = (child: TopologyOutlineEntry<N>, parentId: string | null) => {
    const p = parentId ? entries.get(parentId) : undefined;
    (p ? p.children : roots).push(child);
  };
  const routes = new Map<string, N[]>();
  for (const e of f.edges) {
    if (e.kind !== 'ROUTES') continue;
    const target = byId.get(e.target);
    if (!target) continue;
    const list = routes.get(e.source);
    if (list) list.push(target);
    else routes.set(e.source, [target]);
  }
  for (const n of f.nodes) {
    const me = entries.get(n.id)!;
    const ns = n.namespace !== null ? namespaceNodeId(n.cluster, n.namespace) : null;
    const frame = ns && entries.has(ns) ? ns : entries.has(clusterNodeId(n.cluster)) ? clusterNodeId(n.cluster) : null;
    switch (n.kind) {
      case 'Cluster':
        roots.push(me);
        break;
      case 'Namespace':
        attach(me, entries.has(clusterNodeId(n.cluster)) ? clusterNodeId(n.cluster) : null);
        break;
      case 'Pod':
      case 'Endpoint': {
        const shown = (f.owners.get(n.id) ?? []).filter((s) => entries.has(s));
        if (shown.length === 0) attach(me, frame);
        else shown.forEach((s, i) => attach(i === 0 ? me : { ...me, children: [] }, s));
        break;
      }
      case 'Ingress':
        me.routesTo = routes.get(n.id) ?? [];
        attach(me, frame);
        break;
      default:
        attach(me, frame);
    }
  }
  const sortDeep = (list: TopologyOutlineEntry<N>[]) => {
    list.sort(byKindThenName);
    for (const e of list) sortDeep(e.children);
  };
  sortDeep(roots);
  return roots;
}
