/**
 * The workload a pod belongs to: its controller owner chain followed up through the
 * mirrored workloads (a ReplicaSet to its Deployment, a Job to its CronJob), or the
 * pod itself when no controller owns it.
 */

/** What the chain needs of a pod or a workload row: its controller ownerReference. */
export interface Owned {
  ownerKind: string | null;
  ownerName: string | null;
  ownerUid: string | null;
}

export interface OwnerNode extends Owned {
  kind: string;
  name: string;
  uid: string;
}

/** Structurally a reachability WorkloadRef, with the uid the chain ended at. */
export interface TopWorkloadRef {
  kind: string;
  name: string;
  /** null for a bare pod. */
  uid: string | null;
}

/**
 * The top of `pod`'s owner chain. An owner that is not among `workloads` (by uid; not
 * mirrored, not synced yet, or a custom controller) is the top as the reference names it.
 */
export function topWorkload(pod: Owned & { name: string }, workloads: ReadonlyMap<string, OwnerNode>): TopWorkloadRef {
  if (!pod.ownerUid || !pod.ownerKind || !pod.ownerName) return { kind: 'Pod', name: pod.name, uid: null };
  let top: TopWorkloadRef = { kind: pod.ownerKind, name: pod.ownerName, uid: pod.ownerUid };
  const seen = new Set<string>();
  for (;;) {
    seen.add(top.uid!);
    const node = workloads.get(top.uid!);
    // Follow an owner only when it is a workload too (a Deployment owned by an operator's object stays the top).
    const up = node?.ownerUid ? workloads.get(node.ownerUid) : undefined;
    if (!up || seen.has(up.uid)) return top;
    top = { kind: up.kind, name: up.name, uid: up.uid };
  }
}
