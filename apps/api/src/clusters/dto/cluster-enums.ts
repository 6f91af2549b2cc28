import { RESOURCE_KINDS, type ResourceKind, SYNC_STATUSES, type SyncStatus } from '@switchboard/k8s-model';
import { closedSet } from '../../graphql/closed-set.js';
import type { AuthKind } from '../cluster.types.js';

export const SyncStatusSet = closedSet<SyncStatus>('SyncStatus', SYNC_STATUSES, 'Where mirroring a cluster × kind stands: PENDING (not started), SYNCING (listing), READY (watching), DEGRADED (retrying after an error), ERROR (failing repeatedly), PAUSED');
export const ResourceKindSet = closedSet<ResourceKind>('ResourceKind', RESOURCE_KINDS, 'A kind of Kubernetes object the catalog mirrors');
export const CLUSTER_AUTH_KINDS: readonly AuthKind[] = ['KUBECONFIG', 'TOKEN', 'IN_CLUSTER'];
export const ClusterAuthKindSet = closedSet<AuthKind>('ClusterAuthKind', CLUSTER_AUTH_KINDS, 'How Switchboard authenticates to a cluster');
