import { BY_OWNER_UID, KINDS, rkeyOf } from './cluster-kinds.js';
import { jsonClone as clone, flatString, jsonEqual } from './json-values.js';
import { now, randSuffix } from './object-meta.js';
import type { ResourceDef } from './resources.js';
import type { KubeObject, OwnerReference } from './kube-object.js';
import type { Store } from './store.js';

/** The write path the workload controllers act through (a subset of ControllerWrites). */
export interface WorkloadWrites {
  readonly store: Store;
  insert(d: ResourceDef, obj: KubeObject): KubeObject;
  update(d: ResourceDef, obj: KubeObject): KubeObject;
  delete(d: ResourceDef, namespace: string | undefined, name: string): KubeObject;
  writeStatus(d: ResourceDef, obj: KubeObject, status: unknown): void;
}

/** The kinds whose controller creates pods itself (a Deployment acts through ReplicaSets, a CronJob through Jobs). */
export const POD_OWNERS = ['replicaSets', 'replicationControllers', 'statefulSets', 'daemonSets', 'jobs'] as const;
type PodOwner = (typeof POD_OWNERS)[number];

export function podReady(p: KubeObject): boolean {
  return p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True') ?? false;
}

const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a of the template, spelled like the controllers' hashes (rand.SafeEncodeString of the number). */
export function templateHash(template: unknown): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(template);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  for (const c of String(h)) out += SAFE_ALPHANUMS[c.charCodeAt(0) % SAFE_ALPHANUMS.length];
  return out;
}

export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export const controllerOf = (o: KubeObject) => o.metadata.ownerReferences?.find((r) => r.controller);

const KIND_TO_DEF: Record<string, keyof typeof KINDS> = {
  ReplicaSet: 'replicaSets',
  ReplicationController: 'replicationControllers',
  StatefulSet: 'statefulSets',
  DaemonSet: 'daemonSets',
  Job: 'jobs',
  CronJob: 'cronJobs',
  Deployment: 'deployments',
};

/**
 * The controller manager's workload controllers: ReplicaSets, ReplicationControllers,
 * StatefulSets, DaemonSets and Jobs keep their pods, CronJobs own the Jobs they start.
 * Deleted pods are replaced, as the real controllers do.
 */
export class WorkloadControllers {
  /** Owners being reconciled: a pod deleted by its own owner's reconcile must not re-enter it. */
  private readonly busy = new Set<string>();

  constructor(private readonly w: WorkloadWrites) {}

  /** The stored controlling owner of `o`, if it still exists. */
  ownerOf(o: KubeObject): { def: ResourceDef; obj: KubeObject } | undefined {
    const ref = controllerOf(o);
    const key = ref && KIND_TO_DEF[ref.kind];
    if (!ref || !key) return undefined;
    const def = KINDS[key];
    const obj = this.w.store.get(rkeyOf(def), o.metadata.namespace, ref.name);
    return obj && obj.metadata.uid === ref.uid ? { def, obj } : undefined;
  }

  podsOf(owner: KubeObject): KubeObject[] {
    return this.w.store.byIndex(rkeyOf(KINDS.pods), BY_OWNER_UID, owner.metadata.namespace, owner.metadata.uid!).filter((p) => controllerOf(p)?.uid === owner.metadata.uid);
  }

  /** Reconciles a pod-owning object of kind `key` (guarded against re-entry). */
  reconcile(key: PodOwner | 'cronJobs', obj: KubeObject, withStatus = true): void {
    const uid = obj.metadata.uid!;
    if (this.busy.has(uid)) return;
    this.busy.add(uid);
    try {
      const current = this.w.store.get(rkeyOf(KINDS[key]), obj.metadata.namespace, obj.metadata.name);
      if (!current || current.metadata.uid !== uid || current.metadata.deletionTimestamp) return;
      if (key === 'replicaSets' || key === 'replicationControllers') this.replicas(key, current, withStatus);
      else if (key === 'statefulSets') this.statefulSet(current, withStatus);
      else if (key === 'daemonSets') this.daemonSet(current, withStatus);
      else if (key === 'jobs') this.job(current, withStatus);
      else this.cronJob(current);
    } finally {
      this.busy.delete(uid);
    }
  }

