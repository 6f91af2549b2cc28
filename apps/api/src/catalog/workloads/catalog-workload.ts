import type { WorkloadRecord } from '@switchboard/k8s-model';

/** A mirrored workload row, as the owner chain needs it (the record without its bookkeeping; kind as stored). */
export type WorkloadRow = Omit<WorkloadRecord, 'kind' | 'labels' | 'resourceVersion' | 'k8sCreatedAt'> & { kind: string };

/** A mirrored pod's name and controller owner reference. */
export interface PodOwnerRow {
  namespace: string;
  name: string;
  ownerKind: string | null;
  ownerName: string | null;
  ownerUid: string | null;
}

/** The top of some pods' owner chains (or a top-level workload without pods). */
export interface TopWorkload {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string | null;
  /** The row when the top is a mirrored workload; null for a bare pod or an owner the catalog does not mirror. */
  mirrored: WorkloadRow | null;
  pods: string[];
}
