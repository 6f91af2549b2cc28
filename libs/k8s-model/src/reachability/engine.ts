/**
 * The reachability engine: Kubernetes NetworkPolicy semantics over workloads.
 *
 * Pods are grouped into classes (same namespace, labels, container ports, hostNetwork):
 * every policy decision depends on nothing else, so a class pair is computed once however
 * many pods and workloads share it. Each policy's selected classes and each rule's matched
 * classes are computed once up front; a pair then only walks the rules of the policies
 * that select its two ends.
 */
import { matchesLabelSelector, type LabelRequirement } from '../label-selector.js';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  MAX_PORT,
  MIN_PORT,
  connectionSet,
  intersectConnections,
  isNoConnections,
  sameConnections,
  unionConnections,
  type ConnectionSet,
  type PortRange,
  type NetpolProtocol,
} from './connection-set.js';
import { disjointAtoms, formatIpRange, intervalsContain, type IpInterval } from './ip-ranges.js';
import type {
  ConnectionWhy,
  DirectionWhy,
  PeerRef,
  ReachConnection,
  ReachContainerPort,
  ReachPolicy,
  ReachRule,
  ReachabilityInput,
  ReachabilityOptions,
  ReachabilityResult,
  RuleRef,
  WorkloadSummary,
} from './types.js';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The input would make more pairs than the caller allows (options.maxPairs). */
export class ReachabilityTooLargeError extends Error {
  override readonly name = 'ReachabilityTooLargeError';
  constructor(
    readonly workloads: number,
    readonly externalRanges: number,
    readonly pairs: number,
    readonly maxPairs: number,
  ) {
    super(`${workloads} workloads and ${externalRanges} outside ranges (as sources and destinations) make ${pairs} pairs, more than the ${maxPairs} allowed`);
  }
}

interface PodClass {
  namespace: string;
  labels: Record<string, string>;
  ports: ReachContainerPort[];
  /** Outside policy: never isolated, never matched by selectors. */
  unmanaged: boolean;
  ingressPolicies: number[];
  egressPolicies: number[];
  /** `ns/name` of those policies, built once (every isolated pair's why shares them). */
  ingressPolicyIds: string[];
  egressPolicyIds: string[];
}

interface CompiledRule {
  policy: number;
  ref: RuleRef;
  rule: ReachRule;
  matchesClass: Uint8Array;
  ipSets: IpInterval[][];
  /** Per external atom (sources for ingress rules, destinations for egress rules): does a peer cover it. */
  matchesAtom: Uint8Array;
  hasNamedPorts: boolean;
  fixedPorts: ConnectionSet | null;
  portsByClass: Map<number, ConnectionSet>;
}

interface Side {
  conns: ConnectionSet;
  why: DirectionWhy;
  /** Non-zero: a shared side (open, or denied by one list of policies), numbered. */
  shared: number;
}

const OPEN: DirectionWhy = Object.freeze({ isolated: false, policies: [], allowedBy: [] }) as DirectionWhy;
const OPEN_SIDE: Side = Object.freeze({ conns: ALL_CONNECTIONS, why: OPEN, shared: 1_000_000 });

interface PairVerdict {
  conns: ConnectionSet;
  egress: DirectionWhy;
  ingress: DirectionWhy;
}

// Rule refs are shared objects (one per compiled rule), so identity compares them.
const sameList = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((r, i) => r === b[i]));
const sameSide = (a: DirectionWhy, b: DirectionWhy) => a === b || (a.isolated === b.isolated && sameList(a.policies, b.policies) && sameList(a.allowedBy, b.allowedBy));
const sameVerdict = (a: PairVerdict, b: PairVerdict) => a === b || (sameSide(a.egress, b.egress) && sameSide(a.ingress, b.ingress) && sameConnections(a.conns, b.conns));

/** The why of a pair; its one-line summary is written only when someone reads it (most pairs are never shown). */
class Why implements ConnectionWhy {
  private text: string | undefined;
  constructor(private readonly v: PairVerdict) {}
  get egress(): DirectionWhy {
    return this.v.egress;
  }
  get ingress(): DirectionWhy {
    return this.v.ingress;
  }
  get summary(): string {
    return (this.text ??= summarizeWhy(this.v.conns, this.v.egress, this.v.ingress));
  }
}

