import { randomUUID } from 'node:crypto';
import { BY_OWNER_NAME, BY_OWNER_UID, BY_SERVICE_NAME, KINDS as D, rkeyOf } from './cluster-kinds.js';
import { Controllers } from './controllers.js';
import { validateIngress } from './ingresses.js';
import { intToIp, NodePortAllocator, parseCidr, ServiceIpAllocator } from './ipam.js';
import { jsonClone as clone, flatString, jsonEqual } from './json-values.js';
import { validateNetworkPolicy } from './network-policies.js';
import { now, randSuffix } from './object-meta.js';
import { apiVersionOf, findByKind, RESOURCES, type ResourceDef } from './resources.js';
import { defaultAndAllocate, dropTypeDependentFields, releaseService, validateService } from './services.js';
import { alreadyExists, badRequest, conflict, invalid, notFound } from './status.js';
import type { KubeObject } from './kube-object.js';
import { Store } from './store.js';
import { admitWorkload } from './workload-admission.js';

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

/** The workload kinds, defaulted and validated by admitWorkload. */
const WORKLOAD_DEFS = new Set([D.deployments, D.replicaSets, D.statefulSets, D.daemonSets, D.replicationControllers, D.jobs, D.cronJobs]);

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Metadata a /status write cannot change, per kind (the status strategies' reset fields). */
const STATUS_RESETS: Record<string, string[]> = { Pod: ['ownerReferences', 'deletionTimestamp'], Deployment: ['labels'] };

/**
 * What a cluster holds: the API server's write path (defaulting, allocation,
 * validation — the admission chain —, resourceVersions). The controllers that react
 * to its writes live in controllers.ts.
 */
export class ClusterState {
  readonly store: Store;
  private readonly ips: ServiceIpAllocator;
  private readonly nodePorts = new NodePortAllocator();
  private readonly controllers: Controllers;

  constructor(readonly opts: StateOptions) {
    this.store = new Store(opts.historyWindow);
    this.ips = new ServiceIpAllocator(opts.serviceCidr);
    this.controllers = new Controllers(
      {
        store: this.store,
        insert: (d, obj) => this.insert(d, obj),
        create: (d, obj) => this.create(d, obj),
        update: (d, obj) => this.update(d, obj),
        delete: (d, namespace, name) => this.delete(d, namespace, name),
        writeStatus: (d, obj, status) => this.writeStatus(d, obj, status),
      },
      opts,
    );
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
    this.controllers.react(d, stored);
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
    this.controllers.react(d, stored, false, old);
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
    this.controllers.collectGarbage(old);
    if (d === D.namespaces) {
      for (const r of RESOURCES.filter((x) => x.namespaced)) {
        for (const o of this.store.list(rkeyOf(r), name)) this.delete(r, name, o.metadata.name);
      }
    }
    this.controllers.react(d, gone, true);
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
    this.controllers.statusWritten(d, stored, old);
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
      // SetDefaults_NetworkPolicySpec: Ingress, and Egress when there are egress rules.
      if (!obj.spec.policyTypes?.length) obj.spec.policyTypes = obj.spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
    } else if (WORKLOAD_DEFS.has(d)) {
      const causes = admitWorkload(obj);
      if (causes.length) throw invalid(d.kind, d.group, obj.metadata.name, causes);
    } else if (d === D.namespaces) {
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
    } else if (d === D.pods) {
      obj.spec ??= {};
      obj.status ??= { phase: 'Pending' };
    }
  }

  // ---- what the simulator's users do ---------------------------------------------------

  /** Bulk loading: controllers run once at the end instead of after every write. */
  batch<T>(fn: () => T): T {
    return this.controllers.batch(fn);
  }

  setPodReady(namespace: string, name: string, ready: boolean): void {
    this.controllers.setPodReady(namespace, name, ready);
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
    this.controllers.stop();
  }
}
