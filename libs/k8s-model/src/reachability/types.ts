/** The engine's input: what live mirrors and manifest files both reduce to. */
import type { LabelRequirement } from '../label-selector.js';
import type { IpInterval } from './ip-ranges.js';
import type { ConnectionSet, NetpolProtocol } from './connection-set.js';

export interface ReachContainerPort {
  name?: string;
  port: number;
  protocol: NetpolProtocol;
}

/** The top owner a pod is reported under (`ns/name[Kind]`). */
export interface WorkloadRef {
  kind: string;
  name: string;
}

export interface ReachPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: ReachContainerPort[];
  hostNetwork?: boolean;
  /** Kept for the live mode; ipBlocks never match pods (as in netpol-analyzer). */
  ips?: string[];
  workload: WorkloadRef;
}

export interface ReachNamespace {
  name: string;
  labels: Record<string, string>;
}

export type ReachPeer =
  /** namespaceSelector null = the policy's own namespace; podSelector null = every pod there. */
  | { kind: 'pods'; namespaceSelector: LabelRequirement[] | null; podSelector: LabelRequirement[] | null }
  /** `intervals` = cidr minus except (IPv4 part; an IPv6 block has none). */
  | { kind: 'ipBlock'; cidr: string; except: string[]; intervals: IpInterval[] };

export interface ReachPortEntry {
  protocol: NetpolProtocol;
  /** null = every port of the protocol. */
  port: number | string | null;
  endPort: number | null;
}

export interface ReachRule {
  /** Position in spec.ingress / spec.egress, for the "why". */
  index: number;
  /** null = missing or empty from/to: every peer, external included. */
  peers: ReachPeer[] | null;
  /** null = missing or empty ports: every port and protocol. */
  ports: ReachPortEntry[] | null;
}

export interface ReachPolicy {
  namespace: string;
  name: string;
  podSelector: LabelRequirement[];
  /** null when the policy does not isolate that direction; [] isolates and allows nothing. */
  ingress: ReachRule[] | null;
  egress: ReachRule[] | null;
}

export interface ReachabilityInput {
  pods: ReachPod[];
  namespaces: ReachNamespace[];
  policies: ReachPolicy[];
}

export interface ReachabilityOptions {
  /**
   * `analyzer` (default): hostNetwork pods are treated like any pod, as netpol-analyzer
   * does. `outside-policy`: Kubernetes semantics — no policy isolates them and no pod or
   * namespace selector matches them (their traffic carries the node's address).
   */
  hostNetwork?: 'analyzer' | 'outside-policy';
  /** Refuse (ReachabilityTooLargeError) before computing more pairs than this. */
  maxPairs?: number;
}

export type PeerRef =
  | { type: 'workload'; id: string; namespace: string; name: string; kind: string }
  | { type: 'external'; id: string; range: string };

/** A policy rule that allowed part of a connection: `ns/policy` and `ingress[0]`. */
export interface RuleRef {
  policy: string;
  rule: string;
}

export interface DirectionWhy {
  /** false: no policy selects that end in this direction, so everything is allowed. */
  isolated: boolean;
  /** Policies selecting that end in this direction. */
  policies: string[];
  /** Rules whose peers match the other end and whose ports allow something. */
  allowedBy: RuleRef[];
}

export interface ConnectionWhy {
  egress: DirectionWhy;
  ingress: DirectionWhy;
  summary: string;
}

/**
 * `connections` and `why` are getters on the engine's objects (the verdict is shared between
 * pairs and the summary is written on first read): copy them explicitly, do not spread.
 */
export interface ReachConnection {
  src: PeerRef;
  dst: PeerRef;
  connections: ConnectionSet;
  why: ConnectionWhy;
}

export interface WorkloadSummary {
  id: string;
  namespace: string;
  name: string;
  kind: string;
  pods: number;
}

export interface ReachabilityResult {
  workloads: WorkloadSummary[];
  /** External ranges as sources (cut by ingress ipBlocks) and as destinations (egress ipBlocks). */
  externalSources: string[];
  externalDestinations: string[];
  /** Every ordered pair except a workload with itself and external with external; allowed or not. */
  connections: ReachConnection[];
}
