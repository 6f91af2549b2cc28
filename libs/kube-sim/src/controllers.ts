import { intToIp, ipToInt, parseCidr } from './ipam.js';
import { BY_OWNER_UID, BY_SERVICE_NAME, KINDS, rkeyOf } from './cluster-kinds.js';
import { jsonClone as clone, flatString, jsonEqual } from './json-values.js';
import { now } from './object-meta.js';
import { RESOURCES, type ResourceDef } from './resources.js';
import { compileSelector } from './selectors.js';
import { notFound } from './status.js';
import type { KubeObject } from './kube-object.js';
import type { Store } from './store.js';
import { controllerOf, podReady, POD_OWNERS, replicaSetFor, templateHash, WorkloadControllers } from './workload-controllers.js';

/** The API server's write path, as the controllers act through it. */
export interface ControllerWrites {
  readonly store: Store;
  /** Creates an object the caller gives away (no copy). */
  insert(d: ResourceDef, obj: KubeObject): KubeObject;
  create(d: ResourceDef, obj: KubeObject): KubeObject;
  update(d: ResourceDef, obj: KubeObject): KubeObject;
  delete(d: ResourceDef, namespace: string | undefined, name: string): KubeObject;
  /** A status write without validation (new resourceVersion). */
  writeStatus(d: ResourceDef, obj: KubeObject, status: unknown): void;
}

export interface ControllerOptions {
  region: string;
  loadBalancer: false | { ipPool: string; hostnames: boolean };
  podReadyDelayMs: number;
}

/**
 * The controllers that react to writes, as a cluster's control plane and cloud
 * provider would: deployments → pods, the scheduler, EndpointSlices and legacy
 * Endpoints, load balancers, and garbage collection through owner references.
 */
export class Controllers {
  private readonly podIpNext = new Map<string, number>();
  /** Per deployment uid: the template hash of its generation (hashing the template at every pod event would be costly). */
  private readonly templateHashes = new Map<string, { generation: number | undefined; hash: string; rsName: string }>();
  private lbNext = 0;
  /** While true, controllers wait (bulk loading reconciles once at the end). */
  private deferred = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly workloads: WorkloadControllers;
  private readonly deploymentsBusy = new Set<string>();

  constructor(
    private readonly w: ControllerWrites,
    private readonly opts: ControllerOptions,
  ) {
    this.workloads = new WorkloadControllers(w);
  }

  /** Bulk loading: controllers run once at the end instead of after every write. */
  batch<T>(fn: () => T): T {
    this.deferred = true;
    try {
      return fn();
    } finally {
      this.deferred = false;
      this.reconcileAll();
    }
  }

  /** After a /status write: a pod's readiness also counts in its deployment's status. */
  statusWritten(d: ResourceDef, obj: KubeObject, old: KubeObject): void {
    this.react(d, obj, false, old);
    if (d === KINDS.pods && !this.deferred) this.reconcileOwnersOf(obj);
  }

  /** After a write of `obj` (its previous state `old`): whatever it changes for the controllers. */
  react(d: ResourceDef, obj: KubeObject, deleted = false, old?: KubeObject): void {
    if (this.deferred) return;
    const ns = obj.metadata.namespace;
    const workload = WORKLOAD_KEYS.get(d);
    if (d === KINDS.deployments) {
      this.reconcileDeployment(obj, deleted);
    } else if (workload) {
      if (!deleted) this.workloads.reconcile(workload, obj);
      // A ReplicaSet's change (its pods' readiness) shows in its deployment's status.
      this.reconcileOwnersOf(obj);
    } else if (d === KINDS.pods) {
      if (!deleted) this.schedule(obj);
      if (ns) this.reconcileServicesSelecting(ns, [obj.metadata.labels, old?.metadata.labels]);
      // A deleted pod is replaced by its controller.
      if (deleted) this.reconcileOwnersOf(obj);
    } else if (d === KINDS.nodes) {
      for (const ds of this.w.store.list(rkeyOf(KINDS.daemonSets))) this.workloads.reconcile('daemonSets', ds);
    } else if (d === KINDS.services) {
      if (ns) this.reconcileService(ns, obj.metadata.name, deleted);
      if (!deleted) this.assignLoadBalancer(KINDS.services, obj);
    } else if (d === KINDS.ingresses && !deleted) {
      this.assignLoadBalancer(KINDS.ingresses, obj);
    }
  }