/** One pair of the result: one small object per pair, the verdict often shared with other pairs. */
class Connection implements ReachConnection {
  private explained: Why | undefined;
  constructor(
    readonly src: PeerRef,
    readonly dst: PeerRef,
    private readonly v: PairVerdict,
  ) {}
  get connections(): ConnectionSet {
    return this.v.conns;
  }
  get why(): ConnectionWhy {
    return (this.explained ??= new Why(this.v));
  }
}

function portsFor(rule: ReachRule, dst: PodClass | null): ConnectionSet {
  if (!rule.ports) return ALL_CONNECTIONS;
  const parts: Record<NetpolProtocol, PortRange[]> = { SCTP: [], TCP: [], UDP: [] };
  for (const e of rule.ports) {
    if (e.port === null) parts[e.protocol].push([MIN_PORT, MAX_PORT]);
    else if (typeof e.port === 'number') parts[e.protocol].push([e.port, e.endPort ?? e.port]);
    else if (dst) {
      // Named ports resolve against the destination pod, on the rule's protocol only.
      for (const cp of dst.ports) if (cp.name === e.port && cp.protocol === e.protocol) parts[e.protocol].push([cp.port, cp.port]);
    }
  }
  return connectionSet(parts);
}

function sortedLabelsKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}

export function workloadId(namespace: string, name: string, kind: string): string {
  return `${namespace}/${name}[${kind}]`;
}

function mergeWhy(a: DirectionWhy, b: DirectionWhy): DirectionWhy {
  if (a === b || (!b.isolated && !a.isolated)) return a;
  const policies = [...new Set([...a.policies, ...b.policies])];
  const seen = new Set(a.allowedBy.map((r) => `${r.policy} ${r.rule}`));
  const allowedBy = [...a.allowedBy, ...b.allowedBy.filter((r) => !seen.has(`${r.policy} ${r.rule}`))];
  return { isolated: a.isolated || b.isolated, policies, allowedBy };
}

const refText = (refs: RuleRef[]) => refs.map((r) => `${r.policy} ${r.rule}`).join(', ');

export function summarizeWhy(conns: ConnectionSet, egress: DirectionWhy, ingress: DirectionWhy): string {
  if (!egress.isolated && !ingress.isolated) return 'no policy isolates either end';
  if (!isNoConnections(conns)) {
    return [
      egress.isolated ? `egress allowed by ${refText(egress.allowedBy)}` : 'source egress not isolated',
      ingress.isolated ? `ingress allowed by ${refText(ingress.allowedBy)}` : 'destination ingress not isolated',
    ].join('; ');
  }
  const out: string[] = [];
  if (egress.isolated && egress.allowedBy.length === 0) out.push(`source egress isolated by ${egress.policies.join(', ')}, no rule matches the destination`);
  if (ingress.isolated && ingress.allowedBy.length === 0) out.push(`destination isolated by ${ingress.policies.join(', ')}, no rule matches the source`);
  if (out.length === 0) out.push(`egress (${egress.isolated ? refText(egress.allowedBy) : 'not isolated'}) and ingress (${ingress.isolated ? refText(ingress.allowedBy) : 'not isolated'}) allow no common port`);
  return out.join('; ');
}

/** A workload of a compiled input: its peer and the pod classes its pods fall in. */
export interface CompiledWorkload {
  summary: WorkloadSummary;
  ref: PeerRef;
  classes: number[];
}

/**
 * An input compiled once: pod classes, policies' selections and rules, external atoms.
 * Pairs are computed (and cached per class pair) on demand, so one cluster's compiled
 * input answers many questions (a service's reach, one workload's pairs) without
 * computing every pair again.
 */
export interface CompiledReachability {
  /** Sorted by id. */
  workloads: CompiledWorkload[];
  /** The class of each input pod (same order as input.pods). */
  podClass: number[];
  externalSources: PeerRef[];
  externalDestinations: PeerRef[];
  /** The union over the given source and destination classes (a workload's, or some of its pods'). */
  connect(src: PeerRef, srcClasses: readonly number[], dst: PeerRef, dstClasses: readonly number[]): ReachConnection;
  /** External source atom `atom` to the destination classes. */
  fromExternal(atom: number, dst: PeerRef, dstClasses: readonly number[]): ReachConnection;
  toExternal(src: PeerRef, srcClasses: readonly number[], atom: number): ReachConnection;
  /** Policies (`ns/name`) isolating the class in a direction. */
  isolatingPolicies(cls: number, direction: 'ingress' | 'egress'): readonly string[];
  /** Every pair, as analyzeReachability answers. */
  result(maxPairs?: number): ReachabilityResult;
}

