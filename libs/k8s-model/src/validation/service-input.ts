import { SERVICE_TYPES, type ServiceRecord, type ServiceType } from '../catalog-types.js';
import { checkMetadataMaps, Issues, isObj, join, show, type ValidationIssue } from './issues.js';
import { dns1035LabelErrors, dns1123SubdomainErrors, ianaSvcNameErrors, qualifiedNameErrors } from './names.js';

export interface ServicePortInput {
  name?: string | null;
  port: number;
  /** A number or a container port name; defaults to `port`. */
  targetPort?: number | string | null;
  protocol?: 'TCP' | 'UDP' | 'SCTP' | null;
  nodePort?: number | null;
  appProtocol?: string | null;
}

/** DESIGN §8 service input (create and the full desired state of an update). */
export interface ServiceInput {
  name: string;
  type?: ServiceType | null;
  headless?: boolean | null;
  selector?: Record<string, string> | null;
  ports?: ServicePortInput[] | null;
  externalName?: string | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
}

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** A port number or an IANA_SVC_NAME (target ports, ingress backend ports). */
export function checkPortOrName(issues: Issues, v: unknown, field: string, required: boolean): void {
  if (v === undefined || v === null || v === '') {
    if (required) issues.add(field, 'required', 'is required');
    return;
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) issues.add(field, 'type', `must be an integer or a port name, got ${v}`);
    else issues.range(v, field, 1, 65535);
  } else if (typeof v === 'string') {
    // Numeric strings are how some clients send numbers; treat them as numbers.
    if (/^\d+$/.test(v)) issues.range(Number(v), field, 1, 65535);
    else issues.addAll(field, 'ianaSvcName', ianaSvcNameErrors(v), v);
  } else issues.add(field, 'type', `must be a port number or a port name, got ${show(v)}`);
}

/** Every problem with a service input, with the rules the API server applies. */
export function validateServiceInput(input: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const name = issues.reqString(input['name'], 'name');
  if (name !== undefined) issues.addAll('name', 'dns1035Label', dns1035LabelErrors(name), name);

  let type: ServiceType = 'ClusterIP';
  const typeRaw = issues.optString(input['type'], 'type');
  if (typeRaw !== undefined) {
    if ((SERVICE_TYPES as readonly string[]).includes(typeRaw)) type = typeRaw as ServiceType;
    else issues.add('type', 'notSupported', `unsupported value ${show(typeRaw)}: supported values: ${SERVICE_TYPES.map((t) => `"${t}"`).join(', ')}`);
  }
  const headless = issues.optBool(input['headless'], 'headless') ?? false;
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) issues.add('headless', 'forbidden', `may not be set when type is ${type}`);
  if (headless && type === 'ExternalName') issues.add('headless', 'forbidden', 'may not be set when type is ExternalName');

  const selector = issues.stringMap(input['selector'], 'selector', 'label');
  if (type === 'ExternalName' && selector && Object.keys(selector).length) issues.add('selector', 'forbidden', 'may not be set when type is ExternalName');

  const externalName = issues.optString(input['externalName'], 'externalName');
  if (type === 'ExternalName') {
    if (!externalName) issues.add('externalName', 'required', 'is required when type is ExternalName');
    else {
      const target = externalName.endsWith('.') ? externalName.slice(0, -1) : externalName; // a trailing dot (absolute name) is allowed
      issues.addAll('externalName', 'dns1123Subdomain', dns1123SubdomainErrors(target), externalName);
    }
  } else if (externalName) issues.add('externalName', 'forbidden', `may only be set when type is ExternalName, got type ${type}`);

  const ports = issues.optArray(input['ports'], 'ports');
  if (type === 'ExternalName') {
    if (ports.length) issues.add('ports', 'forbidden', 'may not be set when type is ExternalName');
  } else if (ports.length === 0 && !headless) {
    issues.add('ports', 'required', 'at least one port is required');
  }
  if (type !== 'ExternalName') checkPorts(issues, ports, type);

  checkMetadataMaps(issues, input);
  return issues.list;
}

