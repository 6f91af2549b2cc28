import { tlsHostCovers } from '../access-urls/ingress-urls.js';
import type { IngressRecord, ServicePortRecord, ServiceRecord } from '../catalog-types.js';
import { validateExposeInput, type ExposeInput } from '../validation/expose-input.js';
import { validateIngressInput } from '../validation/ingress-input.js';
import type { ValidationIssue } from '../validation/issues.js';
import { claimKey } from './claims.js';
import { portOrName, refusal } from './common.js';
import { ref, restoreIngress, restoreService } from './restore.js';
import { ingressManifest, ingressManifestFromRecord, serviceBackend } from './ingress-manifest.js';
import { serviceInputFromRecord, serviceUpdateManifest } from './service-manifest.js';
import type { IngressManifest, IngressPathManifest, PlanResult, PlanStep } from './types.js';

export interface ExposePlanOptions {
  /** Use (or create) the ingress of this name instead of choosing one. */
  ingressName?: string;
  /** The ingresses of the cluster (at least of the service's namespace), from the catalog. */
  existingIngresses?: IngressRecord[];
  /**
   * Send the catalog's resourceVersion with writes that restate an object read from the
   * catalog (default true): if the object changed since, the API server answers 409
   * Conflict instead of us overwriting a change we never saw.
   */
  preconditions?: boolean;
}

const sortedPorts = (s: ServiceRecord) => [...s.ports].sort((a, b) => a.position - b.position);

/** The service port an expose targets: `input.port` by number or name, else the first. */
export function exposedPort(service: ServiceRecord, port: number | string | null | undefined): ServicePortRecord | undefined {
  const ports = sortedPorts(service);
  if (port === undefined || port === null || port === '') return ports[0];
  const p = portOrName(port);
  return ports.find((sp) => (typeof p === 'number' ? sp.port === p : sp.name === p));
}

function issue(field: string, rule: ValidationIssue['rule'], problem: string): ValidationIssue {
  return { field, rule, message: `${field || 'input'}: ${problem}` };
}

/**
 * What to write to make `service` reachable as `input` asks, each step with its undo.
 * - NODE_PORT: the service becomes NodePort (a LoadBalancer already has node ports and
 *   stays one), with `nodePort` fixed on the exposed port when given;
 * - LOAD_BALANCER: the service becomes LoadBalancer;
 * - INGRESS: a path `host` + `path` → service port, merged into the namespace's ingress
 *   that already serves that host (same ingress class), or a new ingress `<svc>` (or
 *   `<svc>-2`, `-3`… when taken); `tls.secretName` adds the host to that secret's TLS entry.
 * Exposing again what is already exposed gives no steps (idempotent retries).
 */
export function planExpose(service: ServiceRecord, input: ExposeInput, opts: ExposePlanOptions = {}): PlanResult {
  const issues = validateExposeInput(input, service);
  if (issues.length) return refusal('Expose', service.name, 'invalid', issues);
  return input.via === 'INGRESS' ? planIngressExpose(service, input, opts) : planServiceExpose(service, input, opts);
}

function planServiceExpose(service: ServiceRecord, input: ExposeInput, opts: ExposePlanOptions): PlanResult {
  const newType = input.via === 'LOAD_BALANCER' || service.type === 'LoadBalancer' ? 'LoadBalancer' : 'NodePort';
  const port = exposedPort(service, input.port)!; // validated: the service has it
  const nodePort = input.nodePort || undefined;
  const via = newType === 'LoadBalancer' ? 'a load balancer' : 'node ports';
  if (newType === service.type && (!nodePort || port.nodePort === nodePort)) {
    return { ok: true, steps: [], notes: [`service ${ref(service.namespace, service.name)} is already exposed through ${via}`] };
  }
  if (nodePort) {
    const other = service.ports.find((p) => p !== port && p.nodePort === nodePort && p.protocol === port.protocol);
    if (other) {
      return refusal('Expose', service.name, 'conflict', [issue('nodePort', 'duplicate', `node port ${nodePort} is already used by port ${other.name || other.port} of this service`)]);
    }
  }
  const change: Parameters<typeof serviceUpdateManifest>[1] = { type: newType };
  if (nodePort) {
    change.ports = serviceInputFromRecord(service).ports!.map((p, i) => (sortedPorts(service)[i] === port ? { ...p, nodePort } : p));
  }
  const res = serviceUpdateManifest(service, change, opts.preconditions === false ? {} : { resourceVersion: service.resourceVersion });
  if (!res.ok) return res;
  const what = `type ${newType}${nodePort ? `, port ${port.port} on node port ${nodePort}` : ''}`;
  const step: PlanStep = {
    op: 'apply',
    kind: 'Service',
    namespace: service.namespace,
    name: service.name,
    manifest: res.manifest,
    creates: false,
    summary: `set service ${ref(service.namespace, service.name)} to ${what}`,
    undo: restoreService(service),
  };
  return { ok: true, steps: [step], notes: [] };
}