export function analyzeReachability(input: ReachabilityInput, options: ReachabilityOptions = {}): ReachabilityResult {
  return compileReachability(input, options).result(options.maxPairs);
}

export function compileReachability(input: ReachabilityInput, options: Pick<ReachabilityOptions, 'hostNetwork'> = {}): CompiledReachability {
  const outsidePolicy = options.hostNetwork === 'outside-policy';

  // Namespaces: declared ones plus every one a pod or policy uses, all with the name label.
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of input.namespaces) nsLabels.set(ns.name, { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name });
  for (const n of [...input.pods.map((p) => p.namespace), ...input.policies.map((p) => p.namespace)])
    if (!nsLabels.has(n)) nsLabels.set(n, { [NAMESPACE_NAME_LABEL]: n });

  // Only labels some pod selector mentions can change a decision: classes are keyed on
  // those, so pods differing only in pod-template-hash or a StatefulSet's pod-name share one.
  const selectorKeys = new Set<string>();
  for (const p of input.policies) {
    for (const r of p.podSelector) selectorKeys.add(r.key);
    for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])])
      for (const peer of rule.peers ?? []) if (peer.kind === 'pods') for (const r of peer.podSelector ?? []) selectorKeys.add(r.key);
  }
  const relevantLabels = (labels: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const k of Object.keys(labels)) if (selectorKeys.has(k)) out[k] = labels[k]!;
    return out;
  };

  // Pod classes and workloads.
  const classes: PodClass[] = [];
  const classByKey = new Map<string, number>();
  const workloads = new Map<string, { summary: WorkloadSummary; ref: PeerRef; classes: number[] }>();
  const podClass: number[] = [];
  for (const pod of input.pods) {
    const unmanaged = outsidePolicy && pod.hostNetwork === true;
    const labels = relevantLabels(pod.labels);
    const key = `${pod.namespace}\0${sortedLabelsKey(labels)}\0${JSON.stringify(pod.ports)}\0${unmanaged}`;
    let ci = classByKey.get(key);
    if (ci === undefined) {
      ci = classes.length;
      classes.push({ namespace: pod.namespace, labels, ports: pod.ports, unmanaged, ingressPolicies: [], egressPolicies: [], ingressPolicyIds: [], egressPolicyIds: [] });
      classByKey.set(key, ci);
    }
    podClass.push(ci);
    const id = workloadId(pod.namespace, pod.workload.name, pod.workload.kind);
    let w = workloads.get(id);
    if (!w) {
      w = {
        summary: { id, namespace: pod.namespace, name: pod.workload.name, kind: pod.workload.kind, pods: 0 },
        ref: { type: 'workload', id, namespace: pod.namespace, name: pod.workload.name, kind: pod.workload.kind },
        classes: [],
      };
      workloads.set(id, w);
    }
    w.summary.pods++;
    if (!w.classes.includes(ci)) w.classes.push(ci);
  }

  // Which classes each policy isolates, per direction.
  const policyIds = input.policies.map((p) => `${p.namespace}/${p.name}`);
  input.policies.forEach((p, pi) => {
    for (let ci = 0; ci < classes.length; ci++) {
      const c = classes[ci]!;
      if (c.unmanaged || c.namespace !== p.namespace || !matchesLabelSelector(p.podSelector, c.labels)) continue;
      if (p.ingress) {
        c.ingressPolicies.push(pi);
        c.ingressPolicyIds.push(policyIds[pi]!);
      }
      if (p.egress) {
        c.egressPolicies.push(pi);
        c.egressPolicyIds.push(policyIds[pi]!);
      }
    }
  });

  const matchSel = (sel: LabelRequirement[] | null, labels: Record<string, string>) => sel === null || matchesLabelSelector(sel, labels);
  const compile = (p: ReachPolicy, pi: number, dir: 'ingress' | 'egress'): CompiledRule[] =>
    (p[dir] ?? []).map((rule) => {
      const matchesClass = new Uint8Array(classes.length);
      const ipSets: IpInterval[][] = [];
      for (const peer of rule.peers ?? []) if (peer.kind === 'ipBlock') ipSets.push(peer.intervals);
      for (let ci = 0; ci < classes.length; ci++) {
        const c = classes[ci]!;
        if (!rule.peers) matchesClass[ci] = 1;
        else if (c.unmanaged) continue;
        else
          for (const peer of rule.peers) {
            if (peer.kind !== 'pods') continue;
            const nsOk = peer.namespaceSelector === null ? c.namespace === p.namespace : matchSel(peer.namespaceSelector, nsLabels.get(c.namespace)!);
            if (nsOk && matchSel(peer.podSelector, c.labels)) {
              matchesClass[ci] = 1;
              break;
            }
          }
      }
      const hasNamedPorts = (rule.ports ?? []).some((e) => typeof e.port === 'string');
      return {
        policy: pi,
        ref: { policy: policyIds[pi]!, rule: `${dir}[${rule.index}]` },
        rule,
        matchesClass,
        ipSets,
        matchesAtom: new Uint8Array(0),
        hasNamedPorts,
        fixedPorts: hasNamedPorts ? null : portsFor(rule, null),
        portsByClass: new Map(),
      };
    });
  const ingressRules = input.policies.map((p, pi) => compile(p, pi, 'ingress'));
  const egressRules = input.policies.map((p, pi) => compile(p, pi, 'egress'));

  const rulePorts = (r: CompiledRule, dst: number | null): ConnectionSet => {
    if (r.fixedPorts) return r.fixedPorts;
    if (dst === null) return portsFor(r.rule, null);
    let c = r.portsByClass.get(dst);
    if (!c) r.portsByClass.set(dst, (c = portsFor(r.rule, classes[dst]!)));
    return c;
  };

  // Sides that allow nothing or everything are shared objects, numbered, so the verdicts of
  // the many pairs made of two of them are shared too: most pairs allocate nothing.
  const denied = new Map<string[], Side>();
  const sharedVerdicts = new Map<number, PairVerdict>();
  const deniedSide = (ids: string[]): Side => {
    let d = denied.get(ids);
    if (!d) denied.set(ids, (d = { conns: NO_CONNECTIONS, why: { isolated: true, policies: ids, allowedBy: [] }, shared: denied.size + 1 }));
    return d;
  };

  /**
   * What the policies isolating `c` in one direction allow with the other end: class
   * `other`, or external atom `other` when `atom` is set. Ports resolve against `dst`.
   */
  const side = (c: PodClass, egress: boolean, other: number, atom: boolean, dst: number | null): Side => {
    const policies = egress ? c.egressPolicies : c.ingressPolicies;
    if (policies.length === 0) return OPEN_SIDE;
    const rules = egress ? egressRules : ingressRules;
    let conns = NO_CONNECTIONS;
    let allowedBy: RuleRef[] | null = null;
    for (const pi of policies)
      for (const r of rules[pi]!) {
        if ((atom ? r.matchesAtom[other] : r.matchesClass[other]) !== 1) continue;
        const p = rulePorts(r, dst);
        if (isNoConnections(p)) continue;
        conns = unionConnections(conns, p);
        (allowedBy ??= []).push(r.ref);
      }
    const ids = egress ? c.egressPolicyIds : c.ingressPolicyIds;
    return allowedBy ? { conns, why: { isolated: true, policies: ids, allowedBy }, shared: 0 } : deniedSide(ids);
  };

  const verdict = (eg: Side, ing: Side): PairVerdict => {
    if (eg.shared && ing.shared) {
      const key = eg.shared * 1_000_003 + ing.shared;
      let v = sharedVerdicts.get(key);
      if (!v) sharedVerdicts.set(key, (v = { conns: intersectConnections(eg.conns, ing.conns), egress: eg.why, ingress: ing.why }));
      return v;
    }
    return { conns: intersectConnections(eg.conns, ing.conns), egress: eg.why, ingress: ing.why };
  };

  // A class pair is computed once even when several workloads share the classes.
  const pairCache: (PairVerdict | undefined)[] = new Array(classes.length * classes.length);
  const classPair = (s: number, d: number): PairVerdict => {
    const key = s * classes.length + d;
    return (pairCache[key] ??= verdict(side(classes[s]!, true, d, false, d), side(classes[d]!, false, s, false, d)));
  };

  // External atoms: sources cut by ingress ipBlocks, destinations by egress ipBlocks.
  const atomsOf = (rules: CompiledRule[][]) => disjointAtoms(rules.flat().flatMap((r) => r.ipSets));
  const srcAtoms = atomsOf(ingressRules);
  const dstAtoms = atomsOf(egressRules);
  const markAtoms = (rules: CompiledRule[][], atoms: IpInterval[]) => {
    for (const r of rules.flat()) r.matchesAtom = Uint8Array.from(atoms, (atom) => (!r.rule.peers || r.ipSets.some((set) => intervalsContain(set, atom)) ? 1 : 0));
  };
  markAtoms(ingressRules, srcAtoms);
  markAtoms(egressRules, dstAtoms);
  const extRef = (atom: IpInterval): PeerRef => {
    const range = formatIpRange(atom);
    return { type: 'external', id: `${range}[External]`, range };
  };

  const unionOver = (items: PairVerdict[]): PairVerdict => {
    // Pods of one workload almost always get the same verdict (a rollout's two revisions).
    if (items.length === 1 || items.every((it) => sameVerdict(it, items[0]!))) return items[0]!;
    let conns = NO_CONNECTIONS;
    let egress: DirectionWhy | null = null;
    let ingress: DirectionWhy | null = null;
    for (const it of items) {
      conns = unionConnections(conns, it.conns);
      egress = egress ? mergeWhy(egress, it.egress) : it.egress;
      ingress = ingress ? mergeWhy(ingress, it.ingress) : it.ingress;
    }
    return { conns, egress: egress ?? OPEN, ingress: ingress ?? OPEN };
  };

  const ws = [...workloads.values()].sort((a, b) => (a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0));
  const srcRefs = srcAtoms.map(extRef);
  const dstRefs = dstAtoms.map(extRef);

  const connect = (src: PeerRef, sc: readonly number[], dst: PeerRef, dc: readonly number[]): ReachConnection => {
    if (sc.length === 1 && dc.length === 1) return new Connection(src, dst, classPair(sc[0]!, dc[0]!));
    const items: PairVerdict[] = [];
    for (const s of sc) for (const d of dc) items.push(classPair(s, d));
    return new Connection(src, dst, unionOver(items));
  };
  const toExternal = (src: PeerRef, sc: readonly number[], ai: number): ReachConnection =>
    new Connection(src, dstRefs[ai]!, unionOver(sc.map((s) => verdict(side(classes[s]!, true, ai, true, null), OPEN_SIDE))));
  const fromExternal = (ai: number, dst: PeerRef, dc: readonly number[]): ReachConnection =>
    new Connection(srcRefs[ai]!, dst, unionOver(dc.map((d) => verdict(OPEN_SIDE, side(classes[d]!, false, ai, true, d)))));

  const result = (maxPairs?: number): ReachabilityResult => {
    const pairs = ws.length * (ws.length - 1) + ws.length * (srcAtoms.length + dstAtoms.length);
    if (maxPairs !== undefined && pairs > maxPairs) throw new ReachabilityTooLargeError(ws.length, srcAtoms.length + dstAtoms.length, pairs, maxPairs);
    const connections: ReachConnection[] = [];
    for (const src of ws) for (const dst of ws) if (src !== dst) connections.push(connect(src.ref, src.classes, dst.ref, dst.classes));
    for (const src of ws) for (let ai = 0; ai < dstAtoms.length; ai++) connections.push(toExternal(src.ref, src.classes, ai));
    for (let ai = 0; ai < srcAtoms.length; ai++) for (const dst of ws) connections.push(fromExternal(ai, dst.ref, dst.classes));
    return {
      workloads: ws.map((w) => w.summary),
      externalSources: srcAtoms.map((a) => `${formatIpRange(a)}`),
      externalDestinations: dstAtoms.map((a) => `${formatIpRange(a)}`),
      connections,
    };
  };

  return {
    workloads: ws,
    podClass,
    externalSources: srcRefs,
    externalDestinations: dstRefs,
    connect,
    fromExternal,
    toExternal,
    isolatingPolicies: (ci, dir) => (dir === 'ingress' ? classes[ci]!.ingressPolicyIds : classes[ci]!.egressPolicyIds),
    result,
  };
}
