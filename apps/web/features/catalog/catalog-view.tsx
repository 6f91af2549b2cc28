'use client';

import { SERVICE_KIND_LABELS } from '@switchboard/k8s-model';
import { FilterX, SearchX, Server } from 'lucide-react';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/states';
import { problemAdvice } from '../../lib/graphql/errors';
import type { CatalogFacetsQuery as Facets } from '../../lib/graphql/generated/graphql';
import { formatCount } from '../../lib/kinds';
import { routes } from '../../lib/routes';
import { useLive } from '../live/use-live';
import { type CatalogItem, catalogFetcher } from './catalog-data';
import { CatalogTable } from './catalog-table';
import { MultiSelect, SearchField, SelectField, SelectorField, Toggle } from './filters';
import { CatalogFacetsQuery } from './queries';
import { apiFilter, apiSort, type CatalogParams, catalogParams, HEALTH, HEALTH_LABEL, isFiltered, loadCatalogParams, selectorProblem, SORT_LABEL, SORTS, viewKey } from './search-params';
import { type InitialPage, useKeysetPages } from './use-keyset-pages';

const LIVE_KINDS = ['SERVICE', 'ENDPOINT_SLICE', 'INGRESS'] as const;

export interface CatalogViewProps {
  /** The first page (or why there is none), rendered by the server for the view in the URL; null when nothing was asked. */
  initial: InitialPage<CatalogItem> | null;
  facets: Facets | null;
}

/**
 * The catalog: filters that live in the URL (bookmark, share, Back/Forward), the first
 * page from the server, further pages and filter changes fetched here, and live
 * updates from `catalogChanged` that keep the rows current without moving the view.
 */
