import { NETWORK_PROTOCOLS, type NetworkPolicyPeer, type NetworkPolicyPort, type NetworkPolicyRecord, type NetworkPolicyRule, type NetworkProtocol, POLICY_TYPES, type PolicyType } from '../catalog-types.js';
import { readLabelSelector } from './label-selector.js';
import { type Normalized, readMeta } from './meta.js';
import { Reader } from './reader.js';

function readPorts(r: Reader, v: unknown, field: string): NetworkPolicyPort[] | null {
  if (v === undefined || v === null) return null;
  return r.arr(v, field).map((x, i) => {
    const f = `${field}[${i}]`;
    const p = r.obj(x, f) ?? {};
    const protocol = r.optStr(p['protocol'], `${f}.protocol`) ?? 'TCP';
    if (!(NETWORK_PROTOCOLS as readonly string[]).includes(protocol)) r.fail(`${f}.protocol`, `expected one of ${NETWORK_PROTOCOLS.join(', ')}, got ${JSON.stringify(protocol)}`);
    const raw = p['port'];
    const port = typeof raw === 'string' ? r.optStr(raw, `${f}.port`) : r.int(raw, `${f}.port`);
    return { protocol: protocol as NetworkProtocol, port, endPort: r.int(p['endPort'], `${f}.endPort`) };
  });
}

function readPeers(r: Reader, v: unknown, field: string): NetworkPolicyPeer[] | null {
  if (v === undefined || v === null) return null;
  return r.arr(v, field).map((x, i) => {
    const f = `${field}[${i}]`;
    const p = r.obj(x, f) ?? {};
    const block = r.obj(p['ipBlock'], `${f}.ipBlock`);
    return {
      podSelector: readLabelSelector(r, p['podSelector'], `${f}.podSelector`),
      namespaceSelector: readLabelSelector(r, p['namespaceSelector'], `${f}.namespaceSelector`),
      ipBlock: block ? { cidr: r.reqStr(block['cidr'], `${f}.ipBlock.cidr`), except: r.strList(block['except'], `${f}.ipBlock.except`) } : null,
    };
  });
}

function readRules(r: Reader, v: unknown, field: string, peersKey: 'from' | 'to'): NetworkPolicyRule[] {
  return r.arr(v, field).map((x, i) => {
    const rule = r.obj(x, `${field}[${i}]`) ?? {};
    return { ports: readPorts(r, rule['ports'], `${field}[${i}].ports`), peers: readPeers(r, rule[peersKey], `${field}[${i}].${peersKey}`) };
  });
}

export function normalizeNetworkPolicy(raw: unknown): Normalized<NetworkPolicyRecord> {
  const r: Reader = new Reader('NetworkPolicy');
  const { o, meta } = readMeta(r, raw, true);
  const spec = r.obj(o['spec'], 'spec') ?? {};
  const ingress = readRules(r, spec['ingress'], 'spec.ingress', 'from');
  const egress = readRules(r, spec['egress'], 'spec.egress', 'to');
  const types = r.strList(spec['policyTypes'], 'spec.policyTypes');
  types.forEach((t, i) => {
    if (!(POLICY_TYPES as readonly string[]).includes(t)) r.fail(`spec.policyTypes[${i}]`, `expected Ingress or Egress, got ${JSON.stringify(t)}`);
  });
  // The API server's defaulting (SetDefaults_NetworkPolicySpec), for servers that store none.
  const policyTypes: PolicyType[] = types.length ? (types as PolicyType[]) : egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
  const record: NetworkPolicyRecord = {
    namespace: meta.namespace!,
    name: meta.name,
    uid: meta.uid,
    podSelector: readLabelSelector(r, spec['podSelector'], 'spec.podSelector') ?? { matchLabels: {}, matchExpressions: [] },
    policyTypes,
    ingress,
    egress,
    labels: meta.labels,
    annotations: meta.annotations,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