  reconcileAll(withStatus: boolean): void {
    if (withStatus) for (const cj of this.w.store.list(rkeyOf(KINDS.cronJobs))) this.reconcile('cronJobs', cj);
    for (const key of POD_OWNERS) for (const o of this.w.store.list(rkeyOf(KINDS[key]))) this.reconcile(key, o, withStatus);
  }

  private newPod(owner: KubeObject, name: string, labels: Record<string, string>, extraSpec: Record<string, unknown> = {}): void {
    const template = owner.spec?.template ?? {};
    this.w.insert(KINDS.pods, {
      metadata: {
        name: flatString(name),
        namespace: owner.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...labels },
        ...(template.metadata?.annotations ? { annotations: clone(template.metadata.annotations) } : {}),
        ownerReferences: [controllerRef(owner)],
      },
      spec: { ...clone(template.spec ?? {}), ...extraSpec },
    });
  }

  /** Deletes the pods past `keep`, not-ready ones first (the replica set controller's ranking). */
  private trim(pods: KubeObject[], keep: number): void {
    const ranked = [...pods].sort((a, b) => Number(podReady(a)) - Number(podReady(b)));
    for (const p of ranked.slice(0, Math.max(0, pods.length - keep))) this.w.delete(KINDS.pods, p.metadata.namespace, p.metadata.name);
  }

  private setStatus(key: keyof typeof KINDS, obj: KubeObject, status: Record<string, unknown>): void {
    const stored = this.w.store.get(rkeyOf(KINDS[key]), obj.metadata.namespace, obj.metadata.name);
    const next = { ...(stored?.status ?? {}), ...status };
    if (stored && !jsonEqual(stored.status, next)) this.w.writeStatus(KINDS[key], stored, next);
  }

  private replicas(key: 'replicaSets' | 'replicationControllers', rs: KubeObject, withStatus: boolean): void {
    const want = rs.spec?.replicas ?? 1;
    const pods = this.podsOf(rs);
    if (pods.length > want) this.trim(pods, want);
    for (let i = pods.length; i < want; i++) this.newPod(rs, `${rs.metadata.name}-${randSuffix()}`, {});
    if (!withStatus) return;
    const all = this.podsOf(rs);
    const ready = all.filter(podReady).length;
    const labels = rs.spec?.template?.metadata?.labels ?? {};
    const fully = all.filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v)).length;
    this.setStatus(key, rs, { replicas: all.length, fullyLabeledReplicas: fully, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation });
  }

  /** Ordinal pods `<name>-<i>`; a pod of an older revision is replaced, highest ordinal first. */
  private statefulSet(sts: KubeObject, withStatus: boolean): void {
    const name = sts.metadata.name;
    const want = sts.spec?.replicas ?? 1;
    const revision = `${name}-${templateHash(sts.spec?.template ?? {})}`;
    const pods = this.podsOf(sts);
    const ordinal = (p: KubeObject) => Number(p.metadata.name.slice(name.length + 1));
    for (const p of pods.sort((a, b) => ordinal(b) - ordinal(a))) {
      if (ordinal(p) >= want || p.metadata.labels?.['controller-revision-hash'] !== revision) this.w.delete(KINDS.pods, p.metadata.namespace, p.metadata.name);
    }
    for (let i = 0; i < want; i++) {
      const podName = `${name}-${i}`;
      if (this.w.store.get(rkeyOf(KINDS.pods), sts.metadata.namespace, podName)) continue;
      const labels = { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) };
      this.newPod(sts, podName, labels, { hostname: podName, ...(sts.spec?.serviceName ? { subdomain: sts.spec.serviceName } : {}) });
    }
    if (!withStatus) return;
    const all = this.podsOf(sts);
    const ready = all.filter(podReady).length;
    this.setStatus('statefulSets', sts, { observedGeneration: sts.metadata.generation, replicas: all.length, readyReplicas: ready, currentReplicas: all.length, updatedReplicas: all.length, availableReplicas: ready, currentRevision: revision, updateRevision: revision, collisionCount: 0 });
  }

  /** One pod per node, bound to it. */
  private daemonSet(ds: KubeObject, withStatus: boolean): void {
    const nodes = this.w.store.list(rkeyOf(KINDS.nodes)).map((n) => n.metadata.name);
    const revision = templateHash(ds.spec?.template ?? {});
    const pods = this.podsOf(ds);
    const onNode = new Map<string, KubeObject>();
    for (const p of pods) {
      const node = p.spec?.nodeName as string | undefined;
      if (!node || !nodes.includes(node) || onNode.has(node) || p.metadata.labels?.['controller-revision-hash'] !== revision) this.w.delete(KINDS.pods, p.metadata.namespace, p.metadata.name);
      else onNode.set(node, p);
    }
    for (const node of nodes) {
      if (onNode.has(node)) continue;
      this.newPod(ds, `${ds.metadata.name}-${randSuffix()}`, { 'controller-revision-hash': revision, 'pod-template-generation': String(ds.metadata.generation ?? 1) }, { nodeName: node });
    }
    if (!withStatus) return;
    const all = this.podsOf(ds);
    const ready = all.filter(podReady).length;
    this.setStatus('daemonSets', ds, { observedGeneration: ds.metadata.generation, desiredNumberScheduled: nodes.length, currentNumberScheduled: all.length, numberMisscheduled: 0, numberReady: ready, numberAvailable: ready, updatedNumberScheduled: all.length });
  }

  /** `parallelism` pods at a time, until `completions` (pods do not run to completion in kube-sim). */
  private job(job: KubeObject, withStatus: boolean): void {
    if (job.spec?.suspend) return;
    const want = Math.min(job.spec?.parallelism ?? 1, job.spec?.completions ?? Number.MAX_SAFE_INTEGER);
    const pods = this.podsOf(job).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (pods.length > want) this.trim(pods, want);
    const uid = job.metadata.uid!;
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name };
    for (let i = pods.length; i < want; i++) this.newPod(job, `${job.metadata.name}-${randSuffix()}`, labels);
    if (!withStatus) return;
    const active = this.podsOf(job).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    this.setStatus('jobs', job, { startTime: job.status?.startTime ?? now(), active: active.length, ready: active.filter(podReady).length, terminating: 0, uncountedTerminatedPods: {} });
  }

  /** A CronJob starts one Job when it is created (kube-sim does not follow the schedule). */
  private cronJob(cj: KubeObject): void {
    if (cj.spec?.suspend) return;
    const owned = this.w.store.byIndex(rkeyOf(KINDS.jobs), BY_OWNER_UID, cj.metadata.namespace, cj.metadata.uid!);
    const jobRef = (job: KubeObject) => ({ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion });
    if (cj.status?.lastScheduleTime) {
      // A Job deleted since leaves the active list.
      const active = owned.map(jobRef);
      if ((cj.status.active ?? []).length !== active.length) this.setStatus('cronJobs', cj, { active });
      return;
    }
    if (owned.length) return;
    const scheduled = Math.floor(Date.now() / 60000);
    const template = cj.spec?.jobTemplate ?? {};
    const job = this.w.insert(KINDS.jobs, {
      metadata: {
        name: flatString(`${cj.metadata.name}-${scheduled}`),
        namespace: cj.metadata.namespace,
        labels: clone(template.metadata?.labels ?? {}),
        annotations: { ...(template.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(scheduled * 60000).toISOString().replace('.000', '') },
        ownerReferences: [controllerRef(cj)],
      },
      spec: clone(template.spec ?? {}),
    });
    this.setStatus('cronJobs', cj, { active: [jobRef(job)], lastScheduleTime: new Date(scheduled * 60000).toISOString().replace('.000', '') });
  }
}

/** The ReplicaSet a Deployment's template maps to, as the deployment controller names and labels it. */
export function replicaSetFor(dep: KubeObject, hash: string, replicas: number): KubeObject {
  const template = clone(dep.spec?.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
  const matchLabels = { ...(dep.spec?.selector?.matchLabels ?? {}), 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: flatString(`${dep.metadata.name}-${hash}`),
      namespace: dep.metadata.namespace,
      labels: { ...(dep.spec?.template?.metadata?.labels ?? {}), 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(dep.spec?.replicas ?? 1), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [controllerRef(dep)],
    },
    spec: { replicas, selector: { ...clone(dep.spec?.selector ?? {}), matchLabels }, template },
  };
}