  reconcileAll(): void {
    // Pods first, without per-pod reactions (those would recompute every slice of the
    // namespace once per pod), then every namespace's slices once.
    const deferred = this.deferred;
    this.deferred = true;
    try {
      // The status comes in the second pass, once the pods are scheduled (and maybe ready).
      for (const cj of this.w.store.list(rkeyOf(KINDS.cronJobs))) this.workloads.reconcile('cronJobs', cj);
      for (const dep of this.w.store.list(rkeyOf(KINDS.deployments))) this.reconcileDeployment(dep, false, false);
      this.workloads.reconcileAll(false);
      for (const pod of this.w.store.values(rkeyOf(KINDS.pods))) this.schedule(pod);
    } finally {
      this.deferred = deferred;
    }
    this.workloads.reconcileAll(true);
    for (const dep of this.w.store.values(rkeyOf(KINDS.deployments))) this.reconcileDeployment(dep, false);
    for (const ns of this.w.store.list(rkeyOf(KINDS.namespaces))) this.reconcileSlicesIn(ns.metadata.name);
    for (const svc of this.w.store.list(rkeyOf(KINDS.services))) this.assignLoadBalancer(KINDS.services, svc);
    for (const ing of this.w.store.list(rkeyOf(KINDS.ingresses))) this.assignLoadBalancer(KINDS.ingresses, ing);
  }

  /** The pod-template-hash and name of a deployment's current ReplicaSet: a new template, a new one. */
  private replicaSetOf(dep: KubeObject): { hash: string; rsName: string } {
    const cached = this.templateHashes.get(dep.metadata.uid!);
    if (cached && cached.generation === dep.metadata.generation) return cached;
    const hash = templateHash(dep.spec?.template ?? {});
    const entry = { generation: dep.metadata.generation, hash, rsName: flatString(`${dep.metadata.name}-${hash}`) };
    this.templateHashes.set(dep.metadata.uid!, entry);
    return entry;
  }

  /**
   * The deployment controller: a ReplicaSet per template, scaled to the deployment's
   * replicas; a changed template rolls out: the new ReplicaSet gets every replica at
   * once, and the old ones shrink as the new pods become ready, so the service never
   * runs dry. Old ReplicaSets stay at 0 replicas, up to revisionHistoryLimit.
   */
  private reconcileDeployment(dep: KubeObject, deleted: boolean, withStatus = true): void {
    if (deleted) {
      this.templateHashes.delete(dep.metadata.uid!);
      return; // garbage collection takes its ReplicaSets and their pods
    }
    // Its own ReplicaSet writes come back here: the outer pass finishes the job.
    if (this.deploymentsBusy.has(dep.metadata.uid!)) return;
    this.deploymentsBusy.add(dep.metadata.uid!);
    try {
      this.reconcileReplicaSets(dep, withStatus);
    } finally {
      this.deploymentsBusy.delete(dep.metadata.uid!);
    }
  }

