import { namespaceMatches } from './namespace-pattern.js';
import { type ReadScope, type Role, roleAtLeast } from './roles.js';

/** Where a grant applies: one cluster (by id, with its name for messages) or every cluster. */
export interface GrantScope {
  readonly clusterId: string | null;
  readonly clusterName: string | null;
  readonly namespacePattern: string;
}

/** What an identity may do, independent of how it authenticated. */
export interface AccessProfile {
  readonly role: Role;
  readonly grants: readonly GrantScope[];
  readonly readScope: ReadScope;
}

/** `all`, or the grants that bound it. An empty grant list means nothing at all. */
export type Scope = { readonly all: true } | { readonly all: false; readonly grants: readonly GrantScope[] };

export const ALL: Scope = { all: true };

export function grantCovers(g: GrantScope, clusterId: string, namespace: string): boolean {
  return (g.clusterId === null || g.clusterId === clusterId) && namespaceMatches(g.namespacePattern, namespace);
}

export function scopeCovers(scope: Scope, clusterId: string, namespace: string): boolean {
  return scope.all || scope.grants.some((g) => grantCovers(g, clusterId, namespace));
}

/** May the scope see anything of this cluster (cluster-level objects: nodes, the cluster itself)? */
export function scopeTouchesCluster(scope: Scope, clusterId: string): boolean {
  return scope.all || scope.grants.some((g) => g.clusterId === null || g.clusterId === clusterId);
}

/** Admins read everything; others everything too unless their token says GRANTS. */
export function readScopeOf(p: AccessProfile): Scope {
  if (p.role === 'admin' || p.readScope === 'ALL') return ALL;
  return { all: false, grants: p.grants };
}

/** Where an identity may change services and ingresses: admins everywhere, operators within their grants. */
export function writeScopeOf(p: AccessProfile): Scope {
  if (p.role === 'admin') return ALL;
  if (!roleAtLeast(p.role, 'operator')) return { all: false, grants: [] };
  return { all: false, grants: p.grants };
}

/** "namespaces team-a-* in cluster alpha, team-b in every cluster" — for refusals. */
export function describeGrants(grants: readonly GrantScope[]): string {
  if (!grants.length) return 'no namespaces';
  return grants
    .map((g) => `${g.namespacePattern === '*' ? 'every namespace' : `namespaces ${g.namespacePattern}`} in ${g.clusterId === null ? 'every cluster' : `cluster ${g.clusterName ?? g.clusterId}`}`)
    .join('; ');
}

/** The same check by cluster name, for data keyed by name (topology snapshots). */
export function scopeCoversNamed(scope: Scope, clusterName: string, namespace: string): boolean {
  return scope.all || scope.grants.some((g) => (g.clusterId === null || g.clusterName === clusterName) && namespaceMatches(g.namespacePattern, namespace));
}

export function scopeTouchesClusterNamed(scope: Scope, clusterName: string): boolean {
  return scope.all || scope.grants.some((g) => g.clusterId === null || g.clusterName === clusterName);
}
