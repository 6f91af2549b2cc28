/**
 * A NetworkPolicy object (networking.k8s.io/v1) → the engine's ReachPolicy, checking what
 * the API server would: selectors, CIDRs, ports, protocols. Problems are reported by
 * field path relative to the object.
 */
import type { LabelRequirement } from '../label-selector.js';
import { labelValueErrors, qualifiedNameErrors, ianaSvcNameErrors } from '../validation/names.js';
import { parseCidr, subtractIntervals, type IpInterval } from './ip-ranges.js';
import { MAX_PORT, MIN_PORT, NETPOL_PROTOCOLS, type NetpolProtocol } from './connection-set.js';
import type { ReachPeer, ReachPolicy, ReachPortEntry, ReachRule } from './types.js';

export interface FieldProblem {
  field: string;
  rule: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A metav1.LabelSelector (matchLabels + matchExpressions) as requirements. */
export function parseSelectorObject(sel: unknown, field: string, problems: FieldProblem[]): LabelRequirement[] {
  if (sel === undefined || sel === null) return [];
  if (!isObj(sel)) {
    problems.push({ field, rule: 'must be a label selector object (matchLabels, matchExpressions)' });
    return [];
  }
  const out: LabelRequirement[] = [];
  const ml = sel.matchLabels;
  if (ml !== undefined && ml !== null) {
    if (!isObj(ml)) problems.push({ field: `${field}.matchLabels`, rule: 'must be a map of label keys to values' });
    else
      for (const [k, v] of Object.entries(ml)) {
        const kErr = qualifiedNameErrors(k);
        if (kErr.length) problems.push({ field: `${field}.matchLabels`, rule: `invalid label key ${JSON.stringify(k)}: ${kErr[0]}` });
        const value = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
        if (value === null) problems.push({ field: `${field}.matchLabels.${k}`, rule: 'must be a string' });
        else {
          const vErr = labelValueErrors(value);
          if (vErr.length) problems.push({ field: `${field}.matchLabels.${k}`, rule: `invalid label value ${JSON.stringify(value)}: ${vErr[0]}` });
          out.push({ key: k, op: 'in', values: [value] });
        }
      }
  }
  const me = sel.matchExpressions;
  if (me !== undefined && me !== null) {
    if (!Array.isArray(me)) problems.push({ field: `${field}.matchExpressions`, rule: 'must be a list' });
    else
      me.forEach((e: unknown, i) => {
        const f = `${field}.matchExpressions[${i}]`;
        if (!isObj(e)) return problems.push({ field: f, rule: 'must be an object with key, operator and values' });
        const key = typeof e.key === 'string' ? e.key : '';
        const kErr = qualifiedNameErrors(key);
        if (kErr.length) problems.push({ field: `${f}.key`, rule: `invalid label key ${JSON.stringify(key)}: ${kErr[0]}` });
        const values = Array.isArray(e.values) ? e.values.map(String) : e.values === undefined || e.values === null ? [] : null;
        if (values === null) return problems.push({ field: `${f}.values`, rule: 'must be a list of strings' });
        switch (e.operator) {
          case 'In':
          case 'NotIn':
            if (values.length === 0) problems.push({ field: `${f}.values`, rule: `must be non-empty when operator is ${e.operator}` });
            out.push({ key, op: e.operator === 'In' ? 'in' : 'notin', values });
            break;
          case 'Exists':
          case 'DoesNotExist':
            if (values.length > 0) problems.push({ field: `${f}.values`, rule: `must be empty when operator is ${e.operator}` });
            out.push({ key, op: e.operator === 'Exists' ? 'exists' : 'notexists' });
            break;
          default:
            problems.push({ field: `${f}.operator`, rule: `must be one of In, NotIn, Exists, DoesNotExist (found ${JSON.stringify(e.operator ?? null)})` });
        }
      });
  }
  return out;
}

function parsePorts(ports: unknown, field: string, problems: FieldProblem[]): ReachPortEntry[] | null {
  if (ports === undefined || ports === null) return null;
  if (!Array.isArray(ports)) {
    problems.push({ field, rule: 'must be a list' });
    return null;
  }
  if (ports.length === 0) return null;
  const out: ReachPortEntry[] = [];
  ports.forEach((p: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!isObj(p)) return problems.push({ field: f, rule: 'must be an object (protocol, port, endPort)' });
    const protocol = (p.protocol ?? 'TCP') as NetpolProtocol;
    if (!NETPOL_PROTOCOLS.includes(protocol)) problems.push({ field: `${f}.protocol`, rule: `must be one of SCTP, TCP, UDP (found ${JSON.stringify(p.protocol)})` });
    let port: number | string | null = null;
    if (typeof p.port === 'number') {
      if (!Number.isInteger(p.port) || p.port < MIN_PORT || p.port > MAX_PORT) problems.push({ field: `${f}.port`, rule: `must be between 1 and 65535, inclusive (found ${p.port})` });
      port = p.port;
    } else if (typeof p.port === 'string') {
      const errs = ianaSvcNameErrors(p.port);
      if (errs.length) problems.push({ field: `${f}.port`, rule: `a named port ${errs[0]} (found ${JSON.stringify(p.port)})` });
      port = p.port;
    } else if (p.port !== undefined && p.port !== null) problems.push({ field: `${f}.port`, rule: 'must be a port number or a port name' });
    let endPort: number | null = null;
    if (p.endPort !== undefined && p.endPort !== null) {
      if (typeof p.endPort !== 'number' || !Number.isInteger(p.endPort) || p.endPort < MIN_PORT || p.endPort > MAX_PORT)
        problems.push({ field: `${f}.endPort`, rule: `must be between 1 and 65535, inclusive (found ${JSON.stringify(p.endPort)})` });
      else if (typeof port !== 'number') problems.push({ field: `${f}.endPort`, rule: 'requires a numeric port' });
      else if (p.endPort < port) problems.push({ field: `${f}.endPort`, rule: `must be greater than or equal to port (${port})` });
      else endPort = p.endPort;
    }
    out.push({ protocol, port, endPort });
  });
  return out;
}

