/**
 * The engine's input from a mirrored cluster: pods grouped under their top workload (a
 * ReplicaSet owned by a Deployment shows as the Deployment), namespaces with their labels,
 * policies parsed by the same rules as manifests.
 */
import type { ContainerPort, LabelSelector, NetworkPolicyRecord, NetworkPolicyRule, PodRecord } from '../catalog-types.js';
import { topWorkload, type OwnerNode } from '../workloads/top-owner.js';
import { NETPOL_PROTOCOLS, type NetpolProtocol } from './connection-set.js';
import { parseNetworkPolicy, type FieldProblem } from './policy.js';
import type { ReachContainerPort, ReachNamespace, ReachPod, ReachPolicy, ReachabilityInput } from './types.js';

export type MirroredPod = Pick<PodRecord, 'namespace' | 'name' | 'labels' | 'podIps' | 'phase' | 'ownerKind' | 'ownerName' | 'ownerUid'> & {
  containerPorts: ContainerPort[];
  hostNetwork?: boolean;
};
export type MirroredPolicy = Pick<NetworkPolicyRecord, 'namespace' | 'name' | 'podSelector' | 'policyTypes' | 'ingress' | 'egress'>;

export interface MirroredReachState {
  namespaces: ReachNamespace[];
  pods: MirroredPod[];
  /** Every mirrored workload (the owner chain walks them by uid). */
  workloads: OwnerNode[];
  policies: MirroredPolicy[];
}

/**
 * Pods that finished (Succeeded, Failed) hold no address and take no traffic. Every other
 * pod counts, Pending ones included: policies select by labels, so "who could reach it"
 * holds for a pod as soon as it exists, before it has an IP.
 */
export const isReachablePod = (p: Pick<PodRecord, 'phase'>) => p.phase !== 'Succeeded' && p.phase !== 'Failed';

const selectorSpec = (s: LabelSelector | null) => (s ? { matchLabels: s.matchLabels, matchExpressions: s.matchExpressions } : undefined);

function rulesSpec(rules: NetworkPolicyRule[], peersKey: 'from' | 'to'): object[] {
  return rules.map((r) => ({
    ...(r.peers ? { [peersKey]: r.peers.map((p) => ({ ...(p.podSelector ? { podSelector: selectorSpec(p.podSelector) } : {}), ...(p.namespaceSelector ? { namespaceSelector: selectorSpec(p.namespaceSelector) } : {}), ...(p.ipBlock ? { ipBlock: p.ipBlock } : {}) })) } : {}),
    ...(r.ports ? { ports: r.ports.map((p) => ({ protocol: p.protocol, ...(p.port !== null ? { port: p.port } : {}), ...(p.endPort !== null ? { endPort: p.endPort } : {}) })) } : {}),
  }));
}

/** A mirrored policy as the engine's ReachPolicy, through the manifests' parser (the record is the spec, typed). */
export function reachPolicyOf(p: MirroredPolicy): ReachPolicy {
  const spec = { podSelector: selectorSpec(p.podSelector), policyTypes: p.policyTypes, ingress: rulesSpec(p.ingress, 'from'), egress: rulesSpec(p.egress, 'to') };
  // The API server validated the object before the mirror saw it: nothing to report.
  const problems: FieldProblem[] = [];
  return parseNetworkPolicy(p.namespace, p.name, spec, problems);
}

const reachPorts = (ports: ContainerPort[]): ReachContainerPort[] =>
  ports
    .filter((c) => (NETPOL_PROTOCOLS as readonly string[]).includes(c.protocol))
    .map((c) => ({ ...(c.name ? { name: c.name } : {}), port: c.containerPort, protocol: c.protocol as NetpolProtocol }));

export function reachPodOf(p: MirroredPod, workloads: ReadonlyMap<string, OwnerNode>): ReachPod {
  const top = topWorkload(p, workloads);
  return { namespace: p.namespace, name: p.name, labels: p.labels, ports: reachPorts(p.containerPorts), hostNetwork: p.hostNetwork === true, ips: p.podIps, workload: { kind: top.kind, name: top.name } };
}

export function liveReachabilityInput(state: MirroredReachState): ReachabilityInput {
  const byUid = new Map(state.workloads.map((w) => [w.uid, w]));
  return {
    namespaces: state.namespaces,
    pods: state.pods.filter(isReachablePod).map((p) => reachPodOf(p, byUid)),
    policies: state.policies.map(reachPolicyOf),
  };
}

/**
 * `overlay` applied over `base` by identity, adding or replacing: a policy or namespace of
 * the same name replaces; a workload in the overlay replaces every base pod of that
 * workload, a pod replaces the base pod of the same namespace and name.
 */
export function overlayReachabilityInput(base: ReachabilityInput, overlay: ReachabilityInput): ReachabilityInput {
  const key = (ns: string, name: string) => `${ns}/${name}`;
  const workloadKey = (p: ReachPod) => `${p.namespace}/${p.workload.kind}/${p.workload.name}`;
  const policies = new Set(overlay.policies.map((p) => key(p.namespace, p.name)));
  const namespaces = new Set(overlay.namespaces.map((n) => n.name));
  const podNames = new Set(overlay.pods.map((p) => key(p.namespace, p.name)));
  const podWorkloads = new Set(overlay.pods.map(workloadKey));
  return {
    namespaces: [...base.namespaces.filter((n) => !namespaces.has(n.name)), ...overlay.namespaces],
    pods: [...base.pods.filter((p) => !podNames.has(key(p.namespace, p.name)) && !podWorkloads.has(workloadKey(p))), ...overlay.pods],
    policies: [...base.policies.filter((p) => !policies.has(key(p.namespace, p.name))), ...overlay.policies],
  };
}
