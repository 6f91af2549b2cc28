import { namespacePatternToLike, type Scope } from '@switchboard/k8s-model';
import type { Params } from '../../database/sql-params.js';

/**
 * The caller's read scope as a SQL condition on a row's cluster id and namespace
 * (null when the caller reads everything). Grants become one unnest() so the
 * statement's shape does not change with their number.
 */
export function scopeSql(scope: Scope | undefined, p: Params, clusterIdColumn: string, namespaceColumn: string): string | null {
  if (!scope || scope.all) return null;
  if (!scope.grants.length) return 'false';
  const clusters = p.add(scope.grants.map((g) => g.clusterId));
  const patterns = p.add(scope.grants.map((g) => namespacePatternToLike(g.namespacePattern)));
  return `EXISTS (SELECT 1 FROM unnest(${clusters}::text[], ${patterns}::text[]) AS g(cid, pat)
    WHERE (g.cid IS NULL OR g.cid = ${clusterIdColumn}::text) AND ${namespaceColumn} LIKE g.pat)`;
}

/** Cluster-level rows (the cluster itself, its nodes): visible when any grant reaches the cluster. */
export function clusterScopeSql(scope: Scope | undefined, p: Params, clusterIdColumn: string): string | null {
  if (!scope || scope.all) return null;
  if (!scope.grants.length) return 'false';
  if (scope.grants.some((g) => g.clusterId === null)) return null;
  return `${clusterIdColumn}::text = ANY(${p.add(scope.grants.map((g) => g.clusterId))}::text[])`;
}
