import type { ResourceKind, SyncStatus } from '@switchboard/k8s-model';

/** What one committed sync batch (or write-through) changed. */
export interface CatalogChange {
  cluster: string;
  kind: ResourceKind;
  /** UPSERT and DELETE name objects; RELIST means "anything of this kind may have changed". */
  op: 'UPSERT' | 'DELETE' | 'RELIST';
  /** Namespaced objects as "namespace/name", cluster-scoped ones as "name". */
  objects: string[];
  at: string;
}

export type { SyncStatus };

/** What a cluster status change reports: a sync state, or REMOVED for a removed cluster. */
export type ClusterState = SyncStatus | 'REMOVED';

/**
 * A sync state transition, for dashboards and automation: of one cluster × kind
 * (published by the loop syncing it), or of the whole cluster (`kind` null: paused,
 * resumed — PENDING until its kinds report — or REMOVED).
 */
export interface ClusterStatusChange {
  cluster: string;
  kind: ResourceKind | null;
  status: ClusterState;
  lastError: string | null;
  at: string;
}

export const CATALOG_CHANNEL = 'switchboard_changes';
export const CLUSTER_STATUS_CHANNEL = 'switchboard_cluster_status';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7_500;

/** Splits a change so every part's JSON fits in one NOTIFY payload. */
export function splitChange(change: CatalogChange): string[] {
  const whole = JSON.stringify(change);
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES) return [whole];
  const parts: string[] = [];
  let batch: string[] = [];
  const base = Buffer.byteLength(JSON.stringify({ ...change, objects: [] }));
  let size = base;
  for (const o of change.objects) {
    const add = Buffer.byteLength(JSON.stringify(o)) + 1;
    if (batch.length && size + add > MAX_PAYLOAD_BYTES) {
      parts.push(JSON.stringify({ ...change, objects: batch }));
      batch = [];
      size = base;
    }
    batch.push(o);
    size += add;
  }
  if (batch.length) parts.push(JSON.stringify({ ...change, objects: batch }));
  return parts;
}
