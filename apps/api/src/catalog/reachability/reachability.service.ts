import { Injectable } from '@nestjs/common';
import {
  analyzeReachability,
  diffConnectivity,
  focusedResult,
  formatConnectionListTxt,
  isNoConnections,
  ManifestInputError,
  overlayReachabilityInput,
  parseManifests,
  policyEffect,
  ReachabilityTooLargeError,
  serviceReach,
  workloadId,
  type PeerRef,
  type ReachConnection,
  type ReachabilityResult,
  type ServiceReach,
} from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { manifestInvalid, tooLarge } from '../../connectivity/connectivity-errors.js';
import { MAX_WHAT_IF_PAIRS } from '../../connectivity/connectivity.service.js';
import { DomainError } from '../../errors/domain-error.js';
import type { CatalogService } from '../services/catalog-service.js';
import { ReachabilityIndex, type ClusterReachability } from './reachability-index.service.js';
import { ReachabilityInputRepository, type ReachCluster } from './reachability-input.repository.js';

export interface WorkloadFocus {
  namespace: string;
  kind: string;
  name: string;
}

export interface ConnectivityQuery {
  namespace?: string;
  workload?: WorkloadFocus;
  includeDenied: boolean;
}

/** A cluster's connections as the caller may see them: both ends readable (outside ranges always are). */
export interface VisibleConnectivity {
  reach: ClusterReachability;
  result: ReachabilityResult;
}

export interface ConnectivityDiffAnswer {
  reach: ClusterReachability;
  gained: ReachConnection[];
  lost: ReachConnection[];
  changed: { before: ReachConnection; after: ReachConnection }[];
}

/**
 * Live reachability of mirrored clusters, under the catalog's authorisation: a cluster no
 * grant reaches is not found; workloads of namespaces the caller may not read are left
 * out, with every pair they are an end of (so every "why" names only readable policies).
 */
@Injectable()
export class ReachabilityService {
  constructor(
    private readonly index: ReachabilityIndex,
    private readonly repo: ReachabilityInputRepository,
    private readonly access: AccessPolicy,
  ) {}

  private async reachOf(caller: Caller, cluster: string): Promise<ClusterReachability> {
    const found = await this.repo.findCluster(cluster, this.access.readScope(caller));
    if (!found) throw DomainError.notFound(`cluster "${cluster}"`);
    return this.index.get(found);
  }

  private readable(caller: Caller, c: ReachCluster) {
    return (p: PeerRef) => p.type === 'external' || this.access.canRead(caller, c.id, p.namespace);
  }

  /** The connection list, focused on a namespace or one workload when asked. */
  async connectivity(caller: Caller, cluster: string, q: ConnectivityQuery): Promise<VisibleConnectivity> {
    const reach = await this.reachOf(caller, cluster);
    const visible = this.readable(caller, reach.cluster);
    const focusId = q.workload ? this.focusId(reach, q.workload, visible) : undefined;
    const ns = q.namespace;
    const isFocus = (p: PeerRef) => p.id === focusId;
    const inNs = (p: PeerRef) => p.type === 'workload' && p.namespace === ns;
    // A focused question computes only the pairs touching a focused workload; both foci: both hold.
    const focused = focusId !== undefined || ns !== undefined;
    const all = focused ? focusedResult(reach.compiled, (w) => isFocus(w) || inNs(w)) : reach.result();
    const keep = (c: ReachConnection) => visible(c.src) && visible(c.dst) && (focusId === undefined || isFocus(c.src) || isFocus(c.dst)) && (ns === undefined || inNs(c.src) || inNs(c.dst));
    const workloads = all.workloads.filter((w) => visible({ type: 'workload', id: w.id, namespace: w.namespace, name: w.name, kind: w.kind }));
    return { reach, result: { ...all, workloads, connections: all.connections.filter(keep) } };
  }

  async connectivityTxt(caller: Caller, cluster: string, q: ConnectivityQuery): Promise<string> {
    return formatConnectionListTxt((await this.connectivity(caller, cluster, q)).result);
  }

