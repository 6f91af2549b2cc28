import type { Cause } from './status.js';
import type { KubeObject } from './kube-object.js';

type Obj = Record<string, any>;
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function cidrOk(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(v);
  if (m) return m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
  const v6 = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(v);
  return Boolean(v6 && v6[1]!.includes(':') && Number(v6[2]) <= 128);
}

function checkPorts(ports: unknown, field: string, causes: Cause[]): void {
  ((Array.isArray(ports) ? ports : []) as Obj[]).forEach((p, i) => {
    const f = `${field}[${i}]`;
    if (p.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) {
      causes.push({ reason: 'FieldValueNotSupported', field: `${f}.protocol`, message: `Unsupported value: "${p.protocol}": supported values: "SCTP", "TCP", "UDP"` });
    }
    if (typeof p.port === 'number' && (p.port < 1 || p.port > 65535)) causes.push({ reason: 'FieldValueInvalid', field: `${f}.port`, message: `Invalid value: ${p.port}: must be between 1 and 65535, inclusive` });
    if (typeof p.port === 'string' && (!IANA_SVC_NAME.test(p.port) || p.port.length > 15)) causes.push({ reason: 'FieldValueInvalid', field: `${f}.port`, message: `Invalid value: "${p.port}": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)` });
    if (p.endPort !== undefined) {
      if (typeof p.port !== 'number') causes.push({ reason: 'FieldValueRequired', field: `${f}.port`, message: 'Required value: must be specified when endPort is specified' });
      else if (p.endPort < p.port) causes.push({ reason: 'FieldValueInvalid', field: `${f}.endPort`, message: `Invalid value: ${p.endPort}: must be greater than or equal to port` });
    }
  });
}

function checkPeers(peers: unknown, field: string, causes: Cause[]): void {
  ((Array.isArray(peers) ? peers : []) as Obj[]).forEach((peer, i) => {
    const f = `${field}[${i}]`;
    const set = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => peer[k] !== undefined && peer[k] !== null);
    if (!set.length) causes.push({ reason: 'FieldValueRequired', field: f, message: 'Required value: must specify a peer' });
    if (peer.ipBlock && set.length > 1) causes.push({ reason: 'FieldValueForbidden', field: f, message: 'Forbidden: may not specify more than 1 peer' });
    if (peer.ipBlock) {
      if (!cidrOk(peer.ipBlock.cidr)) causes.push({ reason: 'FieldValueInvalid', field: `${f}.ipBlock.cidr`, message: `Invalid value: "${peer.ipBlock.cidr ?? ''}": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)` });
      ((peer.ipBlock.except ?? []) as unknown[]).forEach((e, j) => {
        if (!cidrOk(e)) causes.push({ reason: 'FieldValueInvalid', field: `${f}.ipBlock.except[${j}]`, message: `Invalid value: "${String(e)}": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)` });
      });
    }
  });
}

/** The API server's NetworkPolicy validation: policy types, ports and peers. */
export function validateNetworkPolicy(obj: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const spec = (obj.spec ?? {}) as Obj;
  if (spec.podSelector === undefined || spec.podSelector === null) causes.push({ reason: 'FieldValueRequired', field: 'spec.podSelector', message: 'Required value' });
  ((spec.policyTypes ?? []) as unknown[]).forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') causes.push({ reason: 'FieldValueNotSupported', field: `spec.policyTypes[${i}]`, message: `Unsupported value: "${String(t)}": supported values: "Egress", "Ingress"` });
  });
  ((spec.ingress ?? []) as Obj[]).forEach((rule, i) => {
    checkPorts(rule.ports, `spec.ingress[${i}].ports`, causes);
    checkPeers(rule.from, `spec.ingress[${i}].from`, causes);
  });
  ((spec.egress ?? []) as Obj[]).forEach((rule, i) => {
    checkPorts(rule.ports, `spec.egress[${i}].ports`, causes);
    checkPeers(rule.to, `spec.egress[${i}].to`, causes);
  });
  return causes;
}