function parseCidrField(v: unknown, field: string, problems: FieldProblem[]): ReturnType<typeof parseCidr> {
  const c = typeof v === 'string' ? parseCidr(v) : null;
  if (!c) problems.push({ field, rule: `must be a valid CIDR, e.g. 10.9.8.0/24 or 2001:db8::/64 (found ${JSON.stringify(v ?? null)})` });
  return c;
}

function parsePeers(peers: unknown, field: string, problems: FieldProblem[]): ReachPeer[] | null {
  if (peers === undefined || peers === null) return null;
  if (!Array.isArray(peers)) {
    problems.push({ field, rule: 'must be a list' });
    return null;
  }
  if (peers.length === 0) return null;
  const out: ReachPeer[] = [];
  peers.forEach((peer: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!isObj(peer)) return problems.push({ field: f, rule: 'must be an object (podSelector, namespaceSelector or ipBlock)' });
    const has = (k: string) => peer[k] !== undefined && peer[k] !== null;
    if (has('ipBlock')) {
      if (has('podSelector') || has('namespaceSelector')) problems.push({ field: f, rule: 'ipBlock may not be combined with podSelector or namespaceSelector' });
      const ib = peer.ipBlock;
      if (!isObj(ib)) return problems.push({ field: `${f}.ipBlock`, rule: 'must be an object with cidr and except' });
      const cidr = parseCidrField(ib.cidr, `${f}.ipBlock.cidr`, problems);
      const exceptRaw = ib.except === undefined || ib.except === null ? [] : Array.isArray(ib.except) ? ib.except : null;
      if (exceptRaw === null) return problems.push({ field: `${f}.ipBlock.except`, rule: 'must be a list of CIDRs' });
      const excepts: IpInterval[] = [];
      exceptRaw.forEach((e: unknown, j) => {
        const c = parseCidrField(e, `${f}.ipBlock.except[${j}]`, problems);
        if (c && cidr && c.family !== cidr.family) problems.push({ field: `${f}.ipBlock.except[${j}]`, rule: 'must be the same IP family as cidr' });
        else if (c?.family === 4 && cidr?.family === 4) {
          if (c.interval[0] < cidr.interval[0] || c.interval[1] > cidr.interval[1]) problems.push({ field: `${f}.ipBlock.except[${j}]`, rule: `must be within cidr ${String(ib.cidr)}` });
          excepts.push(c.interval);
        }
      });
      out.push({
        kind: 'ipBlock',
        cidr: String(ib.cidr),
        except: exceptRaw.map(String),
        intervals: cidr?.family === 4 ? subtractIntervals([cidr.interval], excepts) : [],
      });
      return;
    }
    if (!has('podSelector') && !has('namespaceSelector')) return problems.push({ field: f, rule: 'must specify podSelector, namespaceSelector or ipBlock' });
    out.push({
      kind: 'pods',
      namespaceSelector: has('namespaceSelector') ? parseSelectorObject(peer.namespaceSelector, `${f}.namespaceSelector`, problems) : null,
      podSelector: has('podSelector') ? parseSelectorObject(peer.podSelector, `${f}.podSelector`, problems) : null,
    });
  });
  return out;
}

