/** Where mirroring one cluster × kind stands (the sync loop's states). */
export const SYNC_STATUSES = ['PENDING', 'SYNCING', 'READY', 'DEGRADED', 'ERROR', 'PAUSED'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

// Worse states outrank better ones; PAUSED is decided by the cluster, not by its kinds.
const RANK: Record<SyncStatus, number> = { READY: 0, PENDING: 1, SYNCING: 2, DEGRADED: 3, ERROR: 4, PAUSED: 5 };

/** A cluster's status: PAUSED when paused, PENDING before any kind reported, else the worst kind's. */
export function clusterSyncStatus(paused: boolean, kinds: readonly { status: SyncStatus }[]): SyncStatus {
  if (paused) return 'PAUSED';
  if (kinds.length === 0) return 'PENDING';
  return kinds.reduce<SyncStatus>((worst, k) => (k.status !== 'PAUSED' && RANK[k.status] > RANK[worst] ? k.status : worst), 'READY');
}

/** true for states in which the mirror may be behind the cluster. */
export function syncNeedsAttention(status: SyncStatus): boolean {
  return status === 'DEGRADED' || status === 'ERROR';
}