function planIngressExpose(service: ServiceRecord, input: ExposeInput, opts: ExposePlanOptions): PlanResult {
  const ns = service.namespace;
  let backendPort: number | string;
  if (input.port !== undefined && input.port !== null && input.port !== '') backendPort = portOrName(input.port);
  else if (service.ports.length) backendPort = sortedPorts(service)[0]!.port;
  else return refusal('Expose', service.name, 'invalid', [issue('port', 'required', 'is required: the service has no ports, name the port the ingress should send traffic to')]);

  const host = input.host || null;
  const path = input.path ?? '/';
  const pathType = input.pathType ?? 'Prefix';
  const secretName = input.tls?.secretName;
  const all = opts.existingIngresses ?? [];
  const inNs = all.filter((i) => i.namespace === ns);
  const sameBackend = (r: IngressRecord['rules'][number]) =>
    r.backendService === service.name && (typeof backendPort === 'number' ? r.backendPortNumber === backendPort : r.backendPortName === backendPort);

  const key = claimKey(host, path);
  const claims = all.flatMap((ing) =>
    ing.rules.filter((r) => (r.backendService !== null || r.backendResource !== null) && claimKey(r.host, r.path) === key).map((r) => ({ ing, r })),
  );
  const hostMatches = (i: IngressRecord) => i.rules.some((r) => (r.host?.toLowerCase() ?? null) === (host?.toLowerCase() ?? null));
  const classOk = (i: IngressRecord) => !input.ingressClassName || i.ingressClassName === input.ingressClassName;
  let existing: IngressRecord | undefined;
  if (opts.ingressName) {
    existing = inNs.find((i) => i.name === opts.ingressName);
    if (existing && !classOk(existing)) {
      return refusal('Expose', service.name, 'conflict', [
        issue('ingressClassName', 'forbidden', `ingress ${ref(ns, existing.name)} has class ${JSON.stringify(existing.ingressClassName)}, not ${JSON.stringify(input.ingressClassName)}; changing it would move every path of it to another controller`),
      ]);
    }
  } else {
    // Prefer the ingress that already routes this host + path here (a retry), then any
    // serving the host; a host-less path only goes where its path is still free.
    existing =
      claims.find((c) => c.ing.namespace === ns && sameBackend(c.r))?.ing ??
      [...inNs]
        .sort((a, b) => a.name.localeCompare(b.name))
        .find((i) => hostMatches(i) && classOk(i) && (host !== null || !claims.some((c) => c.ing === i)));
  }

  // host + path already claimed elsewhere: the controller would pick one of the two.
  // Host-less rules only collide within one ingress (each is reached at its own address).
  const isTarget = (ing: IngressRecord) => existing !== undefined && ing.namespace === existing.namespace && ing.name === existing.name;
  const clash = claims.find((c) => (host !== null || isTarget(c.ing)) && !(isTarget(c.ing) && sameBackend(c.r)));
  if (clash) {
    const { ing, r } = clash;
    const target = r.backendService ? `service ${r.backendService}:${r.backendPortNumber ?? r.backendPortName}` : `resource ${r.backendResource?.kind}/${r.backendResource?.name}`;
    return refusal('Expose', service.name, 'conflict', [
      issue('path', 'duplicate', `${host ?? '(any host)'}${path} is already routed to ${target} by ingress ${ref(ing.namespace, ing.name)}`),
    ]);
  }

  const newPath: IngressPathManifest = { path, pathType, backend: serviceBackend(service.name, backendPort) };
  if (existing) return mergeIntoIngress(service, existing, host, newPath, secretName, opts);

  const name = opts.ingressName ?? freeName(service.name, inNs);
  const ingressInput = {
    name,
    ...(input.ingressClassName ? { ingressClassName: input.ingressClassName } : {}),
    rules: [{ host, paths: [{ path, pathType, service: service.name, port: backendPort }] }],
    ...(secretName && host ? { tls: [{ hosts: [host], secretName }] } : {}),
  };
  const bad = validateIngressInput(ingressInput);
  if (bad.length) return refusal('Ingress', name, 'invalid', bad);
  const manifest = ingressManifest(ingressInput, { namespace: ns });
  const step: PlanStep = {
    op: 'apply',
    kind: 'Ingress',
    namespace: ns,
    name,
    manifest,
    creates: true,
    summary: `create ingress ${ref(ns, name)} routing ${host ?? '(any host)'}${path} to ${service.name}:${backendPort}${secretName ? ` with TLS secret ${secretName}` : ''}`,
    undo: { op: 'delete', kind: 'Ingress', namespace: ns, name, summary: `delete ingress ${ref(ns, name)}` },
  };
  return { ok: true, steps: [step], notes: [] };
}

