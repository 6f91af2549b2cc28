import type { AuditOutcome } from '../../../lib/graphql/generated/graphql';

export const AUDIT_FILTERS = ['actor', 'action', 'cluster', 'namespace', 'outcome'] as const;
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;

export const OUTCOMES: AuditOutcome[] = ['SUCCEEDED', 'FAILED', 'REPLAYED'];

/** Every operation the API audits, for the action filter's suggestions. */
export const AUDITED_ACTIONS = [
  'createService',
  'updateService',
  'deleteService',
  'exposeService',
  'unexposeService',
  'createIngress',
  'updateIngress',
  'deleteIngress',
  'testClusterConnection',
  'registerCluster',
  'updateCluster',
  'resyncCluster',
  'removeCluster',
  'createToken',
  'revokeToken',
  'createGrant',
  'deleteGrant',
];

/** The audit page's address for these filters (and a cursor), so every view can be shared and Back restores it. */
export function auditHref(filters: AuditFilters, after?: string | null): string {
  const q = new URLSearchParams();
  for (const k of AUDIT_FILTERS) if (filters[k]) q.set(k, filters[k]!);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}
