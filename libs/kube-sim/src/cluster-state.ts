import { randomUUID } from 'node:crypto';
import { intToIp, ipToInt, NodePortAllocator, parseCidr, ServiceIpAllocator } from './ipam.js';
import { apiVersionOf, findByKind, findByResource, RESOURCES, type ResourceDef } from './resources.js';
import { validateNetworkPolicy } from './network-policies.js';
import { defaultAndAllocate, dropTypeDependentFields, releaseService, validateService } from './services.js';
import { jsonClone as clone, flatString, jsonEqual } from './json-values.js';
import { compileSelector, selectorMatches } from './selectors.js';
import { alreadyExists, badRequest, conflict, type Cause, invalid, notFound } from './status.js';
import { type KubeObject, Store } from './store.js';

export const rkeyOf = (def: ResourceDef) => `${def.group}/${def.resource}`;
const def = (group: string, resource: string) => findByResource(group, 'v1', resource)!;
const D = {
  namespaces: def('', 'namespaces'),
  nodes: def('', 'nodes'),
  pods: def('', 'pods'),
  services: def('', 'services'),
  endpoints: def('', 'endpoints'),
  slices: def('discovery.k8s.io', 'endpointslices'),
  ingresses: def('networking.k8s.io', 'ingresses'),
  ingressClasses: def('networking.k8s.io', 'ingressclasses'),
  networkPolicies: def('networking.k8s.io', 'networkpolicies'),
  deployments: def('apps', 'deployments'),
};

