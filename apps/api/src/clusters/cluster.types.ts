import type { ResourceKind, SyncStatus } from '@switchboard/k8s-model';

export type AuthKind = 'KUBECONFIG' | 'TOKEN' | 'IN_CLUSTER';

export interface ClusterRecord {
  id: string;
  name: string;
  displayName: string;
  server: string;
  authKind: AuthKind;
  context: string | null;
  clusterDomain: string;
  labels: Record<string, string>;
  paused: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface KindSyncState {
  kind: ResourceKind;
  status: SyncStatus;
  resourceVersion: string | null;
  lastListAt: Date | null;
  lastEventAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  objectCount: number;
  relists: number;
  restarts: number;
  lagSeconds: number | null;
}

export interface NewCluster {
  name: string;
  displayName: string;
  server: string;
  authKind: AuthKind;
  context: string | null;
  clusterDomain: string;
  labels: Record<string, string>;
  credentials: Uint8Array<ArrayBuffer>;
}
