'use client';

import { TOPOLOGY_OBJECT_KINDS, type TopologyObjectKind } from '@switchboard/k8s-model';
import { Network, SearchX, Waypoints } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense, use, useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/states';
import { cn } from '../../lib/cn';
import { type ApiProblem, problemAdvice } from '../../lib/graphql/errors';
import type { TopologyScopesQuery } from '../../lib/graphql/generated/graphql';
import { formatCount } from '../../lib/kinds';
import { routes } from '../../lib/routes';
import { CONNECTION_EDGE_BUDGET, placeConnections, useConnectionLayer } from './connection-layer';
import { ConnectionLegend } from './connection-legend';
import { warmUpLayout } from './layout';
import { KIND_PLURAL, KIND_WORD, type GraphNode, parseKinds, parseServiceFocus, scopeOfParams, type TopologySeed, topologyRequest } from './model';
import { NodeSearch } from './node-search';
import { TopologyGraph } from './topology-graph';
import { TopologyOutline } from './topology-outline';
import { useHydrated, useTopology } from './use-topology';
import { BUDGET_STEP, NEIGHBOURHOOD_POD_GROUP_MIN, useTopologyView } from './use-topology-view';
import { type TopologyViewMode, ViewToggle } from './view-toggle';

type Scopes = TopologyScopesQuery;

// The layout worker starts while the page hydrates and fetches the graph.
if (typeof window !== 'undefined') warmUpLayout();

export interface TopologyParams {
  cluster: string;
  namespace: string;
  focus: string;
  kinds: TopologyObjectKind[];
  unhealthy: boolean;
  view: TopologyViewMode;
  /** The layer of connections NetworkPolicies allow between workloads. */
  connections: boolean;
}

function readParams(sp: URLSearchParams | null): TopologyParams {
  const view = sp?.get('view');
  return {
    cluster: sp?.get('cluster') ?? '',
    namespace: sp?.get('namespace') ?? '',
    focus: sp?.get('focus') ?? '',
    kinds: parseKinds(sp?.get('kind')),
    unhealthy: sp?.get('unhealthy') === '1',
    view: view === 'outline' ? 'outline' : 'graph',
    connections: sp?.get('conn') === '1',
  };
}

/** Filters and views live in the URL (pushState: Back/Forward restore them, reload keeps them). */
type SetParams = (patch: Partial<TopologyParams>) => void;

