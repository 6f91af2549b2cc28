import type { NodePortAllocator, ServiceIpAllocator } from './ipam.js';
import { NODE_PORT_MAX, NODE_PORT_MIN } from './ipam.js';
import { type Cause, invalid } from './status.js';
import type { KubeObject } from './kube-object.js';

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

type Port = { name?: string; protocol?: string; port?: number; targetPort?: number | string; nodePort?: number; appProtocol?: string };

/** Defaults and validation as the API server applies them to a Service. */
export function validateService(svc: KubeObject, old?: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const name = svc.metadata.name;
  if (!DNS1035.test(name) || name.length > 63) {
    causes.push({ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')` });
  }
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type)) {
    causes.push({ reason: 'FieldValueNotSupported', field: 'spec.type', message: `Unsupported value: "${type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"` });
  }
  const ports: Port[] = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (type === 'ExternalName') {
    const en = spec.externalName;
    if (!en) causes.push({ reason: 'FieldValueRequired', field: 'spec.externalName', message: 'Required value' });
    else if (!DNS1123_SUBDOMAIN.test(en) || en.length > 253) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.externalName', message: `Invalid value: "${en}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character` });
    }
  } else if (ports.length === 0 && !headless) {
    causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: `Invalid value: "None": may not be set to 'None' for ${type} services` });
  }
  const seen = new Set<string>();
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) causes.push({ reason: 'FieldValueRequired', field: `${f}.name`, message: 'Required value' });
    if (p.name) {
      if (!DNS1123_LABEL.test(p.name) || p.name.length > 63) causes.push({ reason: 'FieldValueInvalid', field: `${f}.name`, message: `Invalid value: "${p.name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character` });
      if (names.has(p.name)) causes.push({ reason: 'FieldValueDuplicate', field: `${f}.name`, message: `Duplicate value: "${p.name}"` });
      names.add(p.name);
    }
    if (!Number.isInteger(p.port) || p.port! < 1 || p.port! > 65535) {
      causes.push({ reason: 'FieldValueInvalid', field: `${f}.port`, message: `Invalid value: ${p.port}: must be between 1 and 65535, inclusive` });
    }
    const protocol = p.protocol ?? 'TCP';
    if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) causes.push({ reason: 'FieldValueNotSupported', field: `${f}.protocol`, message: `Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"` });
    const key = `${protocol}/${p.port}`;
    if (seen.has(key)) causes.push({ reason: 'FieldValueDuplicate', field: `${f}`, message: `Duplicate value: core.ServicePort{Name:"${p.name ?? ''}", Protocol:"${protocol}", Port:${p.port}}` });
    seen.add(key);
    if (typeof p.targetPort === 'number' && p.targetPort !== 0 && (p.targetPort < 1 || p.targetPort > 65535)) {
      causes.push({ reason: 'FieldValueInvalid', field: `${f}.targetPort`, message: `Invalid value: ${p.targetPort}: must be between 1 and 65535, inclusive` });
    }
    if (typeof p.targetPort === 'string' && p.targetPort !== '' && !/^\d+$/.test(p.targetPort) && (!IANA_SVC_NAME.test(p.targetPort) || p.targetPort.length > 15)) {
      causes.push({ reason: 'FieldValueInvalid', field: `${f}.targetPort`, message: `Invalid value: "${p.targetPort}": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)` });
    }
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        causes.push({ reason: 'FieldValueForbidden', field: `${f}.nodePort`, message: `Forbidden: may not be used when \`type\` is '${type}'` });
      } else if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        causes.push({ reason: 'FieldValueInvalid', field: `${f}.nodePort`, message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
      }
    }
  });
  if (old) {
    const oldIp = old.spec?.clusterIP;
    const newIp = spec.clusterIP;
    if (oldIp && newIp && oldIp !== newIp && (old.spec?.type ?? 'ClusterIP') !== 'ExternalName' && type !== 'ExternalName') {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: `Invalid value: ${JSON.stringify([newIp])}: may not change once set` });
    }
  }
  return causes;
}

