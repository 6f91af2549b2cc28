import type { IngressRecord, ServiceRecord } from '../catalog-types.js';
import type { Diagnostic } from './types.js';

interface BackendUse {
  service: string;
  portNumber: number | null;
  portName: string | null;
  where: string;
}

function backendsOf(ingress: IngressRecord): BackendUse[] {
  const out: BackendUse[] = [];
  for (const r of ingress.rules) {
    if (r.backendService === null) continue;
    out.push({ service: r.backendService, portNumber: r.backendPortNumber, portName: r.backendPortName, where: `${r.host ?? '*'}${r.path ?? '/'}` });
  }
  const db = ingress.defaultBackend;
  if (db && 'service' in db) out.push({ service: db.service.name, portNumber: db.service.port.number ?? null, portName: db.service.port.name ?? null, where: 'default backend' });
  return out;
}

const portLabel = (b: BackendUse) => (b.portNumber !== null ? String(b.portNumber) : b.portName !== null ? `"${b.portName}"` : '(none)');

/**
 * Backends naming a service that does not exist in the ingress' namespace, or a port
 * the service does not have. One finding per missing service / port, listing the paths.
 */
export function diagnoseIngress(ingress: IngressRecord, ctx: { cluster: string; services: ServiceRecord[] }): Diagnostic[] {
  const object = { kind: 'Ingress' as const, cluster: ctx.cluster, namespace: ingress.namespace, name: ingress.name };
  const ref = `${ingress.namespace}/${ingress.name}`;
  const missingSvc = new Map<string, string[]>();
  const missingPort = new Map<string, { b: BackendUse; where: string[] }>();
  for (const b of backendsOf(ingress)) {
    const svc = ctx.services.find((s) => s.namespace === ingress.namespace && s.name === b.service);
    if (!svc) {
      missingSvc.set(b.service, [...(missingSvc.get(b.service) ?? []), b.where]);
      continue;
    }
    // ExternalName services usually have no ports; controllers proxy by name.
    if (svc.type === 'ExternalName' && svc.ports.length === 0) continue;
    const ok = b.portNumber !== null ? svc.ports.some((p) => p.port === b.portNumber) : b.portName !== null && svc.ports.some((p) => p.name === b.portName);
    if (!ok) {
      const key = `${b.service}:${portLabel(b)}`;
      const cur = missingPort.get(key) ?? { b, where: [] };
      cur.where.push(b.where);
      missingPort.set(key, cur);
    }
  }
  const out: Diagnostic[] = [];
  for (const [service, where] of missingSvc) {
    out.push({ code: 'INGRESS_BACKEND_SERVICE_MISSING', severity: 'ERROR', object, message: `Ingress ${ref} routes ${where.join(', ')} to service ${service}, which does not exist in namespace ${ingress.namespace}` });
  }
  for (const { b, where } of missingPort.values()) {
    const svc = ctx.services.find((s) => s.namespace === ingress.namespace && s.name === b.service)!;
    const have = svc.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
    out.push({ code: 'INGRESS_BACKEND_PORT_MISSING', severity: 'ERROR', object, message: `Ingress ${ref} routes ${where.join(', ')} to port ${portLabel(b)} of service ${b.service}, which has no such port (ports: ${have})` });
  }
  return out;
}