/** `<svc>`, else `<svc>-2`, `<svc>-3`… : the first name no ingress of the namespace uses. */
function freeName(base: string, ingresses: IngressRecord[]): string {
  const taken = new Set(ingresses.map((i) => i.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function mergeIntoIngress(
  service: ServiceRecord,
  existing: IngressRecord,
  host: string | null,
  newPath: IngressPathManifest,
  secretName: string | undefined,
  opts: ExposePlanOptions,
): PlanResult {
  const ns = existing.namespace;
  const before = ingressManifestFromRecord(existing);
  const after: IngressManifest = ingressManifestFromRecord(existing);
  const spec = after.spec;
  const rules = (spec.rules ??= []);
  let rule = rules.find((r) => (r.host?.toLowerCase() ?? null) === (host?.toLowerCase() ?? null));
  if (!rule) {
    rule = host ? { host } : {};
    rules.push(rule);
  }
  const paths = (rule.http ??= { paths: [] }).paths;
  const already = paths.some((p) => claimKey(null, p.path) === claimKey(null, newPath.path) && JSON.stringify(p.backend) === JSON.stringify(newPath.backend));
  if (!already) paths.push(newPath);

  if (secretName && host) {
    const tls = (spec.tls ??= []);
    const covering = tls.find((t) => (t.hosts ?? []).some((h) => tlsHostCovers(h, host)));
    if (covering && covering.secretName !== secretName) {
      return refusal('Expose', service.name, 'conflict', [
        issue('tls.secretName', 'duplicate', `host ${JSON.stringify(host)} already uses TLS secret ${JSON.stringify(covering.secretName ?? '')} in ingress ${ref(ns, existing.name)}`),
      ]);
    }
    if (!covering) {
      // An entry without hosts covers host-less rules; adding a host would change what it means.
      const entry = tls.find((t) => t.secretName === secretName && t.hosts?.length);
      if (entry) entry.hosts!.push(host);
      else tls.push({ hosts: [host], secretName });
    }
  }

  if (JSON.stringify(before.spec) === JSON.stringify(after.spec)) {
    return { ok: true, steps: [], notes: [`ingress ${ref(ns, existing.name)} already routes ${host ?? '(any host)'}${newPath.path ?? ''} to ${service.name}`] };
  }
  if (opts.preconditions !== false) after.metadata.resourceVersion = existing.resourceVersion;
  const step: PlanStep = {
    op: 'apply',
    kind: 'Ingress',
    namespace: ns,
    name: existing.name,
    manifest: after,
    creates: false,
    summary: already
      ? `add TLS secret ${secretName} for ${host} to ingress ${ref(ns, existing.name)}`
      : `add ${host ?? '(any host)'}${newPath.path ?? ''} → ${service.name} to ingress ${ref(ns, existing.name)}${secretName && host ? ` with TLS secret ${secretName}` : ''}`,
    undo: restoreIngress(existing),
  };
  return { ok: true, steps: [step], notes: [`merged into existing ingress ${ref(ns, existing.name)}`] };
}