/** Fills server defaults and allocates cluster IPs and node ports (throws Invalid on conflicts). */
/**
 * kube-apiserver's dropTypeDependentFields: when the new type needs no node ports, the
 * ones carried over unchanged from the old object go (a caller who sets one anew still
 * gets the validation error).
 */
export function dropTypeDependentFields(svc: KubeObject, old: KubeObject): void {
  const type = svc.spec?.type ?? 'ClusterIP';
  if (type === 'NodePort' || type === 'LoadBalancer') return;
  const oldPorts: Port[] = old.spec?.ports ?? [];
  for (const p of (svc.spec?.ports ?? []) as Port[]) {
    if (p.nodePort && oldPorts.some((o) => o.nodePort === p.nodePort)) delete p.nodePort;
  }
}

export function defaultAndAllocate(svc: KubeObject, ips: ServiceIpAllocator, nodePorts: NodePortAllocator, old?: KubeObject, dryRun = false): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  const type = spec.type as string;
  spec.sessionAffinity ??= 'None';
  for (const p of (spec.ports ?? []) as Port[]) {
    p.protocol ??= 'TCP';
    // Unset, 0 and "" all mean "the port" (the API server defaults before it validates).
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    if (typeof p.targetPort === 'string' && /^\d+$/.test(p.targetPort)) p.targetPort = Number(p.targetPort);
  }
  if (type === 'ExternalName') {
    for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy']) delete spec[k];
  } else {
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.ipFamilies ??= ['IPv4'];
    if (old?.spec?.clusterIP && old.spec.clusterIP !== 'None' && (old.spec.type ?? 'ClusterIP') !== 'ExternalName') spec.clusterIP ??= old.spec.clusterIP;
    if (!spec.clusterIP) spec.clusterIP = dryRun ? '10.96.0.0' : ips.allocate();
    else if (spec.clusterIP !== 'None' && spec.clusterIP !== old?.spec?.clusterIP && !dryRun && !ips.claim(spec.clusterIP)) {
      throw invalid('Service', '', svc.metadata.name, [{ reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Invalid value: ${JSON.stringify([spec.clusterIP])}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` }]);
    }
    spec.clusterIPs = [spec.clusterIP];
  }
  if (type === 'NodePort' || type === 'LoadBalancer') {
    spec.externalTrafficPolicy ??= 'Cluster';
    if (type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
    const oldPorts: Port[] = old?.spec?.ports ?? [];
    const causes: Cause[] = [];
    ((spec.ports ?? []) as Port[]).forEach((p, i) => {
      const kept = oldPorts.find((o) => o.nodePort && (o.name ?? '') === (p.name ?? '') && o.port === p.port)?.nodePort;
      if (!p.nodePort) {
        p.nodePort = kept ?? (dryRun ? 30000 : nodePorts.allocate());
      } else if (p.nodePort !== kept && nodePorts.isUsed(p.nodePort)) {
        causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is already allocated` });
      } else if (p.nodePort !== kept && !dryRun) {
        nodePorts.claim(p.nodePort);
      }
    });
    if (causes.length) throw invalid('Service', '', svc.metadata.name, causes);
  } else {
    delete spec.externalTrafficPolicy;
    for (const p of (spec.ports ?? []) as Port[]) delete p.nodePort;
  }
  svc.status ??= { loadBalancer: {} };
  svc.status.loadBalancer ??= {};
}

/** Frees what a service held (on delete, or on type change away from node ports). */
export function releaseService(svc: KubeObject, ips: ServiceIpAllocator, nodePorts: NodePortAllocator, keep?: KubeObject): void {
  if (!keep || keep.spec?.clusterIP !== svc.spec?.clusterIP) ips.release(svc.spec?.clusterIP);
  const kept = new Set(((keep?.spec?.ports ?? []) as Port[]).map((p) => p.nodePort));
  for (const p of (svc.spec?.ports ?? []) as Port[]) if (!kept.has(p.nodePort)) nodePorts.release(p.nodePort);
}
