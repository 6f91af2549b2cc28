import type { IngressBackend, IngressRecord } from '../catalog-types.js';
import type { IngressInput, IngressPathInput } from '../validation/ingress-input.js';
import { metadata, portOrName } from './common.js';
import type { IngressBackendManifest, IngressManifest, IngressPathManifest, IngressRuleManifest, IngressTlsManifest } from './types.js';

type PathType = IngressPathManifest['pathType'];

/** A service backend; the port is a number or a service port name, as given. */
export function serviceBackend(service: string, port: number | string): IngressBackendManifest {
  const p = portOrName(port);
  return { service: { name: service, port: typeof p === 'number' ? { number: p } : { name: p } } };
}

function pathManifest(p: IngressPathInput): IngressPathManifest {
  const out: Partial<IngressPathManifest> = {};
  if (p.path) out.path = p.path;
  out.pathType = p.pathType;
  out.backend = serviceBackend(p.service, p.port);
  return out as IngressPathManifest;
}

/**
 * The server-side-apply body for an ingress input (assumed valid: run
 * validateIngressInput first). Rules, paths and tls are atomic lists in
 * networking.k8s.io/v1, so whoever applies them owns them whole; empty lists and maps
 * are left out rather than sent empty.
 */
export function ingressManifest(input: IngressInput, opts: { namespace: string }): IngressManifest {
  const spec: IngressManifest['spec'] = {};
  if (input.ingressClassName) spec.ingressClassName = input.ingressClassName;
  if (input.defaultBackend) spec.defaultBackend = serviceBackend(input.defaultBackend.service, input.defaultBackend.port);
  const tls = (input.tls ?? []).map((t) => {
    const out: IngressTlsManifest = {};
    if (t.hosts?.length) out.hosts = [...t.hosts];
    if (t.secretName) out.secretName = t.secretName;
    return out;
  });
  if (tls.length) spec.tls = tls;
  const rules = (input.rules ?? []).map((r) => {
    const out: IngressRuleManifest = {};
    if (r.host) out.host = r.host;
    if (r.paths.length) out.http = { paths: r.paths.map(pathManifest) };
    return out;
  });
  if (rules.length) spec.rules = rules;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: metadata(input.name, opts.namespace, input.labels, input.annotations), spec };
}

function backendFromRecord(b: IngressBackend): IngressBackendManifest {
  if ('service' in b) return serviceBackend(b.service.name, b.service.port.number ?? b.service.port.name ?? 0);
  const r: IngressBackendManifest = { resource: { kind: b.resource.kind, name: b.resource.name } };
  if (b.resource.apiGroup) r.resource.apiGroup = b.resource.apiGroup;
  return r;
}

/**
 * The full spec of a catalog ingress as an apply body: what a read-modify-apply (merging
 * a path in, restoring on rollback) must restate because the lists are atomic.
 * The catalog stores one row per rule × path, so consecutive rows with the same host
 * become one rule (routing is the same as with separate rules).
 */
export function ingressManifestFromRecord(record: IngressRecord): IngressManifest {
  const spec: IngressManifest['spec'] = {};
  if (record.ingressClassName) spec.ingressClassName = record.ingressClassName;
  if (record.defaultBackend) spec.defaultBackend = backendFromRecord(record.defaultBackend);
  const tls = [...record.tls]
    .sort((a, b) => a.position - b.position)
    .map((t) => {
      const out: IngressTlsManifest = {};
      if (t.hosts.length) out.hosts = [...t.hosts];
      if (t.secretName) out.secretName = t.secretName;
      return out;
    });
  if (tls.length) spec.tls = tls;
  const rules: IngressRuleManifest[] = [];
  let last: { host: string | null; rule: IngressRuleManifest } | undefined;
  for (const row of [...record.rules].sort((a, b) => a.position - b.position)) {
    if (!last || last.host !== row.host) {
      const rule: IngressRuleManifest = row.host ? { host: row.host } : {};
      rules.push(rule);
      last = { host: row.host, rule };
    }
    const backend: IngressBackend | null = row.backendService
      ? { service: { name: row.backendService, port: row.backendPortNumber !== null ? { number: row.backendPortNumber } : { name: row.backendPortName ?? '' } } }
      : row.backendResource
        ? { resource: row.backendResource }
        : null;
    if (!backend) continue; // a rule without paths has one empty row
    const path: Partial<IngressPathManifest> = {};
    if (row.path) path.path = row.path;
    // v1 requires pathType and the server always stores one; the fallback is the v1beta1 default.
    path.pathType = (row.pathType ?? 'ImplementationSpecific') as PathType;
    path.backend = backendFromRecord(backend);
    (last.rule.http ??= { paths: [] }).paths.push(path as IngressPathManifest);
  }
  if (rules.length) spec.rules = rules;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(record.name, record.namespace, record.labels, record.annotations),
    spec,
  };
}
