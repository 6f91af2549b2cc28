import type { IngressRecord, ServiceRecord } from '../catalog-types.js';
import { EXPOSE_VIA, type ExposeVia } from '../validation/expose-input.js';
import { Issues, isAbsent, isObj, show, type ValidationIssue } from '../validation/issues.js';
import { claimKey } from './claims.js';
import { refusal } from './common.js';
import { ref, restoreIngress, restoreService } from './restore.js';
import { ingressManifestFromRecord } from './ingress-manifest.js';
import { serviceUpdateManifest } from './service-manifest.js';
import type { IngressManifest, PlanResult, PlanStep } from './types.js';

/** What to take back. For INGRESS the filters narrow which paths go; by default every path to the service. */
export interface UnexposeInput {
  via: ExposeVia;
  host?: string | null;
  path?: string | null;
  ingressName?: string | null;
}

export interface UnexposePlanOptions {
  existingIngresses?: IngressRecord[];
  /** As for planExpose: send the catalog's resourceVersion (and uid on delete) as preconditions. Default true. */
  preconditions?: boolean;
}

const INGRESS_FILTERS = ['host', 'path', 'ingressName'] as const;


/** Every problem with an unexpose request (run by planUnexpose; exported for early 422s). */
export function validateUnexposeInput(input: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const via = input['via'];
  if (isAbsent(via) || via === '') issues.add('via', 'required', `is required: one of ${EXPOSE_VIA.join(', ')}`);
  else if (typeof via !== 'string' || !(EXPOSE_VIA as readonly string[]).includes(via))
    issues.add('via', 'notSupported', `unsupported value ${show(via)}: supported values: ${EXPOSE_VIA.map((v) => `"${v}"`).join(', ')}`);
  else if (via !== 'INGRESS') for (const f of INGRESS_FILTERS) if (!isAbsent(input[f])) issues.add(f, 'forbidden', `may only be set when via is INGRESS, got via ${via}`);
  for (const f of INGRESS_FILTERS) issues.optString(input[f], f);
  return issues.list;
}

/**
 * The writes that take back an exposure, each with its undo:
 * - NODE_PORT (service is NodePort) and LOAD_BALANCER (service is LoadBalancer): back
 *   to ClusterIP; node ports are not sent, and the API server drops the allocated ones
 *   with the type change. NODE_PORT on a LoadBalancer is refused (say LOAD_BALANCER).
 * - INGRESS: every path routing to the service (narrowed by host / path / ingressName)
 *   is removed, rules left without paths go, TLS hosts no remaining rule serves go, and
 *   an ingress left with no path and no default backend is deleted.
 * Nothing exposed → no steps (idempotent retries).
 */
export function planUnexpose(service: ServiceRecord, input: UnexposeInput, opts: UnexposePlanOptions = {}): PlanResult {
  const issues = validateUnexposeInput(input);
  if (issues.length) return refusal('Unexpose', service.name, 'invalid', issues);
  const svcRef = ref(service.namespace, service.name);
  if (input.via === 'INGRESS') return planIngressUnexpose(service, input, opts);

  const from = input.via === 'NODE_PORT' ? 'NodePort' : 'LoadBalancer';
  if (input.via === 'NODE_PORT' && service.type === 'LoadBalancer') {
    return refusal('Unexpose', service.name, 'invalid', [
      { field: 'via', rule: 'forbidden', message: 'via: the service is a LoadBalancer (its node ports come with it): unexpose via LOAD_BALANCER to return it to ClusterIP' },
    ]);
  }
  if (service.type !== from) return { ok: true, steps: [], notes: [`service ${svcRef} is not a ${from} service (type ${service.type}): nothing to undo`] };
  const res = serviceUpdateManifest(service, { type: 'ClusterIP' }, opts.preconditions === false ? {} : { resourceVersion: service.resourceVersion });
  if (!res.ok) return res;
  const step: PlanStep = {
    op: 'apply',
    kind: 'Service',
    namespace: service.namespace,
    name: service.name,
    manifest: res.manifest,
    creates: false,
    summary: `set service ${svcRef} back to type ClusterIP`,
    undo: restoreService(service),
  };
  const notes = from === 'LoadBalancer' && service.loadBalancerIngress.length ? ['a load-balancer address released now may not come back on rollback'] : [];
  return { ok: true, steps: [step], notes };
}