function parseRules(rules: unknown, dir: 'ingress' | 'egress', problems: FieldProblem[]): ReachRule[] {
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules)) {
    problems.push({ field: `spec.${dir}`, rule: 'must be a list of rules' });
    return [];
  }
  const peersKey = dir === 'ingress' ? 'from' : 'to';
  return rules.map((r: unknown, index) => {
    const f = `spec.${dir}[${index}]`;
    if (!isObj(r)) {
      if (r !== null) problems.push({ field: f, rule: `must be an object (${peersKey}, ports)` });
      return { index, peers: null, ports: null };
    }
    return { index, peers: parsePeers(r[peersKey], `${f}.${peersKey}`, problems), ports: parsePorts(r.ports, `${f}.ports`, problems) };
  });
}

/** Parses `spec`; problems get field paths like `spec.ingress[0].ports[1].port`. */
export function parseNetworkPolicy(namespace: string, name: string, spec: unknown, problems: FieldProblem[]): ReachPolicy {
  const s = isObj(spec) ? spec : {};
  if (spec !== undefined && spec !== null && !isObj(spec)) problems.push({ field: 'spec', rule: 'must be an object' });
  const podSelector = parseSelectorObject(s.podSelector, 'spec.podSelector', problems);
  let types: string[] | null = null;
  if (s.policyTypes !== undefined && s.policyTypes !== null) {
    if (!Array.isArray(s.policyTypes)) problems.push({ field: 'spec.policyTypes', rule: 'must be a list of Ingress and/or Egress' });
    else {
      types = s.policyTypes.map(String);
      types.forEach((t, i) => {
        if (t !== 'Ingress' && t !== 'Egress') problems.push({ field: `spec.policyTypes[${i}]`, rule: `must be Ingress or Egress (found ${JSON.stringify(t)})` });
      });
    }
  }
  const ingressRules = parseRules(s.ingress, 'ingress', problems);
  const egressRules = parseRules(s.egress, 'egress', problems);
  // Kubernetes defaulting: without policyTypes, Ingress always, Egress only with egress rules.
  const affectsIngress = types ? types.includes('Ingress') : true;
  const affectsEgress = types ? types.includes('Egress') : egressRules.length > 0;
  return { namespace, name, podSelector, ingress: affectsIngress ? ingressRules : null, egress: affectsEgress ? egressRules : null };
}
