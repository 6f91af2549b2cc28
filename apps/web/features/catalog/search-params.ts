import { SERVICE_KIND_LABELS, tryParseLabelSelector } from '@switchboard/k8s-model';
// nuqs/server: the parsers without client hooks, so the server page and the client view read one definition.
import { createLoader, parseAsBoolean, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import type { ServiceFilterInput, ServiceSort } from '../../lib/graphql/generated/graphql';

export const SORTS = ['namespace', 'name', 'cluster', 'newest'] as const;
export type CatalogSort = (typeof SORTS)[number];
export const SORT_LABEL: Record<CatalogSort, string> = { namespace: 'Namespace', name: 'Name', cluster: 'Cluster', newest: 'Newest first' };
const SORT_TO_API: Record<CatalogSort, ServiceSort> = { namespace: 'NAMESPACE', name: 'NAME', cluster: 'CLUSTER', newest: 'CREATED' };

export const HEALTH = ['all', 'findings', 'healthy'] as const;
export type HealthFilter = (typeof HEALTH)[number];
export const HEALTH_LABEL: Record<HealthFilter, string> = { all: 'Any', findings: 'With findings', healthy: 'No findings' };

/**
 * Every catalog filter, as it appears in the URL. The keys are the ones other pages
 * already link with (`routes.catalog({ cluster })`, `{ q }`) and mirror the REST API's
 * (`?cluster=&namespace=&kind=&label=&q=`); lists repeat the key.
 */
export const catalogParams = {
  q: parseAsString.withDefault(''),
  cluster: parseAsNativeArrayOf(parseAsString),
  namespace: parseAsNativeArrayOf(parseAsString),
  kind: parseAsNativeArrayOf(parseAsStringLiteral(SERVICE_KIND_LABELS)),
  health: parseAsStringLiteral(HEALTH).withDefault('all'),
  label: parseAsString.withDefault(''),
  sort: parseAsStringLiteral(SORTS).withDefault('namespace'),
  group: parseAsBoolean.withDefault(false),
};

export type CatalogParams = inferParserType<typeof catalogParams>;
export const loadCatalogParams = createLoader(catalogParams);

export const isFiltered = (p: CatalogParams) => !!(p.q.trim() || p.cluster.length || p.namespace.length || p.kind.length || p.health !== 'all' || p.label.trim());

/** The label selector as the browser checks it before anything is sent (the API's own parser). */
export function selectorProblem(label: string): string | null {
  if (!label.trim()) return null;
  const parsed = tryParseLabelSelector(label);
  return parsed.ok ? null : parsed.error.message;
}

/** The API's filter for the URL's parameters; null while the label selector is invalid (nothing is sent then). */
export function apiFilter(p: CatalogParams): ServiceFilterInput | null {
  if (selectorProblem(p.label)) return null;
  const f: ServiceFilterInput = {};
  if (p.q.trim()) f.search = p.q.trim();
  if (p.cluster.length) f.clusters = p.cluster;
  if (p.namespace.length) f.namespaces = p.namespace;
  if (p.kind.length) f.kinds = p.kind;
  if (p.health !== 'all') f.hasDiagnostics = p.health === 'findings';
  if (p.label.trim()) f.labelSelector = p.label.trim();
  return f;
}

export const apiSort = (p: CatalogParams): ServiceSort => SORT_TO_API[p.sort];

/** One string per distinct request, so a page knows whether data belongs to the view shown. */
export const viewKey = (p: CatalogParams) => JSON.stringify([apiFilter(p), p.group ? 'groups' : apiSort(p)]);