function checkPorts(issues: Issues, ports: unknown[], type: ServiceType): void {
  const names = new Map<string, number>();
  const protoPorts = new Map<string, number>();
  const nodePorts = new Map<string, number>();
  ports.forEach((raw, i) => {
    const f = join('ports', i);
    const p = issues.optObject(raw, f);
    if (!p) {
      if (raw === null || raw === undefined) issues.add(f, 'required', 'must be a port object');
      return;
    }
    const name = issues.optString(p['name'], join(f, 'name'));
    if (name) {
      issues.addAll(join(f, 'name'), 'ianaSvcName', ianaSvcNameErrors(name), name);
      const prev = names.get(name);
      if (prev !== undefined) issues.add(join(f, 'name'), 'duplicate', `duplicate value ${show(name)}: also used by ports[${prev}]`);
      else names.set(name, i);
    } else if (ports.length > 1 && (p['name'] === undefined || p['name'] === null || p['name'] === '')) {
      issues.add(join(f, 'name'), 'required', 'is required when the service has more than one port');
    }

    let port: number | undefined;
    if (p['port'] === undefined || p['port'] === null) issues.add(join(f, 'port'), 'required', 'is required');
    else {
      port = issues.optInt(p['port'], join(f, 'port'));
      if (port !== undefined && !issues.range(port, join(f, 'port'), 1, 65535)) port = undefined;
    }

    let protocol = 'TCP';
    const protoRaw = issues.optString(p['protocol'], join(f, 'protocol'));
    if (protoRaw !== undefined && protoRaw !== '') {
      if ((PROTOCOLS as readonly string[]).includes(protoRaw)) protocol = protoRaw;
      else issues.add(join(f, 'protocol'), 'notSupported', `unsupported value ${show(protoRaw)}: supported values: "TCP", "UDP", "SCTP"`);
    }
    if (port !== undefined) {
      const key = `${protocol}/${port}`;
      const prev = protoPorts.get(key);
      if (prev !== undefined) issues.add(f, 'duplicate', `duplicate value {"protocol":"${protocol}","port":${port}}: also used by ports[${prev}]`);
      else protoPorts.set(key, i);
    }

    checkPortOrName(issues, p['targetPort'], join(f, 'targetPort'), false);

    const nf = join(f, 'nodePort');
    const nodePort = issues.optInt(p['nodePort'], nf);
    // 0 means "allocate one for me" in the Kubernetes API.
    if (nodePort !== undefined && nodePort !== 0) {
      if (type === 'ClusterIP') issues.add(nf, 'forbidden', 'may not be used when type is ClusterIP');
      else if (issues.range(nodePort, nf, NODE_PORT_MIN, NODE_PORT_MAX)) {
        const key = `${protocol}/${nodePort}`;
        const prev = nodePorts.get(key);
        if (prev !== undefined) issues.add(nf, 'duplicate', `duplicate value ${nodePort}: also used by ports[${prev}]`);
        else nodePorts.set(key, i);
      }
    }

    const app = issues.optString(p['appProtocol'], join(f, 'appProtocol'));
    if (app) issues.addAll(join(f, 'appProtocol'), 'qualifiedName', qualifiedNameErrors(app), app);
  });
}

/**
 * Update = the desired full state checked like a create, plus what Kubernetes will not
 * change in place: the name, and switching to or from headless (delete and recreate).
 */
export function validateServiceUpdate(current: Pick<ServiceRecord, 'name' | 'headless' | 'type'>, next: unknown): ValidationIssue[] {
  const issues = new Issues();
  issues.list.push(...validateServiceInput(next));
  if (!isObj(next)) return issues.list;
  if (typeof next['name'] === 'string' && next['name'] !== current.name) issues.add('name', 'immutable', `may not change once set (is ${show(current.name)}): create a new service instead`);
  const headless = next['headless'] === true;
  const nextType = typeof next['type'] === 'string' ? next['type'] : 'ClusterIP';
  // ExternalName has no cluster IP, so moving from it to headless is a fresh allocation.
  if (current.type !== 'ExternalName' && nextType !== 'ExternalName' && headless !== current.headless) {
    issues.add('headless', 'immutable', current.headless ? 'a headless service cannot get a cluster IP in place: delete and recreate the service' : 'a service with a cluster IP cannot become headless in place (clusterIP may not change once set): delete and recreate the service');
  }
  return issues.list;
}