  private reconcileReplicaSets(dep: KubeObject, withStatus: boolean): void {
    const ns = dep.metadata.namespace!;
    const { hash, rsName } = this.replicaSetOf(dep);
    const want = dep.spec?.replicas ?? 1;
    const owned = () => this.w.store.byIndex(rkeyOf(KINDS.replicaSets), BY_OWNER_UID, ns, dep.metadata.uid!).filter((rs) => controllerOf(rs)?.uid === dep.metadata.uid);
    let current = owned().find((rs) => rs.metadata.name === rsName);
    if (!current) current = this.w.insert(KINDS.replicaSets, replicaSetFor(dep, hash, want));
    else if (current.spec?.replicas !== want) current = this.w.update(KINDS.replicaSets, { ...current, spec: { ...current.spec, replicas: want } });
    if (this.deferred) this.workloads.reconcile('replicaSets', current, false);
    const old = owned().filter((rs) => rs.metadata.name !== rsName);
    let keep = Math.max(0, want - this.workloads.podsOf(current).filter(podReady).length);
    const byAge = [...old].sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? 1 : -1));
    for (const rs of byAge) {
      const replicas = Math.min(keep, this.workloads.podsOf(rs).length);
      keep -= replicas;
      const fresh = this.w.store.get(rkeyOf(KINDS.replicaSets), ns, rs.metadata.name);
      if (fresh && fresh.spec?.replicas !== replicas) this.w.update(KINDS.replicaSets, { ...fresh, spec: { ...fresh.spec, replicas } });
    }
    const history = dep.spec?.revisionHistoryLimit ?? 10;
    const idle = byAge.filter((rs) => this.w.store.get(rkeyOf(KINDS.replicaSets), ns, rs.metadata.name)?.spec?.replicas === 0 && !this.workloads.podsOf(rs).length);
    for (const rs of idle.slice(history)) this.w.delete(KINDS.replicaSets, ns, rs.metadata.name);
    if (!withStatus) return;
    const stored = this.w.store.get(rkeyOf(KINDS.deployments), ns, dep.metadata.name);
    const all = owned().flatMap((rs) => this.workloads.podsOf(rs));
    const updated = this.workloads.podsOf(current).length;
    const ready = all.filter(podReady).length;
    const status = { observedGeneration: dep.metadata.generation, replicas: all.length, updatedReplicas: updated, readyReplicas: ready, availableReplicas: ready };
    if (stored && !jsonEqual(stored.status, status)) this.w.writeStatus(KINDS.deployments, stored, status);
  }

  private schedule(pod: KubeObject): void {
    const current = this.w.store.get(rkeyOf(KINDS.pods), pod.metadata.namespace, pod.metadata.name);
    if (!current || current.metadata.deletionTimestamp) return;
    // A DaemonSet's pod, bound to its node, still needs its address there, once. A pod bound
    // by hand is left as it is: that node never starts it (Pending, no IP), which is how
    // tests get a pod that can be no endpoint.
    const bound = current.spec?.nodeName as string | undefined;
    const daemon = current.metadata.ownerReferences?.some((o: { kind?: string; controller?: boolean }) => o.kind === 'DaemonSet' && o.controller);
    if (bound && (!daemon || current.status?.podIP || current.status?.phase !== 'Pending')) return;
    const nodes = bound ? [this.w.store.get(rkeyOf(KINDS.nodes), undefined, bound)].filter((n) => n !== undefined) : this.w.store.list(rkeyOf(KINDS.nodes));
    if (!nodes.length) return;
    const node = nodes[Math.abs(hashCode(current.metadata.name)) % nodes.length]!;
    const next = this.podIpNext.get(node.metadata.name) ?? 2;
    this.podIpNext.set(node.metadata.name, next + 1);
    const podIp = intToIp(ipToInt(node.spec.podCIDR.split('/')[0]) + (next % 254));
    const hostIp = node.status.addresses.find((a: { type: string }) => a.type === 'InternalIP')?.address;
    const ready = this.opts.podReadyDelayMs <= 0;
    const scheduled = { ...current, spec: { ...current.spec, nodeName: node.metadata.name } };
    scheduled.status = podStatus(podIp, hostIp, ready);
    this.w.store.put(rkeyOf(KINDS.pods), scheduled, 'MODIFIED');
    if (!ready) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        const p = this.w.store.get(rkeyOf(KINDS.pods), current.metadata.namespace, current.metadata.name);
        if (p && p.metadata.uid === current.metadata.uid) this.setPodReady(p.metadata.namespace!, p.metadata.name, true);
      }, this.opts.podReadyDelayMs);
      this.timers.add(t);
    }
  }

  setPodReady(namespace: string, name: string, ready: boolean): void {
    const pod = this.w.store.get(rkeyOf(KINDS.pods), namespace, name);
    if (!pod) throw notFound('pods', '', name);
    this.w.writeStatus(KINDS.pods, pod, podStatus(pod.status?.podIP, pod.status?.hostIP, ready));
    this.reconcileServicesSelecting(namespace, [pod.metadata.labels]);
    this.reconcileOwnersOf(pod);
  }

  /**
   * A pod's change counts in its controller's status (a deployment's through its
   * ReplicaSet, and lets a rollout retire old pods); a ReplicaSet's in its deployment's.
   */
  reconcileOwnersOf(obj: KubeObject): void {
    const owner = this.workloads.ownerOf(obj);
    if (!owner) return;
    if (owner.def === KINDS.deployments) return this.reconcileDeployment(owner.obj, false);
    const key = WORKLOAD_KEYS.get(owner.def);
    if (key) this.workloads.reconcile(key, owner.obj);
    if (owner.def === KINDS.replicaSets) this.reconcileOwnersOf(owner.obj);
  }

  private reconcileSlicesIn(namespace: string): void {
    // One pass over the namespace's pods, filed by label, instead of a scan per service:
    // a service's candidates are the pods carrying its selector's first label.
    const byLabel = new Map<string, Map<string, KubeObject[]>>();
    for (const pod of this.w.store.values(rkeyOf(KINDS.pods), namespace)) {
      for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
        let values = byLabel.get(k);
        if (!values) byLabel.set(k, (values = new Map()));
        const list = values.get(v);
        if (list) list.push(pod);
        else values.set(v, [pod]);
      }
    }
    const candidates = (selector: Record<string, string>) => {
      const [k, v] = Object.entries(selector)[0]!;
      return byLabel.get(k)?.get(v) ?? [];
    };
    for (const svc of this.w.store.values(rkeyOf(KINDS.services), namespace)) this.reconcileService(namespace, svc.metadata.name, false, candidates);
  }

  /** After a pod change: only the services whose selector picks the pod (before or after) can have changed. */
  private reconcileServicesSelecting(namespace: string, labelSets: (Record<string, string> | undefined)[]): void {
    for (const svc of this.w.store.values(rkeyOf(KINDS.services), namespace)) {
      const selects = compileSelector(svc.spec?.selector);
      if (labelSets.some((labels) => selects(labels))) this.reconcileService(namespace, svc.metadata.name, false);
    }
  }

  /**
   * The EndpointSlice (and legacy Endpoints) controller for one service. `candidates`: a
   * superset of the pods the selector picks, when the caller has them at hand (else the
   * namespace's pods are scanned).
   */
  private reconcileService(namespace: string, name: string, deleted: boolean, candidates?: (selector: Record<string, string>) => KubeObject[]): void {
    const svc = deleted ? undefined : this.w.store.get(rkeyOf(KINDS.services), namespace, name);
    const existing = this.w.store.byIndex(rkeyOf(KINDS.slices), BY_SERVICE_NAME, namespace, name).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const selector = svc?.spec?.selector as Record<string, string> | undefined;
    if (!svc || !selector || Object.keys(selector).length === 0 || svc.spec.type === 'ExternalName') {
      for (const s of existing) this.w.delete(KINDS.slices, namespace, s.metadata.name);
      const ep = this.w.store.get(rkeyOf(KINDS.endpoints), namespace, name);
      if (ep && (!svc || svc.spec.type === 'ExternalName' || !selector)) this.w.delete(KINDS.endpoints, namespace, name);
      return;
    }
    const selects = compileSelector(selector);
    const pods = (candidates ? candidates(selector) : this.w.store.values(rkeyOf(KINDS.pods), namespace)).filter((p) => p.status?.podIP && selects(p.metadata.labels) && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
    const svcPorts = (svc.spec.ports ?? []) as { name?: string; port: number; targetPort: number | string; protocol: string; appProtocol?: string }[];
    const resolve = (pod: KubeObject, tp: number | string): number | null => {
      if (typeof tp === 'number') return tp;
      for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp) return p.containerPort;
      return null;
    };
    const endpointsFor = (pods: KubeObject[]) =>
      pods.map((p) => {
        const serving = podReady(p);
        const terminating = Boolean(p.metadata.deletionTimestamp);
        const node = this.w.store.get(rkeyOf(KINDS.nodes), undefined, p.spec.nodeName);
        return {
          addresses: [p.status.podIP],
          conditions: { ready: (serving && !terminating) || Boolean(svc.spec.publishNotReadyAddresses), serving, terminating },
          ...(p.spec.hostname ? { hostname: p.spec.hostname } : {}),
          nodeName: p.spec.nodeName,
          ...(node?.metadata.labels?.['topology.kubernetes.io/zone'] ? { zone: node.metadata.labels['topology.kubernetes.io/zone'] } : {}),
          targetRef: { kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid },
        };
      });
    // Pods whose named target port resolves differently go to different slices, like the real controller.
    const groups = new Map<string, { ports: object[]; pods: KubeObject[] }>();
    const named = svcPorts.some((sp) => typeof sp.targetPort !== 'number');
    for (const pod of pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
      const ports = svcPorts.map((sp) => ({ name: sp.name ?? '', port: resolve(pod, sp.targetPort), protocol: sp.protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) }));
      // Numeric target ports resolve alike for every pod: one group, no key to compute.
      const key = named ? JSON.stringify(ports) : '';
      const g = groups.get(key) ?? { ports, pods: [] };
      g.pods.push(pod);
      groups.set(key, g);
    }
    if (groups.size === 0) groups.set('[]', { ports: svcPorts.map((sp) => ({ name: sp.name ?? '', port: typeof sp.targetPort === 'number' ? sp.targetPort : null, protocol: sp.protocol })), pods: [] });
    const chunks: { ports: object[]; pods: KubeObject[] }[] = [];
    for (const g of groups.values()) for (let i = 0; i < Math.max(1, g.pods.length); i += 100) chunks.push({ ports: g.ports, pods: g.pods.slice(i, i + 100) });
    const labels = {
      ...(svc.metadata.labels ?? {}),
      'kubernetes.io/service-name': name,
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      ...(svc.spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
    };
    chunks.forEach((chunk, i) => {
      const body = { addressType: 'IPv4', endpoints: endpointsFor(chunk.pods), ports: chunk.ports };
      const current = existing[i];
      if (current) {
        if (!jsonEqual({ addressType: current.addressType, endpoints: current.endpoints, ports: current.ports }, body) || !jsonEqual(current.metadata.labels, labels)) {
          this.w.store.put(rkeyOf(KINDS.slices), { ...current, ...clone(body), metadata: { ...current.metadata, labels } }, 'MODIFIED');
        }
      } else {
        this.w.insert(KINDS.slices, {
          metadata: {
            generateName: flatString(`${name}-`),
            name: '',
            namespace,
            labels: { ...labels },
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          ...clone(body),
        });
      }
    });
    for (const s of existing.slice(chunks.length)) this.w.delete(KINDS.slices, namespace, s.metadata.name);
    // Legacy Endpoints, ready and not-ready addresses per subset.
    const ready = pods.filter(podReady);
    const notReady = pods.filter((p) => !podReady(p));
    const subsets = pods.length
      ? [{
          ...(ready.length ? { addresses: ready.map((p) => ({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid } })) } : {}),
          ...(notReady.length ? { notReadyAddresses: notReady.map((p) => ({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid } })) } : {}),
          ports: svcPorts.map((sp) => ({ name: sp.name, port: typeof sp.targetPort === 'number' ? sp.targetPort : resolve(pods[0]!, sp.targetPort), protocol: sp.protocol })),
        }]
      : [];
    const ep = this.w.store.get(rkeyOf(KINDS.endpoints), namespace, name);
    if (!ep) this.w.create(KINDS.endpoints, { metadata: { name, namespace, labels: svc.metadata.labels ?? {} }, subsets });
    else if (!jsonEqual(ep.subsets, subsets)) this.w.store.put(rkeyOf(KINDS.endpoints), { ...ep, subsets }, 'MODIFIED');
  }

  /** The cloud's load-balancer controller: addresses for LoadBalancer services and class-matched ingresses. */
  private assignLoadBalancer(d: ResourceDef, obj: KubeObject): void {
    const lb = this.opts.loadBalancer;
    if (!lb) return;
    const current = this.w.store.get(rkeyOf(d), obj.metadata.namespace, obj.metadata.name);
    if (!current || current.status?.loadBalancer?.ingress?.length) return;
    if (d === KINDS.services && current.spec?.type !== 'LoadBalancer') return;
    if (d === KINDS.ingresses) {
      const cls = current.spec?.ingressClassName ?? current.metadata.annotations?.['kubernetes.io/ingress.class'] ?? 'nginx';
      if (!this.w.store.get(rkeyOf(KINDS.ingressClasses), undefined, cls)) return;
    }
    const n = this.lbNext++;
    const ip = intToIp(parseCidr(lb.ipPool).base + 10 + n);
    const entry = lb.hostnames ? { hostname: `${obj.metadata.name}-${n}.${this.opts.region}.lb.example.net` } : { ip };
    const ports = d === KINDS.services ? ((current.spec.ports ?? []) as { port: number; protocol: string }[]).map((p) => ({ port: p.port, protocol: p.protocol })) : undefined;
    this.w.writeStatus(d, current, { loadBalancer: { ingress: [{ ...entry, ...(ports ? { ipMode: 'VIP', ports } : {}) }] } });
  }

  /** Owned objects go when their owner goes (background propagation). */
  collectGarbage(owner: KubeObject): void {
    const uids = [owner.metadata.uid!];
    for (const r of RESOURCES.filter((x) => x.namespaced)) {
      // A cluster-scoped owner (no namespace) can own objects in every namespace.
      const owned = new Set(uids.flatMap((uid) => this.w.store.byIndex(rkeyOf(r), BY_OWNER_UID, owner.metadata.namespace, uid)));
      // In list order (namespace/name), as a scan would find them.
      const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
      const inOrder = [...owned].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      for (const o of inOrder) {
        if (this.w.store.get(rkeyOf(r), o.metadata.namespace, o.metadata.name)) this.w.delete(r, o.metadata.namespace, o.metadata.name);
      }
    }
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function podStatus(podIP: string | undefined, hostIP: string | undefined, ready: boolean) {
  const t = now();
  return {
    phase: 'Running',
    hostIP,
    podIP,
    podIPs: podIP ? [{ ip: podIP }] : [],
    startTime: t,
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
      { type: 'Initialized', status: 'True', lastTransitionTime: t },
      { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: t },
      { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: t },
    ],
  };
}

function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}


/** Workload kinds → their controller in WorkloadControllers. */
const WORKLOAD_KEYS = new Map<ResourceDef, (typeof POD_OWNERS)[number] | 'cronJobs'>([...POD_OWNERS.map((k) => [KINDS[k], k] as const), [KINDS.cronJobs, 'cronJobs']]);
