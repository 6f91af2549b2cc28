import type { ServiceRecord } from '../catalog-types.js';
import { checkIngressHost, checkIngressPath, checkPathType } from './host.js';
import { Issues, isAbsent, isObj, show, type ValidationIssue } from './issues.js';
import { dns1123SubdomainErrors } from './names.js';
import { checkPortOrName, NODE_PORT_MAX, NODE_PORT_MIN } from './service-input.js';

export const EXPOSE_VIA = ['NODE_PORT', 'LOAD_BALANCER', 'INGRESS'] as const;
export type ExposeVia = (typeof EXPOSE_VIA)[number];

/** DESIGN §8 expose input. `port` (extension) picks the service port; default the first. */
export interface ExposeInput {
  via: ExposeVia;
  nodePort?: number | null;
  host?: string | null;
  path?: string | null;
  pathType?: 'Exact' | 'Prefix' | 'ImplementationSpecific' | null;
  ingressClassName?: string | null;
  tls?: { secretName: string } | null;
  port?: number | string | null;
}

const INGRESS_ONLY = ['host', 'path', 'pathType', 'ingressClassName', 'tls'] as const;

/**
 * Every problem with an expose request. With the target service, also what the
 * service's kind forbids (ExternalName and headless services have no node ports).
 */
export function validateExposeInput(input: unknown, service?: Pick<ServiceRecord, 'type' | 'headless' | 'ports'>): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  let via: ExposeVia | undefined;
  const viaRaw = input['via'];
  if (isAbsent(viaRaw) || viaRaw === '') issues.add('via', 'required', `is required: one of ${EXPOSE_VIA.join(', ')}`);
  else if (typeof viaRaw !== 'string' || !(EXPOSE_VIA as readonly string[]).includes(viaRaw))
    issues.add('via', 'notSupported', `unsupported value ${show(viaRaw)}: supported values: ${EXPOSE_VIA.map((v) => `"${v}"`).join(', ')}`);
  else via = viaRaw as ExposeVia;

  const nodePort = issues.optInt(input['nodePort'], 'nodePort');
  if (nodePort !== undefined && nodePort !== 0) {
    if (via === 'INGRESS') issues.add('nodePort', 'forbidden', 'may only be set when via is NODE_PORT or LOAD_BALANCER');
    else issues.range(nodePort, 'nodePort', NODE_PORT_MIN, NODE_PORT_MAX);
  }

  if (via && via !== 'INGRESS') {
    for (const f of INGRESS_ONLY) if (!isAbsent(input[f])) issues.add(f, 'forbidden', `may only be set when via is INGRESS, got via ${via}`);
  }
  if (via === 'INGRESS') {
    const host = issues.optString(input['host'], 'host');
    if (host) checkIngressHost(issues, host, 'host');
    // Defaults: path "/", pathType Prefix.
    const pathType = isAbsent(input['pathType']) ? 'Prefix' : checkPathType(issues, input['pathType'], 'pathType');
    const path = isAbsent(input['path']) ? '/' : issues.optString(input['path'], 'path');
    if (path !== undefined) checkIngressPath(issues, path, pathType, 'path');
    const cls = issues.optString(input['ingressClassName'], 'ingressClassName');
    if (cls) issues.addAll('ingressClassName', 'dns1123Subdomain', dns1123SubdomainErrors(cls), cls);
    const tls = issues.optObject(input['tls'], 'tls');
    if (tls) {
      const secret = issues.reqString(tls['secretName'], 'tls.secretName');
      if (secret) issues.addAll('tls.secretName', 'dns1123Subdomain', dns1123SubdomainErrors(secret), secret);
      // TLS hosts must appear in a rule, and the generated rule's host is `host`.
      if (!host) issues.add('host', 'required', 'is required when tls is set');
    }
  }

  if (!isAbsent(input['port'])) checkPortOrName(issues, input['port'], 'port', false);

  if (service && via) {
    if (service.type === 'ExternalName') {
      if (via !== 'INGRESS') issues.add('via', 'forbidden', `an ExternalName service cannot be exposed via ${via}: it has no cluster IP or node ports`);
    } else if (service.headless && via !== 'INGRESS') {
      issues.add('via', 'forbidden', `a headless service cannot be exposed via ${via}: delete and recreate it with a cluster IP first`);
    }
    if (service.ports.length === 0 && service.type !== 'ExternalName') issues.add('via', 'forbidden', 'the service has no ports to expose');
    const port = input['port'];
    // An ExternalName service has no ports of its own: an ingress names the port on the external host.
    if (!isAbsent(port) && (typeof port === 'number' || typeof port === 'string') && service.type !== 'ExternalName') {
      const found = service.ports.some((p) => (typeof port === 'number' || /^\d+$/.test(port) ? p.port === Number(port) : p.name === port));
      if (!found) issues.add('port', 'notFound', `the service has no port ${show(port)}`);
    }
  }
  return issues.list;
}