function useTopologyParams(): [TopologyParams, SetParams] {
  const sp = useSearchParams();
  const pathname = usePathname();
  // The URL is the truth (Back/Forward, reload, links). A change made here shows at once,
  // before the router has caught up with the new URL (so a checkbox does not flicker back);
  // Back/Forward re-read the address itself (the router's search params can lag behind an
  // entry this page pushed before a reload).
  const query = sp?.toString() ?? '';
  const [seen, setSeen] = useState(query);
  const [params, setLocal] = useState(() => readParams(sp));
  if (seen !== query) {
    setSeen(query);
    setLocal(readParams(sp));
  }
  useEffect(() => {
    const onPop = () => setLocal(readParams(new URLSearchParams(window.location.search)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const set = useCallback(
    (patch: Partial<TopologyParams>) => {
      const next = { ...readParams(new URLSearchParams(window.location.search)), ...patch };
      const q = new URLSearchParams();
      if (next.focus) q.set('focus', next.focus);
      else {
        if (next.cluster) q.set('cluster', next.cluster);
        if (next.namespace) q.set('namespace', next.namespace);
      }
      if (next.kinds.length && next.kinds.length < TOPOLOGY_OBJECT_KINDS.length) q.set('kind', next.kinds.join(','));
      if (next.unhealthy) q.set('unhealthy', '1');
      if (next.view === 'outline') q.set('view', 'outline');
      if (next.connections) q.set('conn', '1');
      const url = `${pathname}${q.size ? `?${q}` : ''}`;
      setLocal(readParams(q));
      window.history.pushState(null, '', url);
    },
    [pathname],
  );
  return [params, set];
}

const selectClass = 'h-9 rounded-md border border-border-strong bg-surface px-2 text-sm text-text';

/** /topology: the interactive graph of a scope, its outline, filters, search and the states around them. */
export function TopologyExplorer({ scopes, seed }: { scopes: Scopes; seed?: TopologySeed }) {
  const [params, setParams] = useTopologyParams();
  const hydrated = useHydrated();
  const focus = parseServiceFocus(params.focus);
  const title = focus ? `Neighbourhood of ${focus.name}` : 'Topology';
  const scopeWords = focus
    ? `The ingresses that route to service ${focus.name} (namespace ${focus.namespace}, cluster ${focus.cluster}) and the pods behind it.`
    : `${params.cluster ? `Cluster ${params.cluster}` : 'Every cluster'}${params.namespace ? `, namespace ${params.namespace}` : ''}: ingress → service → pods, in their namespaces. Big namespaces and pod sets fold into counted boxes that open on demand.`;

  return (
    <>
      <PageHeader
        title={title}
        crumbs={focus ? [{ label: 'Topology', href: routes.topology() }, { label: focus.cluster, href: routes.topology({ cluster: focus.cluster }) }, { label: focus.namespace, href: routes.topology({ cluster: focus.cluster, namespace: focus.namespace }) }] : []}
        description={scopeWords}
        actions={<ViewToggle value={params.view} onChange={(view) => setParams({ view })} label="View as" />}
      />
      <Filters params={params} setParams={setParams} scopes={scopes} />
      {hydrated ? (
        <Suspense fallback={<Loading />}>
          <TopologyData params={params} setParams={setParams} scopes={scopes} seed={seed} />
        </Suspense>
      ) : (
        <Loading />
      )}
    </>
  );
}

function Filters({ params, setParams, scopes }: { params: TopologyParams; setParams: SetParams; scopes: Scopes }) {
  const focus = parseServiceFocus(params.focus);
  const clusters = scopes.clusters;
  const namespaces = useMemo(() => {
    const list = scopes.namespaces.filter((n) => !params.cluster || n.cluster === params.cluster);
    const merged = new Map<string, { name: string; services: number; pods: number; clusters: number }>();
    for (const n of list) {
      const cur = merged.get(n.name) ?? { name: n.name, services: 0, pods: 0, clusters: 0 };
      cur.services += n.serviceCount;
      cur.pods += n.podCount;
      cur.clusters++;
      merged.set(n.name, cur);
    }
    return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [scopes.namespaces, params.cluster]);
  const kinds = params.kinds.length ? params.kinds : [...TOPOLOGY_OBJECT_KINDS];
  const unknownCluster = params.cluster && !clusters.some((c) => c.name === params.cluster);
  const unknownNamespace = params.namespace && !namespaces.some((n) => n.name === params.namespace);

  return (
    <Card className="mb-3 flex flex-wrap items-end gap-x-3 gap-y-2 px-4 py-3" aria-label="Filters">
      {focus ? (
        <p className="flex h-9 items-center gap-2 self-end text-sm text-text">
          <Waypoints aria-hidden className="size-4 text-muted" />
          <Link href={routes.topology({ cluster: focus.cluster, namespace: focus.namespace })}>All of namespace {focus.namespace}</Link>
        </p>
      ) : (
        <>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            Cluster
            <select className={cn(selectClass, 'w-52')} value={params.cluster} onChange={(e) => setParams({ cluster: e.target.value, namespace: '' })}>
              <option value="">All clusters</option>
              {clusters.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.displayName && c.displayName !== c.name ? `${c.displayName} (${c.name})` : c.name}
                </option>
              ))}
              {unknownCluster && <option value={params.cluster}>{params.cluster} (not registered)</option>}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            Namespace
            <select className={cn(selectClass, 'w-56')} value={params.namespace} onChange={(e) => setParams({ namespace: e.target.value })}>
              <option value="">All namespaces</option>
              {namespaces.map((n) => (
                <option key={n.name} value={n.name}>
                  {n.name} · {formatCount(n.services)} svc · {formatCount(n.pods)} pods{n.clusters > 1 ? ` · ${n.clusters} clusters` : ''}
                </option>
              ))}
              {unknownNamespace && <option value={params.namespace}>{params.namespace} (not found)</option>}
            </select>
          </label>
        </>
      )}
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-muted">Kinds shown</legend>
        <div className="flex gap-1">
          {TOPOLOGY_OBJECT_KINDS.map((k) => {
            const on = kinds.includes(k);
            return (
              <label key={k} className="relative">
                <input
                  type="checkbox"
                  className="peer sr-only"
                  checked={on}
                  disabled={on && kinds.length === 1}
                  onChange={() => {
                    const next = on ? kinds.filter((x) => x !== k) : TOPOLOGY_OBJECT_KINDS.filter((x) => x === k || kinds.includes(x));
                    setParams({ kinds: next.length === TOPOLOGY_OBJECT_KINDS.length ? [] : next });
                  }}
                />
                <span
                  className={cn(
                    'inline-flex h-9 cursor-pointer items-center rounded-md border px-2 text-[13px] capitalize select-none peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[var(--focus)]',
                    on ? 'border-accent bg-accent-soft font-medium text-text' : 'border-border-strong bg-surface text-muted line-through',
                  )}
                >
                  {KIND_PLURAL[k]}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <label className="flex h-9 cursor-pointer items-center gap-2 self-end text-sm text-text">
        <input type="checkbox" className="size-4 accent-[var(--accent)]" checked={params.unhealthy} onChange={(e) => setParams({ unhealthy: e.target.checked })} />
        Only unhealthy
      </label>
      <label className="flex h-9 cursor-pointer items-center gap-2 self-end text-sm text-text" title={focus || params.cluster ? undefined : 'Pick a cluster first: connections are computed per cluster'}>
        <input
          type="checkbox"
          className="size-4 accent-[var(--accent)]"
          checked={params.connections}
          disabled={!focus && !params.cluster}
          aria-describedby={!focus && !params.cluster ? 'connections-needs-cluster' : undefined}
          onChange={(e) => setParams({ connections: e.target.checked })}
        />
        Allowed connections
        {!focus && !params.cluster && (
          <span id="connections-needs-cluster" className="text-xs text-muted">
            (pick a cluster)
          </span>
        )}
      </label>
    </Card>
  );
}

function Loading({ fetching = true }: { fetching?: boolean }) {
  return (
    <Card className="p-4">
      <p role="status" className="mb-3 text-sm text-muted">
        {fetching ? 'Loading the topology…' : 'Waiting for the API…'}
      </p>
      <Skeleton className="h-[calc(100vh-320px)] min-h-[400px]" />
    </Card>
  );
}

function TopologyData({ params, setParams, scopes, seed }: { params: TopologyParams; setParams: SetParams; scopes: Scopes; seed?: TopologySeed }) {
  const focus = parseServiceFocus(params.focus);
  const scope = scopeOfParams(params);
  const { key } = topologyRequest(scope);
  // The server fetched the graph of the URL the page was opened with; it serves until the scope changes.
  const [seedFor, setSeedFor] = useState(seed ?? null);
  if (seedFor && seedFor.key !== key) setSeedFor(null);
  const seeded = seedFor && seedFor.key === key ? use(seedFor.result) : null;
  const { graph, fetching, problem, refetch } = useTopology(scope, seeded);
  const scopeKey = focus ? params.focus : `${params.cluster}/${params.namespace}`;
  const [search, setSearch] = useState<{ id: string | null; seq: number }>({ id: null, seq: 0 });
  const [announce, setAnnounce] = useState('');
  const focusId = search.id ?? (focus ? params.focus : null);
  const narrow = useCallback((cluster: string, namespace?: string) => setParams({ focus: '', cluster, namespace: namespace ?? '' }), [setParams]);
  const layerCluster = focus?.cluster ?? (params.cluster || null);
  const layerNamespace = focus?.namespace ?? (params.namespace || null);
  const conn = useConnectionLayer(params.connections, layerCluster, layerNamespace);
  const t = useTopologyView(graph, scopeKey, { kinds: params.kinds, onlyUnhealthy: params.unhealthy, reveal: focusId, podGroupMin: focus ? NEIGHBOURHOOD_POD_GROUP_MIN : undefined, outline: params.view === 'outline' }, narrow);
  const fitKey = `${scopeKey}|${params.kinds.join(',')}|${params.unhealthy}|${params.view}`;
  const searchable = t.filtered?.nodes ?? [];
  const layer = useMemo(() => (conn.data && t.view && layerCluster ? placeConnections(conn.data, layerCluster, t.view) : null), [conn.data, t.view, layerCluster]);
  const pick = useCallback((n: GraphNode) => {
    setSearch((s) => ({ id: n.id, seq: s.seq + 1 }));
    setAnnounce(`${KIND_WORD[n.kind]} ${n.name}${n.namespace ? ` in namespace ${n.namespace}` : ''}: ${n.status.toLowerCase()}. Centred and focused.`);
  }, []);

  if (problem) return <ScopeProblem problem={problem} params={params} setParams={setParams} scopes={scopes} retry={refetch} />;
  if (!graph || !t.filtered || !t.view) return <Loading fetching={fetching} />;
  const f = t.filtered;
  const v = t.view;
  const objects = f.objectCount;
  const drawnObjects = v.items.filter((i) => i.type === 'object').length + v.items.reduce((a, i) => a + (i.type === 'group' ? i.members.length : 0), 0);
  const scopeName = focus ? `service ${focus.name}` : params.cluster ? `cluster ${params.cluster}${params.namespace ? `, namespace ${params.namespace}` : ''}` : params.namespace ? `namespace ${params.namespace}` : 'every cluster';

  return (
    <Card className="flex flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-2.5">
        <NodeSearch nodes={searchable} onPick={pick} className="w-72" />
        <p className="text-sm text-muted" role="status" aria-live="polite">
          {formatCount(objects)} object{objects === 1 ? '' : 's'}
          {params.view === 'graph' && (
            <>
              {v.collapsedNamespaces > 0 && ` · ${v.collapsedNamespaces} namespace${v.collapsedNamespaces === 1 ? '' : 's'} folded`}
              {v.collapsedGroups > 0 && ` · ${v.collapsedGroups} pod group${v.collapsedGroups === 1 ? '' : 's'}`}
              {v.hidden > 0 && ` · ${formatCount(v.hidden)} not drawn (draw budget)`}
            </>
          )}
          {layer && ` · ${formatCount(layer.total - layer.open)} connection${layer.total - layer.open === 1 ? '' : 's'} allowed by policy`}
          {params.view === 'graph' && layer && layer.edges.length >= CONNECTION_EDGE_BUDGET && ` (${CONNECTION_EDGE_BUDGET} edges drawn)`}
          {fetching && ' · refreshing…'}
        </p>
        {(params.kinds.length > 0 || params.unhealthy || (!focus && (params.cluster || params.namespace))) && (
          <Button size="sm" variant="ghost" onClick={() => setParams({ cluster: '', namespace: '', kinds: [], unhealthy: false })}>
            Clear filters
          </Button>
        )}
        <span className="sr-only" aria-live="assertive">
          {announce}
        </span>
        {params.view === 'graph' && (
          <div className="ml-auto flex gap-2">
            {v.collapsedNamespaces > 0 && (
              <Button size="sm" onClick={t.expandNamespaces}>
                Expand all namespaces
              </Button>
            )}
            {v.hidden > 0 && (
              <Button size="sm" onClick={t.showMore}>
                Show {formatCount(Math.min(v.hidden, BUDGET_STEP))} more
              </Button>
            )}
            {t.regrouped && (
              <Button size="sm" variant="ghost" onClick={t.resetGrouping}>
                Reset grouping
              </Button>
            )}
          </div>
        )}
      </div>
      {params.connections && <ConnectionLegend layer={layer} fetching={conn.fetching} problem={conn.problem} needsCluster={!layerCluster} view={params.view} />}
      {objects === 0 ? (
        <NothingToShow narrowed={f.narrowed} params={params} setParams={setParams} />
      ) : params.view === 'graph' ? (
        <TopologyGraph
          view={v}
          connections={layer?.edges}
          edgesById={t.edgesById}
          hrefOf={t.hrefOf}
          actions={t.actions}
          focus={{ id: focusId, seq: search.seq }}
          fitKey={fitKey}
          narrowedTo={{ cluster: focus?.cluster ?? (params.cluster || null), namespace: focus?.namespace ?? (params.namespace || null) }}
          label={`Topology graph of ${scopeName}`}
          className="m-3 h-[calc(100vh-350px)] min-h-[420px]"
        />
      ) : (
        <div>
          <TopologyOutline key={fitKey} entries={t.outline} connectionsOf={layer?.byPod} hrefOf={t.hrefOf} onActivate={t.open} focus={search} label={`Topology outline of ${scopeName}`} />
        </div>
      )}
      {params.view === 'graph' && objects > 0 && (
        <p className="truncate px-4 pb-2.5 text-xs text-muted">
          Drawn {formatCount(drawnObjects)} of {formatCount(objects)} · click or Enter opens a node’s page (a pod: its service’s) or a counted box · the{' '}
          <button type="button" className="cursor-pointer text-accent underline" onClick={() => setParams({ view: 'outline' })}>
            outline
          </button>{' '}
          lists the same objects as text
        </p>
      )}
    </Card>
  );
}

function NothingToShow({ narrowed, params, setParams }: { narrowed: boolean; params: TopologyParams; setParams: SetParams }) {
  if (narrowed) {
    return (
      <EmptyState icon={SearchX} title="No objects match these filters" action={<Button onClick={() => setParams({ kinds: [], unhealthy: false })}>Show every kind, healthy or not</Button>}>
        {params.unhealthy ? 'Nothing in this scope is unhealthy — every ingress, service and pod here is OK.' : 'This scope holds none of the kinds you picked.'} Widen the filters to see the rest.
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={Network} title="Nothing mirrored in this scope yet">
      There are no ingresses, services or pods {params.namespace ? `in namespace ${params.namespace}` : 'here'}. Objects created with kubectl appear within seconds;
      {params.cluster || params.namespace ? ' or pick another cluster or namespace above.' : ' register a cluster to see its topology.'}
    </EmptyState>
  );
}

/** Services and pods of a cluster, from its namespaces' counts (the scope picker's query has no per-cluster totals: those cost a full count at fleet scale). */
function sizeOfCluster(scopes: Scopes, cluster: string): number {
  return scopes.namespaces.reduce((sum, n) => (n.cluster === cluster ? sum + n.serviceCount + n.podCount : sum), 0);
}

/** The API refused the scope: too large (narrow it — sizes help pick), unknown, or another failure. */
function ScopeProblem({ problem, params, setParams, scopes, retry }: { problem: ApiProblem; params: TopologyParams; setParams: SetParams; scopes: Scopes; retry: () => void }) {
  const tooLarge = problem.code === 'VALIDATION_FAILED' && problem.details?.some((d) => d.rule === 'tooLarge');
  if (tooLarge) {
    const field = problem.details!.find((d) => d.rule === 'tooLarge')!.field;
    const choices =
      field === 'cluster'
        ? scopes.clusters.map((c) => ({ key: c.name, label: `cluster ${c.name}`, size: sizeOfCluster(scopes, c.name), pick: { cluster: c.name, namespace: '' } }))
        : scopes.namespaces.filter((n) => !params.cluster || n.cluster === params.cluster).map((n) => ({ key: `${n.cluster}/${n.name}`, label: `namespace ${n.name}${params.cluster ? '' : ` (${n.cluster})`}`, size: n.serviceCount + n.podCount, pick: { cluster: n.cluster, namespace: n.name } }));
    choices.sort((a, b) => b.size - a.size);
    return (
      <Card className="p-4">
        <ErrorState title={`Too much to draw: pick a ${field === 'cluster' ? 'cluster' : 'namespace'}`} message={problem.message}>
          A graph of more than 20,000 services and pods is not readable (nor fast). Narrow it to one {field}; the sizes below say what each holds.
        </ErrorState>
        <ul className="mt-3 grid grid-cols-[repeat(auto-fill,minmax(260px,1fr))] gap-2" aria-label={`Pick a ${field}`}>
          {choices.slice(0, 60).map((c) => (
            <li key={c.key}>
              <button type="button" onClick={() => setParams({ focus: '', ...c.pick })} className="flex w-full cursor-pointer items-center justify-between gap-2 rounded-md border border-border bg-surface px-3 py-2 text-left text-sm hover:bg-surface-2">
                <span className="truncate font-medium text-text">{c.label}</span>
                <span className={cn('shrink-0 text-xs', c.size > 20_000 ? 'text-bad' : 'text-muted')}>
                  {formatCount(c.size)} object{c.size === 1 ? '' : 's'}{c.size > 20_000 ? ' · too large too' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Card>
    );
  }
  const notFound = problem.code === 'NOT_FOUND';
  return (
    <ErrorState
      title={notFound ? 'This scope does not exist' : 'The topology could not be loaded'}
      message={problem.message}
      action={
        notFound ? (
          <Button onClick={() => setParams({ focus: '', cluster: '', namespace: '' })}>Show every cluster</Button>
        ) : (
          <Button onClick={retry}>Try again</Button>
        )
      }
    >
      {notFound ? `${params.focus ? 'The service' : params.namespace ? 'The cluster or namespace' : 'The cluster'} in the address is not registered, was deleted, or is outside your grants. Pick one from the filters above.` : problemAdvice(problem)}
    </ErrorState>
  );
}