export function CatalogView({ initial, facets: initialFacets }: CatalogViewProps) {
  // Every change is its own history entry, so Back steps through the views one took.
  const [urlState, setParams] = useQueryStates(catalogParams, { history: 'push' });
  // After Back/Forward, Next's router (which nuqs reads) may first fetch the entry's
  // server render before its search params move — and two quick steps can leave it on
  // the earlier entry. The address bar is the truth: read it at once on popstate and
  // show that view until the router agrees (nothing is written to the URL meanwhile).
  const [fromAddressBar, setFromAddressBar] = useState<CatalogParams | null>(null);
  const params = fromAddressBar && viewKey(fromAddressBar) !== viewKey(urlState) ? fromAddressBar : urlState;
  const urlStateRef = useRef(urlState);
  urlStateRef.current = urlState;
  useEffect(() => {
    if (fromAddressBar && viewKey(fromAddressBar) === viewKey(urlState)) setFromAddressBar(null);
  }, [fromAddressBar, urlState]);
  useEffect(() => {
    const onPop = () => {
      const shown = loadCatalogParams(window.location.search);
      setFromAddressBar(viewKey(shown) === viewKey(urlStateRef.current) ? null : shown);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const client = useClient();
  const key = viewKey(params);
  const filter = useMemo(() => apiFilter(params), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const fetchPage = useMemo(
    () => (filter === null ? null : catalogFetcher(client, filter, params.group ? { group: true } : { group: false, sort: apiSort(params) })),
    [client, key], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const list = useKeysetPages(key, fetchPage, initial);
  const problem = list.status === 'error' ? list.problem : null;

  // Namespaces follow the chosen clusters; the server sent those of the first view.
  const clustersKey = JSON.stringify(params.cluster);
  const firstClusters = useRef(clustersKey);
  const facetsFollow = useRef(!initialFacets);
  if (clustersKey !== firstClusters.current) facetsFollow.current = true;
  const [facetsResult] = useQuery({ query: CatalogFacetsQuery, variables: { clusters: params.cluster.length ? params.cluster : null }, pause: !facetsFollow.current });
  const facets = facetsResult.data ?? initialFacets;

  // Live: what the list shows changed → re-read the pages in view.
  const visible = useRef<[number, number]>([0, 0]);
  const current = useRef(list);
  current.current = list;
  // Pages marked stale by a live event while out of view are re-read as they come into view.
  const onVisibleItems = useCallback((from: number, to: number) => {
    visible.current = [from, to];
    if (current.current.hasStaleIn(from, to)) void current.current.refresh(from, to);
  }, []);
  const refresh = list.refresh;
  useLive(
    {
      catalog: {
        kinds: [...LIVE_KINDS],
        ...(params.cluster.length ? { clusters: params.cluster } : {}),
        ...(params.namespace.length ? { namespaces: params.namespace } : {}),
      },
    },
    () => void refresh(...visible.current),
  );

  // Every key is written (not only the changed one), so a change made while the router
  // lags behind the address bar starts from the view on screen.
  const set = (patch: Partial<CatalogParams>, history: 'push' | 'replace' = 'push') => {
    setFromAddressBar(null);
    void setParams({ ...params, ...patch }, { history });
  };
  // Typing refines one search: the first commit is a history entry, the rest replace it.
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitSearch = (q: string) => {
    set({ q }, typing.current ? 'replace' : 'push');
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => (typing.current = null), 1500);
  };
  const clearAll = () => set({ q: '', cluster: [], namespace: [], kind: [], health: 'all', label: '' });

  const clusterNames = new Set(facets?.clusters.map((c) => c.name));
  const unknownClusters = facets ? params.cluster.filter((c) => !clusterNames.has(c)) : [];
  const nsCounts = new Map<string, number>();
  for (const ns of facets?.namespaces ?? []) nsCounts.set(ns.name, (nsCounts.get(ns.name) ?? 0) + ns.serviceCount);
  const badSelector = selectorProblem(params.label);
  const filtered = isFiltered(params);
  const noun = params.group ? 'service group' : 'service';
  const total = list.totalCount;

  return (
    <>
      <section aria-label="Filters" className="mb-3 flex flex-col gap-2.5">
        <div className="flex flex-wrap items-start gap-2">
          <SearchField value={params.q} onCommit={commitSearch} />
          <SelectorField value={params.label} problem={selectorProblem} onCommit={(label) => set({ label })} />
          <Toggle pressed={params.group} onChange={(group) => set({ group })} title="One row per namespace/name across clusters (namespace sameness), expanding to each cluster's service">
            Group by service
          </Toggle>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <MultiSelect
            label="Cluster"
            noun="cluster"
            value={params.cluster}
            onChange={(cluster) => set({ cluster })}
            options={(facets?.clusters ?? []).map((c) => ({ value: c.name, label: c.displayName === c.name ? c.name : `${c.displayName} (${c.name})`, detail: c.status === 'READY' ? undefined : c.status.toLowerCase() }))}
            unknownLabel={(v) => `${v} (not registered)`}
          />
          <MultiSelect
            label="Namespace"
            noun="namespace"
            value={params.namespace}
            onChange={(namespace) => set({ namespace })}
            // Namespaces without services (kube-node-lease…) would only lead to an empty list.
            options={[...nsCounts].filter(([name, n]) => n > 0 || params.namespace.includes(name)).sort((a, b) => a[0].localeCompare(b[0])).map(([name, n]) => ({ value: name, label: name, detail: formatCount(n) }))}
            unknownLabel={(v) => `${v} (none here)`}
          />
          <MultiSelect label="Type" noun="type" value={params.kind} onChange={(kind) => set({ kind: kind as typeof params.kind })} options={SERVICE_KIND_LABELS.map((k) => ({ value: k, label: k }))} />
          <SelectField label="Health" value={params.health} onChange={(health) => set({ health })} options={HEALTH.map((h) => ({ value: h, label: HEALTH_LABEL[h] }))} />
          <SelectField
            label="Sort"
            value={params.group ? 'namespace' : params.sort}
            onChange={(sort) => set({ sort })}
            options={SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }))}
            disabled={params.group}
            title={params.group ? 'Service groups are listed by namespace, then name' : undefined}
          />
          {filtered && (
            <Button variant="ghost" size="sm" onClick={clearAll} data-testid="clear-filters">
              <FilterX aria-hidden className="size-3.5" />
              Clear filters
            </Button>
          )}
        </div>
        {unknownClusters.length > 0 && (
          <p role="status" className="flex flex-wrap items-center gap-2 text-sm text-warn">
            <Server aria-hidden className="size-4" />
            The link names {unknownClusters.length === 1 ? 'a cluster' : 'clusters'} that {unknownClusters.length === 1 ? 'is' : 'are'} not registered: {unknownClusters.map((c) => `“${c}”`).join(', ')}.
            <Button size="sm" onClick={() => set({ cluster: params.cluster.filter((c) => clusterNames.has(c)) })}>
              Remove {unknownClusters.length === 1 ? 'it' : 'them'}
            </Button>
          </p>
        )}
      </section>
      <div className="mb-2 flex items-center justify-between gap-3">
          <p className="text-sm text-muted" aria-live="polite" data-testid="catalog-count">
            {badSelector ? (
              'Fix the label selector to search'
            ) : problem ? (
              'Nothing to show until the catalog answers'
            ) : list.status === 'loading' ? (
              'Loading…'
            ) : (
              <>
                <span className="font-semibold text-text tabular-nums">{formatCount(total)}</span> {total === 1 ? noun : `${noun}s`}
                {filtered ? (total === 1 ? ' matches' : ' match') : ''}
                {list.updating && <span className="ml-1">· updating…</span>}
              </>
            )}
          </p>
        <p className="text-xs text-muted">{params.group ? 'Grouped by namespace and name across clusters' : `Sorted by ${SORT_LABEL[params.sort].toLowerCase()}`}</p>
      </div>

      {badSelector ? (
        <ErrorState title="The label selector is not valid, so nothing was searched" message={badSelector} action={<Button size="sm" onClick={() => set({ label: '' })}>Clear the label selector</Button>}>
          Fix it in the Label selector field — e.g. <code>app=web</code>, <code>tier in (fe,be)</code>, <code>!canary</code> — and the list follows.
        </ErrorState>
      ) : problem ? (
        <ErrorState
          title="The catalog could not be loaded"
          message={problem.message}
          action={
            problem.code === 'UNAUTHENTICATED' ? (
              <Button size="sm" asChild>
                <a href={`/login?next=${encodeURIComponent(routes.catalog())}`}>Sign in again</a>
              </Button>
            ) : (
              <Button size="sm" onClick={() => void list.refresh(0, 0)}>
                Try again
              </Button>
            )
          }
        >
          {problemAdvice(problem)}
        </ErrorState>
      ) : list.status === 'loading' && list.items.length === 0 ? (
        <LoadingRows />
      ) : list.items.length === 0 ? (
        <div className="rounded-lg border border-border bg-surface shadow-card">
          {filtered ? (
            <EmptyState icon={SearchX} title={`No ${noun} matches these filters`} action={<Button onClick={clearAll}>Clear filters</Button>}>
              {params.q.trim() && (
                <>
                  Nothing has “{params.q.trim()}” in its name, namespace, labels or ingress hosts
                  {params.cluster.length || params.namespace.length || params.kind.length || params.health !== 'all' || params.label ? ' within the other filters' : ''}.{' '}
                </>
              )}
              Loosen a filter, or clear them all to see every service.
            </EmptyState>
          ) : (
            <EmptyState icon={Server} title="The catalog is empty" action={<Button asChild><Link href={routes.overview()}>See the clusters</Link></Button>}>
              No cluster has reported a service yet. A newly registered cluster fills in within seconds; the overview shows whether each one is mirrored.
            </EmptyState>
          )}
        </div>
      ) : (
        <CatalogTable
          items={list.items}
          grouped={params.group}
          totalCount={total}
          hasNextPage={list.hasNextPage}
          updating={list.updating}
          moreProblem={list.moreProblem}
          viewKey={key}
          loadMore={list.loadMore}
          onRetry={() => (list.hasNextPage ? list.loadMore() : list.refresh(...visible.current))}
          onVisibleItems={onVisibleItems}
          caption={`${formatCount(total)} ${total === 1 ? noun : `${noun}s`}${filtered ? ' matching the filters' : ''}`}
        />
      )}
      {params.group && list.items.length > 0 && (
        <p className="mt-2 text-xs text-muted">
          <Badge tone="idle" className="mr-1.5">
            Grouped
          </Badge>
          A group is listed when any of its services matches the filters; opening it shows the service in every cluster it runs in.
        </p>
      )}
    </>
  );
}

function LoadingRows() {
  return (
    <div className="rounded-lg border border-border bg-surface p-3 shadow-card" role="status" aria-label="Loading services">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="mb-2 h-10 w-full last:mb-0" />
      ))}
    </div>
  );
}