  /** The workload's id when the cluster has it (and the caller may read it), else VALIDATION_FAILED on `workload`. */
  private focusId(reach: ClusterReachability, w: WorkloadFocus, visible: (p: PeerRef) => boolean): string {
    const id = workloadId(w.namespace, w.name, w.kind);
    const found = reach.compiled.workloads.find((x) => x.ref.id === id);
    if (!found || !visible(found.ref)) {
      throw DomainError.validation([{ field: 'workload', rule: 'exists', message: `no workload ${w.kind} ${w.namespace}/${w.name} with pods in cluster "${reach.cluster.name}"` }]);
    }
    return id;
  }

  /** A service's reach (null: ExternalName or no selector). The service came through the catalog, so the caller may read it. */
  async serviceReach(caller: Caller, service: CatalogService): Promise<{ reach: ClusterReachability; answer: ServiceReach } | null> {
    if (service.type === 'ExternalName' || !service.selector) return null;
    // No cluster lookup: a list of services costs one cached cluster, not a query each.
    const reach = await this.index.get({ id: service.clusterId, name: service.clusterName });
    const answer = serviceReach(reach.compiled, reach.input, { namespace: service.namespace, selector: service.selector, ports: service.ports });
    if (!answer) return null;
    const visible = this.readable(caller, reach.cluster);
    return {
      reach,
      answer: { ...answer, ports: answer.ports.map((p) => ({ ...p, allowedFrom: p.allowedFrom.filter((r) => visible(r.peer)), deniedFrom: p.deniedFrom.filter((r) => visible(r.peer)) })) },
    };
  }

  /** Allowed connections from and to one workload (none when it runs no pod). */
  async workloadReach(caller: Caller, cluster: string, w: WorkloadFocus): Promise<{ canReach: ReachConnection[]; reachableFrom: ReachConnection[] }> {
    const reach = await this.reachOf(caller, cluster);
    const visible = this.readable(caller, reach.cluster);
    const id = workloadId(w.namespace, w.name, w.kind);
    const self = reach.compiled.workloads.find((x) => x.ref.id === id);
    if (!self || !visible(self.ref)) return { canReach: [], reachableFrom: [] };
    const pairs = focusedResult(reach.compiled, (w) => w.id === id).connections.filter((c) => !isNoConnections(c.connections) && visible(c.src) && visible(c.dst));
    return { canReach: pairs.filter((c) => c.src.id === id), reachableFrom: pairs.filter((c) => c.dst.id === id) };
  }

  /** What a mirrored policy selects and allows; the policy came through the catalog (readable). */
  async policyEffect(caller: Caller, cluster: string, namespace: string, name: string) {
    const reach = await this.reachOf(caller, cluster);
    const visible = this.readable(caller, reach.cluster);
    const effect = policyEffect(reach.compiled, reach.result(), `${namespace}/${name}`);
    return { selectedWorkloads: effect.selectedWorkloads, allows: effect.allows.filter((c) => visible(c.src) && visible(c.dst)) };
  }

  /** The manifests applied over the mirrored cluster (adding or replacing by identity): what would change. */
  async whatIf(caller: Caller, cluster: string, manifests: string): Promise<ConnectivityDiffAnswer> {
    const reach = await this.reachOf(caller, cluster);
    let after: ReachabilityResult;
    try {
      const { input } = parseManifests([{ text: manifests }]);
      after = analyzeReachability(overlayReachabilityInput(reach.input, input), { hostNetwork: 'outside-policy', maxPairs: MAX_WHAT_IF_PAIRS });
    } catch (e) {
      if (e instanceof ManifestInputError) throw manifestInvalid(e);
      if (e instanceof ReachabilityTooLargeError) throw tooLarge(e);
      throw e;
    }
    const visible = this.readable(caller, reach.cluster);
    const seen = (c: ReachConnection) => visible(c.src) && visible(c.dst);
    const diff = diffConnectivity(reach.result(), after);
    return { reach, gained: diff.gained.filter(seen), lost: diff.lost.filter(seen), changed: diff.changed.filter((c) => seen(c.after)) };
  }
}
