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

interface PodClass {
  namespace: string;
  labels: Record<string, string>;
  ports: ReachContainerPort[];
  /** Outside policy: never isolated, never matched by selectors. */
  unmanaged: boolean;
  ingressPolicies: number[];
  egressPolicies: number[];
}

interface CompiledRule {
  policy: number;
  ref: RuleRef;
  rule: ReachRule;
  matchesClass: Uint8Array;
  ipSets: IpInterval[][];
  hasNamedPorts: boolean;
  fixedPorts: ConnectionSet | null;
  portsByClass: Map<number, ConnectionSet>;
}

interface Side {
  conns: ConnectionSet;
  why: DirectionWhy;
}

const OPEN: DirectionWhy = Object.freeze({ isolated: false, policies: [], allowedBy: [] }) as DirectionWhy;

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

export function analyzeReachability(input: ReachabilityInput, options: ReachabilityOptions = {}): ReachabilityResult {
  const outsidePolicy = options.hostNetwork === 'outside-policy';

  // Namespaces: declared ones plus every one a pod or policy uses, all with the name label.
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of input.namespaces) nsLabels.set(ns.name, { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name });
  for (const n of [...input.pods.map((p) => p.namespace), ...input.policies.map((p) => p.namespace)])
    if (!nsLabels.has(n)) nsLabels.set(n, { [NAMESPACE_NAME_LABEL]: n });

  // Pod classes and workloads.
  const classes: PodClass[] = [];
  const classByKey = new Map<string, number>();
  const workloads = new Map<string, { summary: WorkloadSummary; ref: PeerRef; classes: Set<number> }>();
  for (const pod of input.pods) {
    const unmanaged = outsidePolicy && pod.hostNetwork === true;
    const key = `${pod.namespace}\0${sortedLabelsKey(pod.labels)}\0${JSON.stringify(pod.ports)}\0${unmanaged}`;
    let ci = classByKey.get(key);
    if (ci === undefined) {
      ci = classes.length;
      classes.push({ namespace: pod.namespace, labels: pod.labels, ports: pod.ports, unmanaged, ingressPolicies: [], egressPolicies: [] });
      classByKey.set(key, ci);
    }
    const id = workloadId(pod.namespace, pod.workload.name, pod.workload.kind);
    let w = workloads.get(id);
    if (!w) {
      w = {
        summary: { id, namespace: pod.namespace, name: pod.workload.name, kind: pod.workload.kind, pods: 0 },
        ref: { type: 'workload', id, namespace: pod.namespace, name: pod.workload.name, kind: pod.workload.kind },
        classes: new Set(),
      };
      workloads.set(id, w);
    }
    w.summary.pods++;
    w.classes.add(ci);
  }

  // Which classes each policy isolates, per direction.
  const policyIds = input.policies.map((p) => `${p.namespace}/${p.name}`);
  input.policies.forEach((p, pi) => {
    for (let ci = 0; ci < classes.length; ci++) {
      const c = classes[ci]!;
      if (c.unmanaged || c.namespace !== p.namespace || !matchesLabelSelector(p.podSelector, c.labels)) continue;
      if (p.ingress) c.ingressPolicies.push(pi);
      if (p.egress) c.egressPolicies.push(pi);
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

  /** What the isolating policies of one end allow towards/from the other end. */
  const side = (policies: number[], rules: CompiledRule[][], matches: (r: CompiledRule) => boolean, dst: number | null): Side => {
    if (policies.length === 0) return { conns: ALL_CONNECTIONS, why: OPEN };
    let conns = NO_CONNECTIONS;
    const allowedBy: RuleRef[] = [];
    for (const pi of policies)
      for (const r of rules[pi]!) {
        if (!matches(r)) continue;
        const c = rulePorts(r, dst);
        if (isNoConnections(c)) continue;
        conns = unionConnections(conns, c);
        allowedBy.push(r.ref);
      }
    return { conns, why: { isolated: true, policies: policies.map((pi) => policyIds[pi]!), allowedBy } };
  };

  const pairCache = new Map<number, { conns: ConnectionSet; egress: DirectionWhy; ingress: DirectionWhy }>();
  const classPair = (s: number, d: number) => {
    const key = s * classes.length + d;
    let v = pairCache.get(key);
    if (!v) {
      const eg = side(classes[s]!.egressPolicies, egressRules, (r) => r.matchesClass[d] === 1, d);
      const ing = side(classes[d]!.ingressPolicies, ingressRules, (r) => r.matchesClass[s] === 1, d);
      v = { conns: intersectConnections(eg.conns, ing.conns), egress: eg.why, ingress: ing.why };
      pairCache.set(key, v);
    }
    return v;
  };

  // External atoms: sources cut by ingress ipBlocks, destinations by egress ipBlocks.
  const atomsOf = (rules: CompiledRule[][]) => disjointAtoms(rules.flat().flatMap((r) => r.ipSets));
  const srcAtoms = atomsOf(ingressRules);
  const dstAtoms = atomsOf(egressRules);
  const atomMatches = (r: CompiledRule, atom: IpInterval) => !r.rule.peers || r.ipSets.some((set) => intervalsContain(set, atom));
  const extRef = (atom: IpInterval): PeerRef => {
    const range = formatIpRange(atom);
    return { type: 'external', id: `${range}[External]`, range };
  };

  const connections: ReachConnection[] = [];
  const push = (src: PeerRef, dst: PeerRef, conns: ConnectionSet, egress: DirectionWhy, ingress: DirectionWhy) => {
    const why: ConnectionWhy = { egress, ingress, summary: summarizeWhy(conns, egress, ingress) };
    connections.push({ src, dst, connections: conns, why });
  };
  const unionOver = (items: Iterable<{ conns: ConnectionSet; egress: DirectionWhy; ingress: DirectionWhy }>) => {
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
  for (const src of ws) {
    for (const dst of ws) {
      if (src === dst) continue;
      const items = [];
      for (const s of src.classes) for (const d of dst.classes) items.push(classPair(s, d));
      const u = items.length === 1 ? items[0]! : unionOver(items);
      push(src.ref, dst.ref, u.conns, u.egress, u.ingress);
    }
    for (const atom of dstAtoms) {
      const u = unionOver([...src.classes].map((s) => {
        const eg = side(classes[s]!.egressPolicies, egressRules, (r) => atomMatches(r, atom), null);
        return { conns: eg.conns, egress: eg.why, ingress: OPEN };
      }));
      push(src.ref, extRef(atom), u.conns, u.egress, u.ingress);
    }
  }
  for (const atom of srcAtoms) {
    const ref = extRef(atom);
    for (const dst of ws) {
      const u = unionOver([...dst.classes].map((d) => {
        const ing = side(classes[d]!.ingressPolicies, ingressRules, (r) => atomMatches(r, atom), d);
        return { conns: ing.conns, egress: OPEN, ingress: ing.why };
      }));
      push(ref, dst.ref, u.conns, u.egress, u.ingress);
    }
  }

  return {
    workloads: ws.map((w) => w.summary),
    externalSources: srcAtoms.map((a) => `${formatIpRange(a)}`),
    externalDestinations: dstAtoms.map((a) => `${formatIpRange(a)}`),
    connections,
  };
}