export interface StateOptions {
  name: string;
  nodes: number;
  zones: string[];
  region: string;
  serviceCidr: string;
  podCidr: string;
  nodeAddressBase: { internal: string; external: string | null };
  loadBalancer: false | { ipPool: string; hostnames: boolean };
  podReadyDelayMs: number;
  historyWindow: number;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const randSuffix = (n = 5) => {
  let s = '';
  for (let i = 0; i < n; i++) s += SUFFIX_CHARS[Math.floor(Math.random() * SUFFIX_CHARS.length)];
  return s;
};
// Timestamps have whole seconds: format each second once, not once per object of a bulk load.
let nowSecond = -1;
let nowText = '';
const now = () => {
  const second = Math.floor(Date.now() / 1000);
  if (second !== nowSecond) {
    nowSecond = second;
    nowText = flatString(new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  return nowText;
};
/** Metadata a /status write cannot change, per kind (the status strategies' reset fields). */
const STATUS_RESETS: Record<string, string[]> = { Pod: ['ownerReferences', 'deletionTimestamp'], Deployment: ['labels'] };
/** Index names (see the constructor). */
const BY_OWNER_NAME = 'owner-name';
const BY_OWNER_UID = 'owner-uid';
const BY_SERVICE_NAME = 'service-name';

/**
 * What a cluster holds and does: the API server's write path (defaulting,
 * allocation, validation, resourceVersions) and the controllers that react to
 * writes (deployments, scheduler, EndpointSlices, load balancers, GC).
 */
export class ClusterState {
  readonly store: Store;
  private readonly ips: ServiceIpAllocator;
  private readonly nodePorts = new NodePortAllocator();
  private readonly podIpNext = new Map<string, number>();
  /** Per deployment uid: the template hash of its generation (hashing the template at every pod event would be costly). */
  private readonly templateHashes = new Map<string, { generation: number | undefined; hash: string; rsName: string }>();
  private lbNext = 0;
  /** While true, controllers wait (bulk loading reconciles once at the end). */
  private deferControllers = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly opts: StateOptions) {
    this.store = new Store(opts.historyWindow);
    this.ips = new ServiceIpAllocator(opts.serviceCidr);
    // Controllers look up what they own instead of scanning a namespace per object.
    const owners = (o: KubeObject) => o.metadata.ownerReferences ?? [];
    for (const r of RESOURCES.filter((x) => x.namespaced)) this.store.addIndex(rkeyOf(r), BY_OWNER_UID, (o) => owners(o).map((ref) => ref.uid));
    this.store.addIndex(rkeyOf(D.pods), BY_OWNER_NAME, (o) => owners(o).map((ref) => ref.name));
    this.store.addIndex(rkeyOf(D.slices), BY_SERVICE_NAME, (o) => {
      const svc = o.metadata.labels?.['kubernetes.io/service-name'];
      return svc === undefined ? [] : [svc];
    });
    this.bootstrap();
  }

  private bootstrap(): void {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.create(D.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    const podBase = parseCidr(this.opts.podCidr).base;
    for (let i = 0; i < this.opts.nodes; i++) {
      const internal = `${this.opts.nodeAddressBase.internal}${10 + i}`;
      const external = this.opts.nodeAddressBase.external === null ? null : `${this.opts.nodeAddressBase.external}${10 + i}`;
      const name = `${this.opts.name}-node-${i + 1}`;
      this.create(D.nodes, {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          labels: {
            'kubernetes.io/hostname': name,
            'kubernetes.io/os': 'linux',
            'topology.kubernetes.io/zone': this.opts.zones[i % this.opts.zones.length]!,
            'topology.kubernetes.io/region': this.opts.region,
          },
        },
        spec: { podCIDR: `${intToIp(podBase + i * 256)}/24` },
        status: {
          addresses: [
            { type: 'InternalIP', address: internal },
            ...(external ? [{ type: 'ExternalIP', address: external }] : []),
            { type: 'Hostname', address: name },
          ],
          conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
        },
      });
    }
    this.create(D.services, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: this.ips.first(), ports: [{ name: 'https', port: 443, targetPort: 6443 }] },
    });
    this.create(D.ingressClasses, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
  }

  // ---- the write path ------------------------------------------------------------------

  // Writes return the stored object itself, which nobody may change (a later write stores
  // a new one): the server serialises it, the library API hands out copies.

  create(d: ResourceDef, input: KubeObject, dryRun = false): KubeObject {
    return this.insert(d, clone(input), dryRun);
  }

  /** create() of an object the caller gives away: controllers build fresh, JSON-clean ones, so no copy. */
  private insert(d: ResourceDef, obj: KubeObject, dryRun = false): KubeObject {
    obj.apiVersion = apiVersionOf(d);
    obj.kind = d.kind;
    obj.metadata ??= { name: '' };
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = flatString(`${obj.metadata.generateName}${randSuffix()}`);
    const name = obj.metadata.name;
    if (!name) throw invalid(d.kind, d.group, '', [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
    if (d.namespaced) {
      obj.metadata.namespace ??= 'default';
      if (!this.store.get(rkeyOf(D.namespaces), undefined, obj.metadata.namespace)) throw notFound('namespaces', '', obj.metadata.namespace);
    } else delete obj.metadata.namespace;
    if (this.store.get(rkeyOf(d), obj.metadata.namespace, name)) throw alreadyExists(d.resource, d.group, name);
    this.validateCommon(d, obj);
    // Node builds the uid from pieces; flat, it takes a fraction of the memory.
    obj.metadata.uid = flatString(randomUUID());
    obj.metadata.creationTimestamp = now();
    obj.metadata.generation = 1;
    // Only when present: deleting a missing key still makes V8 treat the object as a slow dictionary.
    if ('resourceVersion' in obj.metadata) delete obj.metadata.resourceVersion;
    this.admit(d, obj, undefined, dryRun);
    if (dryRun) return obj;
    const stored = this.store.put(rkeyOf(d), obj, 'ADDED');
    this.react(d, stored);
    return stored;
  }

  update(d: ResourceDef, input: KubeObject, dryRun = false): KubeObject {
    const obj = clone(input);
    const ns = d.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    const old = this.store.get(rkeyOf(d), ns, obj.metadata.name);
    if (!old) throw notFound(d.resource, d.group, obj.metadata.name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) throw conflict(d.resource, d.group, obj.metadata.name);
    obj.apiVersion = apiVersionOf(d);
    obj.kind = d.kind;
    obj.metadata = { ...obj.metadata, namespace: ns, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, generation: old.metadata.generation };
    if (!d.namespaced) delete obj.metadata.namespace;
    // Status is the controllers' (a real server ignores it on the main resource).
    if (old.status !== undefined) obj.status = clone(old.status);
    if (!jsonEqual(obj.spec, old.spec)) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
    this.validateCommon(d, obj);
    this.admit(d, obj, old, dryRun);
    if (dryRun) return obj;
    if (d === D.services) releaseService(old, this.ips, this.nodePorts, obj);
    const stored = this.store.put(rkeyOf(d), obj, 'MODIFIED');
    this.react(d, stored, false, old);
    return stored;
  }

  delete(d: ResourceDef, namespace: string | undefined, name: string, opts: { dryRun?: boolean; uid?: string; resourceVersion?: string } = {}): KubeObject {
    const old = this.store.get(rkeyOf(d), d.namespaced ? namespace : undefined, name);
    if (!old) throw notFound(d.resource, d.group, name);
    if (opts.uid && opts.uid !== old.metadata.uid) throw conflict(d.resource, d.group, name);
    if (opts.resourceVersion && opts.resourceVersion !== old.metadata.resourceVersion) throw conflict(d.resource, d.group, name);
    if (opts.dryRun) return old;
    const gone = this.store.remove(rkeyOf(d), old);
    if (d === D.services) releaseService(old, this.ips, this.nodePorts);
    this.collectGarbage(old);
    if (d === D.namespaces) {
      for (const r of RESOURCES.filter((x) => x.namespaced)) {
        for (const o of this.store.list(rkeyOf(r), name)) this.delete(r, name, o.metadata.name);
      }
    }
    this.react(d, gone, true);
    return gone;
  }

  /**
   * A write to the /status subresource, as the API server's status strategies make it: the
   * request's status and metadata replace the stored ones, the spec stays as stored, and so
   * do the metadata fields a kind's strategy resets (a pod's owners and deletion time, a
   * deployment's labels). Controllers then react as to any write (a pod that stops being
   * Ready leaves its endpoints).
   */
  updateStatus(d: ResourceDef, input: KubeObject, dryRun = false): KubeObject {
    const obj = clone(input);
    const ns = d.namespaced ? (obj.metadata?.namespace ?? 'default') : undefined;
    const old = this.store.get(rkeyOf(d), ns, obj.metadata.name);
    if (!old) throw notFound(d.resource, d.group, obj.metadata.name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) throw conflict(d.resource, d.group, obj.metadata.name);
    obj.apiVersion = apiVersionOf(d);
    obj.kind = d.kind;
    const { uid, creationTimestamp, generation, managedFields } = old.metadata;
    obj.metadata = { ...obj.metadata, namespace: ns, uid, creationTimestamp, generation, ...(managedFields ? { managedFields: clone(managedFields) } : {}) };
    if (!d.namespaced) delete obj.metadata.namespace;
    for (const field of STATUS_RESETS[d.kind] ?? []) {
      if (old.metadata[field] === undefined) delete obj.metadata[field];
      else obj.metadata[field] = clone(old.metadata[field]);
    }
    if (old.spec === undefined) delete obj.spec;
    else obj.spec = clone(old.spec);
    // The status is a struct, never absent; so is a load-balancer status.
    obj.status ??= {};
    if (d === D.services || d === D.ingresses) obj.status.loadBalancer ??= {};
    if (dryRun) return obj;
    const stored = this.store.put(rkeyOf(d), obj, 'MODIFIED');
    this.react(d, stored, false, old);
    if (d === D.pods && !this.deferControllers) this.reconcileDeploymentsOwning(stored);
    return stored;
  }

  /** Server-side status write (controllers, tests): no validation, new resourceVersion. */
  private writeStatus(d: ResourceDef, obj: KubeObject, status: unknown): void {
    const next = { ...obj, status: clone(status) };
    this.store.put(rkeyOf(d), next, 'MODIFIED');
  }

  private validateCommon(d: ResourceDef, obj: KubeObject): void {
    const name = obj.metadata.name;
    if (d !== D.services && (!DNS1123_SUBDOMAIN.test(name) || name.length > 253)) {
      throw invalid(d.kind, d.group, name, [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character` }]);
    }
  }

  /** Per-kind defaulting and validation (the admission chain). */
  private admit(d: ResourceDef, obj: KubeObject, old: KubeObject | undefined, dryRun: boolean): void {
    if (d === D.services) {
      if (old) dropTypeDependentFields(obj, old);
      const causes = validateService(obj, old);
      if (causes.length) throw invalid('Service', '', obj.metadata.name, causes);
      defaultAndAllocate(obj, this.ips, this.nodePorts, old, dryRun);
    } else if (d === D.ingresses) {
      const causes = validateIngress(obj);
      if (causes.length) throw invalid('Ingress', 'networking.k8s.io', obj.metadata.name, causes);
      obj.status ??= { loadBalancer: {} };
    } else if (d === D.networkPolicies) {
      const causes = validateNetworkPolicy(obj);
      if (causes.length) throw invalid('NetworkPolicy', 'networking.k8s.io', obj.metadata.name, causes);
    } else if (d === D.deployments) {
      const spec = obj.spec ?? {};
      if (!spec.selector?.matchLabels || !selectorMatches(spec.selector.matchLabels, spec.template?.metadata?.labels)) {
        throw invalid('Deployment', 'apps', obj.metadata.name, [{ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: `Invalid value: ${JSON.stringify(spec.template?.metadata?.labels ?? {})}: \`selector\` does not match template \`labels\`` }]);
      }
      spec.replicas ??= 1;
      obj.status ??= {};
    } else if (d === D.namespaces) {
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
    } else if (d === D.pods) {
      obj.spec ??= {};
      obj.status ??= { phase: 'Pending' };
    }
  }

  // ---- controllers -----------------------------------------------------------------------

  /** Bulk loading: controllers run once at the end instead of after every write. */
  batch<T>(fn: () => T): T {
    this.deferControllers = true;
    try {
      return fn();
    } finally {
      this.deferControllers = false;
      this.reconcileAll();
    }
  }

  private react(d: ResourceDef, obj: KubeObject, deleted = false, old?: KubeObject): void {
    if (this.deferControllers) return;
    const ns = obj.metadata.namespace;
    if (d === D.deployments) {
      this.reconcileDeployment(obj, deleted);
    } else if (d === D.pods) {
      if (!deleted) this.schedule(obj);
      if (ns) this.reconcileServicesSelecting(ns, [obj.metadata.labels, old?.metadata.labels]);
    } else if (d === D.services) {
      if (ns) this.reconcileService(ns, obj.metadata.name, deleted);
      if (!deleted) this.assignLoadBalancer(D.services, obj);
    } else if (d === D.ingresses && !deleted) {
      this.assignLoadBalancer(D.ingresses, obj);
    }
  }

  reconcileAll(): void {
    // Pods first, without per-pod reactions (those would recompute every slice of the
    // namespace once per pod), then every namespace's slices once.
    const deferred = this.deferControllers;
    this.deferControllers = true;
    try {
      // The status comes in the second pass, once the pods are scheduled (and maybe ready).
      for (const dep of this.store.list(rkeyOf(D.deployments))) this.reconcileDeployment(dep, false, false);
      for (const pod of this.store.values(rkeyOf(D.pods))) this.schedule(pod);
    } finally {
      this.deferControllers = deferred;
    }
    for (const dep of this.store.values(rkeyOf(D.deployments))) this.reconcileDeployment(dep, false);
    for (const ns of this.store.list(rkeyOf(D.namespaces))) this.reconcileSlicesIn(ns.metadata.name);
    for (const svc of this.store.list(rkeyOf(D.services))) this.assignLoadBalancer(D.services, svc);
    for (const ing of this.store.list(rkeyOf(D.ingresses))) this.assignLoadBalancer(D.ingresses, ing);
  }

  /** The pod-template-hash and name of a deployment's current (implicit) ReplicaSet: a new template, a new one. */
  private replicaSetOf(dep: KubeObject): { hash: string; rsName: string } {
    const cached = this.templateHashes.get(dep.metadata.uid!);
    if (cached && cached.generation === dep.metadata.generation) return cached;
    const hash = podTemplateHash(dep.spec?.template ?? {});
    const entry = { generation: dep.metadata.generation, hash, rsName: flatString(`${dep.metadata.name}-${hash}`) };
    this.templateHashes.set(dep.metadata.uid!, entry);
    return entry;
  }

  /**
   * Pods for the current template; a changed template rolls out: every new pod at once,
   * and the old ones go as the new ones become ready, so the service never runs dry.
   */
  private reconcileDeployment(dep: KubeObject, deleted: boolean, withStatus = true): void {
    const ns = dep.metadata.namespace!;
    const { hash, rsName } = this.replicaSetOf(dep);
    const rsUid = flatString(`${dep.metadata.uid}-rs`);
    const isCurrent = (p: KubeObject) => p.metadata.ownerReferences?.some((o) => o.uid === rsUid && o.name === rsName) === true;
    const ofDeployment = () => this.store.byIndex(rkeyOf(D.pods), BY_OWNER_UID, ns, rsUid);
    const owned = ofDeployment().filter(isCurrent);
    const want = deleted ? 0 : (dep.spec?.replicas ?? 1);
    for (const extra of owned.slice(want)) this.delete(D.pods, ns, extra.metadata.name);
    for (let i = owned.length; i < want; i++) {
      const template = dep.spec.template ?? {};
      this.insert(D.pods, {
        metadata: {
          name: flatString(`${rsName}-${randSuffix()}`),
          namespace: ns,
          labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rsUid, controller: true, blockOwnerDeletion: true }],
        },
        spec: clone(template.spec ?? {}),
      });
    }
    const pods = ofDeployment();
    const old = pods.filter((p) => !isCurrent(p));
    if (old.length) {
      const keep = deleted ? 0 : Math.max(0, want - pods.filter((p) => isCurrent(p) && podReady(p)).length);
      // Not-ready old pods go first.
      const byReadiness = [...old].sort((a, b) => Number(podReady(a)) - Number(podReady(b)));
      for (const pod of byReadiness.slice(0, old.length - keep)) this.delete(D.pods, ns, pod.metadata.name);
    }
    if (deleted) this.templateHashes.delete(dep.metadata.uid!);
    if (!deleted && withStatus) {
      const stored = this.store.get(rkeyOf(D.deployments), ns, dep.metadata.name);
      const all = old.length ? ofDeployment() : pods;
      const ready = all.filter(podReady).length;
      const status = { observedGeneration: dep.metadata.generation, replicas: all.length, updatedReplicas: all.filter(isCurrent).length, readyReplicas: ready, availableReplicas: ready };
      if (stored && !jsonEqual(stored.status, status)) this.writeStatus(D.deployments, stored, status);
    }
  }

  private schedule(pod: KubeObject): void {
    const current = this.store.get(rkeyOf(D.pods), pod.metadata.namespace, pod.metadata.name);
    if (!current || current.spec?.nodeName || current.metadata.deletionTimestamp) return;
    const nodes = this.store.list(rkeyOf(D.nodes));
    if (!nodes.length) return;
    const node = nodes[Math.abs(hashCode(current.metadata.name)) % nodes.length]!;
    const next = this.podIpNext.get(node.metadata.name) ?? 2;
    this.podIpNext.set(node.metadata.name, next + 1);
    const podIp = intToIp(ipToInt(node.spec.podCIDR.split('/')[0]) + (next % 254));
    const hostIp = node.status.addresses.find((a: { type: string }) => a.type === 'InternalIP')?.address;
    const ready = this.opts.podReadyDelayMs <= 0;
    const scheduled = { ...current, spec: { ...current.spec, nodeName: node.metadata.name } };
    scheduled.status = podStatus(podIp, hostIp, ready);
    this.store.put(rkeyOf(D.pods), scheduled, 'MODIFIED');
    if (!ready) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        const p = this.store.get(rkeyOf(D.pods), current.metadata.namespace, current.metadata.name);
        if (p && p.metadata.uid === current.metadata.uid) this.setPodReady(p.metadata.namespace!, p.metadata.name, true);
      }, this.opts.podReadyDelayMs);
      this.timers.add(t);
    }
  }

  setPodReady(namespace: string, name: string, ready: boolean): void {
    const pod = this.store.get(rkeyOf(D.pods), namespace, name);
    if (!pod) throw notFound('pods', '', name);
    this.writeStatus(D.pods, pod, podStatus(pod.status?.podIP, pod.status?.hostIP, ready));
    this.reconcileServicesSelecting(namespace, [pod.metadata.labels]);
    this.reconcileDeploymentsOwning(pod);
  }

  /** A pod's readiness counts in its deployment's status (and lets a rollout retire old pods). */
  private reconcileDeploymentsOwning(pod: KubeObject): void {
    const owners = new Set((pod.metadata.ownerReferences ?? []).map((o) => o.uid));
    for (const dep of this.store.list(rkeyOf(D.deployments), pod.metadata.namespace)) if (owners.has(`${dep.metadata.uid}-rs`)) this.reconcileDeployment(dep, false);
  }

  private reconcileSlicesIn(namespace: string): void {
    // One pass over the namespace's pods, filed by label, instead of a scan per service:
    // a service's candidates are the pods carrying its selector's first label.
    const byLabel = new Map<string, Map<string, KubeObject[]>>();
    for (const pod of this.store.values(rkeyOf(D.pods), namespace)) {
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
    for (const svc of this.store.values(rkeyOf(D.services), namespace)) this.reconcileService(namespace, svc.metadata.name, false, candidates);
  }

  /** After a pod change: only the services whose selector picks the pod (before or after) can have changed. */
  private reconcileServicesSelecting(namespace: string, labelSets: (Record<string, string> | undefined)[]): void {
    for (const svc of this.store.values(rkeyOf(D.services), namespace)) {
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
    const svc = deleted ? undefined : this.store.get(rkeyOf(D.services), namespace, name);
    const existing = this.store.byIndex(rkeyOf(D.slices), BY_SERVICE_NAME, namespace, name).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const selector = svc?.spec?.selector as Record<string, string> | undefined;
    if (!svc || !selector || Object.keys(selector).length === 0 || svc.spec.type === 'ExternalName') {
      for (const s of existing) this.delete(D.slices, namespace, s.metadata.name);
      const ep = this.store.get(rkeyOf(D.endpoints), namespace, name);
      if (ep && (!svc || svc.spec.type === 'ExternalName' || !selector)) this.delete(D.endpoints, namespace, name);
      return;
    }
    const selects = compileSelector(selector);
    const pods = (candidates ? candidates(selector) : this.store.values(rkeyOf(D.pods), namespace)).filter((p) => p.status?.podIP && selects(p.metadata.labels) && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
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
        const node = this.store.get(rkeyOf(D.nodes), undefined, p.spec.nodeName);
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
          this.store.put(rkeyOf(D.slices), { ...current, ...clone(body), metadata: { ...current.metadata, labels } }, 'MODIFIED');
        }
      } else {
        this.insert(D.slices, {
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
    for (const s of existing.slice(chunks.length)) this.delete(D.slices, namespace, s.metadata.name);
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
    const ep = this.store.get(rkeyOf(D.endpoints), namespace, name);
    if (!ep) this.create(D.endpoints, { metadata: { name, namespace, labels: svc.metadata.labels ?? {} }, subsets });
    else if (!jsonEqual(ep.subsets, subsets)) this.store.put(rkeyOf(D.endpoints), { ...ep, subsets }, 'MODIFIED');
  }

  /** The cloud's load-balancer controller: addresses for LoadBalancer services and class-matched ingresses. */
  private assignLoadBalancer(d: ResourceDef, obj: KubeObject): void {
    const lb = this.opts.loadBalancer;
    if (!lb) return;
    const current = this.store.get(rkeyOf(d), obj.metadata.namespace, obj.metadata.name);
    if (!current || current.status?.loadBalancer?.ingress?.length) return;
    if (d === D.services && current.spec?.type !== 'LoadBalancer') return;
    if (d === D.ingresses) {
      const cls = current.spec?.ingressClassName ?? current.metadata.annotations?.['kubernetes.io/ingress.class'] ?? 'nginx';
      if (!this.store.get(rkeyOf(D.ingressClasses), undefined, cls)) return;
    }
    const n = this.lbNext++;
    const ip = intToIp(parseCidr(lb.ipPool).base + 10 + n);
    const entry = lb.hostnames ? { hostname: `${obj.metadata.name}-${n}.${this.opts.region}.lb.example.net` } : { ip };
    const ports = d === D.services ? ((current.spec.ports ?? []) as { port: number; protocol: string }[]).map((p) => ({ port: p.port, protocol: p.protocol })) : undefined;
    this.writeStatus(d, current, { loadBalancer: { ingress: [{ ...entry, ...(ports ? { ipMode: 'VIP', ports } : {}) }] } });
  }

  /** Owned objects go when their owner goes (background propagation). */
  private collectGarbage(owner: KubeObject): void {
    const uids = [owner.metadata.uid!, ...(owner.kind === 'Deployment' ? [`${owner.metadata.uid}-rs`] : [])];
    for (const r of RESOURCES.filter((x) => x.namespaced)) {
      // A cluster-scoped owner (no namespace) can own objects in every namespace.
      const owned = new Set(uids.flatMap((uid) => this.store.byIndex(rkeyOf(r), BY_OWNER_UID, owner.metadata.namespace, uid)));
      // In list order (namespace/name), as a scan would find them.
      const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
      const inOrder = [...owned].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      for (const o of inOrder) {
        if (this.store.get(rkeyOf(r), o.metadata.namespace, o.metadata.name)) this.delete(r, o.metadata.namespace, o.metadata.name);
      }
    }
  }

  scale(namespace: string, name: string, replicas: number): void {
    const dep = this.store.get(rkeyOf(D.deployments), namespace, name);
    if (!dep) throw notFound('deployments', 'apps', name);
    this.update(D.deployments, { ...dep, spec: { ...dep.spec, replicas } });
  }

  /** Create-or-update by kind, as `kubectl apply` would end up doing. */
  apply(obj: KubeObject): KubeObject {
    if (!obj?.apiVersion || !obj.kind) throw badRequest('Object \'Kind\' is missing');
    const d = findByKind(obj.apiVersion, obj.kind);
    if (!d) throw notFound(obj.kind.toLowerCase(), '', obj.metadata?.name ?? '');
    const ns = d.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    const existing = this.store.get(rkeyOf(d), ns, obj.metadata.name);
    return existing ? this.update(d, { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }) : this.create(d, obj);
  }

  /** Loads manifests or generated objects: namespaces first, then in order; controllers run once at the end. */
  load(objects: KubeObject[]): void {
    const order = (o: KubeObject) => (o.kind === 'Namespace' ? 0 : 1);
    this.batch(() => {
      for (const o of [...objects].sort((a, b) => order(a) - order(b))) this.apply(o);
    });
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a of the template, spelled like the controller's pod-template-hash (rand.SafeEncodeString of the number). */
function podTemplateHash(template: unknown): string {
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

function podReady(p: KubeObject): boolean {
  return p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True') ?? false;
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

function validateIngress(ing: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const spec = ing.spec ?? {};
  if (!spec.rules?.length && !spec.defaultBackend) causes.push({ reason: 'FieldValueInvalid', field: 'spec', message: 'Invalid value: "": either `defaultBackend` or `rules` must be specified' });
  (spec.rules ?? []).forEach((r: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: unknown }[] } }, i: number) => {
    if (r.host && !/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(r.host)) {
      causes.push({ reason: 'FieldValueInvalid', field: `spec.rules[${i}].host`, message: `Invalid value: "${r.host}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'` });
    }
    (r.http?.paths ?? []).forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      if (!p.pathType) causes.push({ reason: 'FieldValueRequired', field: `${f}.pathType`, message: 'Required value: pathType must be specified' });
      else if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(p.pathType)) causes.push({ reason: 'FieldValueNotSupported', field: `${f}.pathType`, message: `Unsupported value: "${p.pathType}": supported values: "Exact", "ImplementationSpecific", "Prefix"` });
      if (p.pathType && p.pathType !== 'ImplementationSpecific' && !(p.path ?? '').startsWith('/')) causes.push({ reason: 'FieldValueInvalid', field: `${f}.path`, message: `Invalid value: "${p.path ?? ''}": must be an absolute path` });
      if (!p.backend) causes.push({ reason: 'FieldValueRequired', field: `${f}.backend`, message: 'Required value' });
    });
  });
  return causes;
}