function planIngressUnexpose(service: ServiceRecord, input: UnexposeInput, opts: UnexposePlanOptions): PlanResult {
  const ns = service.namespace;
  const hostFilter = input.host ? input.host.toLowerCase() : undefined;
  const pathKey = input.path ? claimKey(null, input.path) : undefined;
  const filtered = hostFilter !== undefined || pathKey !== undefined;
  const steps: PlanStep[] = [];
  const ingresses = (opts.existingIngresses ?? [])
    .filter((i) => i.namespace === ns && (!input.ingressName || i.name === input.ingressName))
    .sort((a, b) => a.name.localeCompare(b.name));

  for (const ing of ingresses) {
    const after: IngressManifest = ingressManifestFromRecord(ing);
    const spec = after.spec;
    const hostsBefore = new Set((spec.rules ?? []).map((r) => r.host?.toLowerCase() ?? ''));
    let removed = 0;
    spec.rules = (spec.rules ?? []).flatMap((rule) => {
      if (!rule.http) return [rule]; // a rule without paths routes nowhere; not ours to remove
      if (hostFilter !== undefined && rule.host?.toLowerCase() !== hostFilter) return [rule];
      const paths = rule.http.paths.filter(
        (p) => !('service' in p.backend && p.backend.service.name === service.name && (pathKey === undefined || claimKey(null, p.path) === pathKey)),
      );
      if (paths.length === rule.http.paths.length) return [rule];
      removed += rule.http.paths.length - paths.length;
      return paths.length ? [{ ...rule, http: { paths } }] : [];
    });
    if (!filtered && spec.defaultBackend && 'service' in spec.defaultBackend && spec.defaultBackend.service.name === service.name) {
      delete spec.defaultBackend;
      removed++;
    }
    if (removed === 0) continue;

    // TLS for hosts this ingress no longer serves would be a certificate for nothing.
    const hostsAfter = new Set(spec.rules.map((r) => r.host?.toLowerCase() ?? ''));
    const gone = [...hostsBefore].filter((h) => h && !hostsAfter.has(h));
    if (spec.tls && gone.length) {
      spec.tls = spec.tls.flatMap((t) => {
        if (!t.hosts?.length) return [t];
        const hosts = t.hosts.filter((h) => !gone.includes(h.toLowerCase()));
        return hosts.length ? [{ ...t, hosts }] : [];
      });
      if (!spec.tls.length) delete spec.tls;
    }
    if (!spec.rules.length) delete spec.rules;

    const routes = (spec.rules ?? []).some((r) => r.http?.paths.length) || spec.defaultBackend !== undefined;
    const undo = restoreIngress(ing);
    if (!routes) {
      steps.push({
        op: 'delete',
        kind: 'Ingress',
        namespace: ns,
        name: ing.name,
        ...(opts.preconditions === false ? {} : { preconditions: { uid: ing.uid, resourceVersion: ing.resourceVersion } }),
        creates: false,
        summary: `delete ingress ${ref(ns, ing.name)} (it only routed to ${service.name})`,
        undo: { ...undo, summary: `recreate ingress ${ref(ns, ing.name)}` },
      });
    } else {
      if (opts.preconditions !== false) after.metadata.resourceVersion = ing.resourceVersion;
      steps.push({
        op: 'apply',
        kind: 'Ingress',
        namespace: ns,
        name: ing.name,
        manifest: after,
        creates: false,
        summary: `remove the paths to ${service.name} from ingress ${ref(ns, ing.name)}`,
        undo,
      });
    }
  }
  const notes = steps.length ? [] : [`no ingress in ${ns} routes${input.host ? ` ${input.host}` : ''}${input.path ?? ''} to ${service.name}: nothing to undo`];
  return { ok: true, steps, notes };
}
