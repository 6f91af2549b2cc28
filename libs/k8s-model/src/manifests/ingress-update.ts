import type { IngressRecord } from '../catalog-types.js';
import { validateIngressInput, type IngressInput, type IngressRuleInput } from '../validation/ingress-input.js';
import type { PathType } from '../validation/host.js';
import { metadata, refusal } from './common.js';
import { ingressManifest, ingressManifestFromRecord } from './ingress-manifest.js';
import type { IngressManifest, ManifestResult } from './types.js';

/** An ingress update: `undefined` keeps a field, `null` clears it, a value replaces it whole. */
export type IngressChange = Partial<Omit<IngressInput, 'name'>>;

/**
 * The input that restates a catalog ingress. Paths to resource backends have no input
 * form and are left out (ingressUpdateManifest keeps them when rules are not replaced).
 */
export function ingressInputFromRecord(record: IngressRecord): IngressInput {
  const rules: IngressRuleInput[] = [];
  let last: { host: string | null; rule: IngressRuleInput } | undefined;
  for (const row of [...record.rules].sort((a, b) => a.position - b.position)) {
    if (!last || last.host !== row.host) {
      last = { host: row.host, rule: { host: row.host, paths: [] } };
      rules.push(last.rule);
    }
    if (!row.backendService) continue;
    last.rule.paths.push({
      path: row.path,
      pathType: (row.pathType ?? 'ImplementationSpecific') as PathType,
      service: row.backendService,
      port: row.backendPortNumber ?? row.backendPortName ?? '',
    });
  }
  const input: IngressInput = { name: record.name, rules: rules.filter((r) => r.paths.length) };
  if (record.ingressClassName) input.ingressClassName = record.ingressClassName;
  if (record.tls.length) input.tls = [...record.tls].sort((a, b) => a.position - b.position).map((t) => ({ hosts: [...t.hosts], secretName: t.secretName }));
  const db = record.defaultBackend;
  if (db && 'service' in db) input.defaultBackend = { service: db.service.name, port: db.service.port.number ?? db.service.port.name ?? '' };
  if (Object.keys(record.labels).length) input.labels = { ...record.labels };
  if (Object.keys(record.annotations).length) input.annotations = { ...record.annotations };
  return input;
}

/**
 * The SSA body that updates `current` with `change`. The whole spec is restated
 * (rules, paths and tls are atomic lists in networking.k8s.io/v1), so what the
 * change does not touch is sent exactly as it is now, resource backends included.
 * The desired state is validated as a whole: every issue at once, with its field.
 */
export function ingressUpdateManifest(current: IngressRecord, change: IngressChange, opts: { resourceVersion?: string } = {}): ManifestResult<IngressManifest> {
  const desired: IngressInput = { ...ingressInputFromRecord(current) };
  for (const [k, v] of Object.entries(change) as [keyof IngressChange, unknown][]) {
    if (v !== undefined) (desired as unknown as Record<string, unknown>)[k] = v;
  }
  const kept = ingressManifestFromRecord(current);
  // Routing the input form cannot express (resource backends) still counts as routing.
  const keepsRouting = change.rules === undefined && change.defaultBackend === undefined && !!(kept.spec.rules?.length || kept.spec.defaultBackend);
  const issues = validateIngressInput(desired).filter((i) => !(keepsRouting && i.field === 'rules' && i.rule === 'required'));
  if (issues.length) return refusal('Ingress', current.name, 'invalid', issues);

  const built = ingressManifest(desired, { namespace: current.namespace });
  const spec: IngressManifest['spec'] = {};
  const cls = change.ingressClassName === undefined ? kept.spec.ingressClassName : built.spec.ingressClassName;
  if (cls) spec.ingressClassName = cls;
  const defaultBackend = change.defaultBackend === undefined ? kept.spec.defaultBackend : built.spec.defaultBackend;
  if (defaultBackend) spec.defaultBackend = defaultBackend;
  const rules = change.rules === undefined ? kept.spec.rules : built.spec.rules;
  if (rules?.length) spec.rules = rules;
  const tls = change.tls === undefined ? kept.spec.tls : built.spec.tls;
  if (tls?.length) spec.tls = tls;
  const manifest: IngressManifest = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(current.name, current.namespace, desired.labels, desired.annotations),
    spec,
  };
  if (opts.resourceVersion) manifest.metadata.resourceVersion = opts.resourceVersion;
  return { ok: true, manifest };
}
