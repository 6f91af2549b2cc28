/**
 * Kubernetes manifests (multi-document YAML or JSON, `List`/`PodList`/... wrappers) →
 * the engine's input, the way netpol-analyzer reads a directory: workloads stand for the
 * pods their template creates, pods are named after their controller, namespaces used but
 * not declared exist implicitly, objects without a namespace are in `default`.
 */
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { NETPOL_PROTOCOLS, type NetpolProtocol } from './connection-set.js';
import { parseNetworkPolicy, type FieldProblem } from './policy.js';
import type { ReachContainerPort, ReachNamespace, ReachPod, ReachPolicy, ReachabilityInput } from './types.js';

export interface ManifestFile {
  /** Shown in errors when known (a path relative to what the user gave). */
  name?: string;
  text: string;
}

export interface ManifestIssue {
  file?: string;
  /** 1-based position of the document in its file. */
  document: number;
  line?: number;
  /** The object the problem is in, when the document parsed. */
  object?: { kind: string; namespace: string; name: string };
  /** Field path inside the document, e.g. `spec.ingress[0].ports[0].port`; '' for the whole document. */
  field: string;
  rule: string;
}

export class ManifestInputError extends Error {
  override readonly name = 'ManifestInputError';
  constructor(readonly issues: ManifestIssue[]) {
    super(issues.map(describeManifestIssue).join('; '));
  }
}

export function describeManifestIssue(i: ManifestIssue): string {
  const where = [i.file ? `file ${i.file}` : null, `document ${i.document}`, i.line ? `line ${i.line}` : null].filter(Boolean).join(', ');
  const obj = i.object ? ` (${i.object.kind} ${i.object.namespace}/${i.object.name})` : '';
  return `${where}${obj}${i.field ? ` ${i.field}` : ''}: ${i.rule}`;
}

export interface ParsedManifests {
  input: ReachabilityInput;
  /** Kinds present but not relevant to reachability, with counts (Service, ConfigMap, ...). */
  ignoredKinds: Record<string, number>;
}

const MAX_ISSUES = 50;
/** Objects visited (List items included): far above any real dump, low enough that aliases nesting Lists cannot make the walk explode. */
export const MAX_MANIFEST_OBJECTS = 200_000;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Template-carrying kinds → where their pod template is and how many pods stand for them. */
const WORKLOAD_KINDS: Record<string, { template: (spec: Obj) => unknown; pods: (spec: Obj) => number }> = {
  Deployment: { template: (s) => s.template, pods: (s) => replicas(s.replicas) },
  ReplicaSet: { template: (s) => s.template, pods: (s) => replicas(s.replicas) },
  StatefulSet: { template: (s) => s.template, pods: (s) => replicas(s.replicas) },
  ReplicationController: { template: (s) => s.template, pods: (s) => replicas(s.replicas) },
  DaemonSet: { template: (s) => s.template, pods: () => 1 },
  Job: { template: (s) => s.template, pods: (s) => replicas(s.parallelism) },
  CronJob: { template: (s) => (isObj(s.jobTemplate) && isObj(s.jobTemplate.spec) ? s.jobTemplate.spec.template : undefined), pods: () => 1 },
};

// As netpol-analyzer: two representative pods when there are several replicas, else one.
function replicas(v: unknown): number {
  return typeof v === 'number' && v > 1 ? 2 : 1;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = String(x);
  return out;
}

function containerPorts(podSpec: Obj, base: string, problems: FieldProblem[]): ReachContainerPort[] {
  const out: ReachContainerPort[] = [];
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  containers.forEach((c: unknown, ci) => {
    if (!isObj(c) || !Array.isArray(c.ports)) return;
    c.ports.forEach((p: unknown, pi) => {
      const f = `${base}.containers[${ci}].ports[${pi}]`;
      if (!isObj(p)) return;
      const port = p.containerPort;
      // A missing containerPort (e.g. a misspelt key) names no port; kubectl would refuse it, the analyzer skips it.
      if (port === undefined || port === null) return;
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
        return problems.push({ field: `${f}.containerPort`, rule: `must be between 1 and 65535, inclusive (found ${JSON.stringify(port ?? null)})` });
      const protocol = (p.protocol ?? 'TCP') as NetpolProtocol;
      if (!NETPOL_PROTOCOLS.includes(protocol)) return problems.push({ field: `${f}.protocol`, rule: `must be one of SCTP, TCP, UDP (found ${JSON.stringify(p.protocol)})` });
      out.push(typeof p.name === 'string' && p.name ? { name: p.name, port, protocol } : { port, protocol });
    });
  });
  return out;
}

interface DocRef {
  file?: string;
  document: number;
  line?: number;
}

/**
 * The documents of one file. JSON first when it looks like JSON; then js-yaml, about ten
 * times faster than `yaml` on multi-MB dumps; only when js-yaml refuses the text does
 * `yaml` parse it again, document by document, to say which document is broken (or to
 * accept what js-yaml alone refuses).
 */
function documentsOf(file: ManifestFile, issues: ManifestIssue[]): { value: unknown; ref: DocRef }[] {
  const t = file.text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return [{ value: JSON.parse(file.text), ref: { file: file.name, document: 1 } }];
    } catch {
      // Not strict JSON: let the YAML parsers (JSON supersets) say what is wrong.
    }
  }
  try {
    // The core schema: plain scalars stay strings unless they are null, booleans or numbers (no dates).
    return loadAll(file.text, undefined, { schema: CORE_SCHEMA }).map((value, i) => ({ value, ref: { file: file.name, document: i + 1 } }));
  } catch {
    // Fall through to the precise parser.
  }
  const out: { value: unknown; ref: DocRef }[] = [];
  parseAllDocuments(file.text, { prettyErrors: true }).forEach((doc, i) => {
    const ref: DocRef = { file: file.name, document: i + 1 };
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const line = e.linePos?.[0]?.line;
      issues.push({ ...ref, ...(line ? { line } : {}), field: '', rule: `unparseable YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` });
      return;
    }
    out.push({ value: doc.toJS({ maxAliasCount: 1000 }), ref });
  });
  return out;
}

/** Parses every file; throws ManifestInputError listing every problem (at most 50). */
export function parseManifests(files: ManifestFile[]): ParsedManifests {
  const issues: ManifestIssue[] = [];
  const pods: ReachPod[] = [];
  const namespaces = new Map<string, ReachNamespace>();
  const policies: ReachPolicy[] = [];
  const ignoredKinds: Record<string, number> = {};

  let visited = 0;
  const visit = (o: Obj, ref: DocRef, prefix: string, defaultKind: string | null) => {
    if (++visited > MAX_MANIFEST_OBJECTS) {
      if (visited === MAX_MANIFEST_OBJECTS + 1) issues.push({ ...ref, field: prefix.replace(/\.$/, ''), rule: `more than ${MAX_MANIFEST_OBJECTS} objects (YAML aliases included)` });
      return;
    }
    const kind = typeof o.kind === 'string' && o.kind ? o.kind : defaultKind;
    if (!kind) return;
    if (kind.endsWith('List') && Array.isArray(o.items)) {
      const itemKind = kind === 'List' ? null : kind.slice(0, -'List'.length);
      for (let i = 0; i < o.items.length && visited <= MAX_MANIFEST_OBJECTS; i++) {
        const item: unknown = o.items[i];
        if (isObj(item)) visit(item, ref, `${prefix}items[${i}].`, itemKind);
      }
      return;
    }
    const meta = isObj(o.metadata) ? o.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
    const relevant = kind === 'Namespace' || kind === 'Pod' || kind === 'NetworkPolicy' || kind in WORKLOAD_KINDS;
    if (!relevant) {
      ignoredKinds[kind] = (ignoredKinds[kind] ?? 0) + 1;
      return;
    }
    const problems: FieldProblem[] = [];
    if (!name) problems.push({ field: 'metadata.name', rule: 'is required' });
    const spec = isObj(o.spec) ? o.spec : {};
    if (kind === 'Namespace') namespaces.set(name, { name, labels: stringMap(meta.labels) });
    else if (kind === 'NetworkPolicy') {
      if (o.apiVersion === undefined || o.apiVersion === 'networking.k8s.io/v1') policies.push(parseNetworkPolicy(namespace, name, o.spec, problems));
      else ignoredKinds[`${kind} ${String(o.apiVersion)}`] = (ignoredKinds[`${kind} ${String(o.apiVersion)}`] ?? 0) + 1;
    } else if (kind === 'Pod') {
      const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
      const controller = owners.find((r) => r.controller === true);
      // Static pods (owned by their Node) and pods without a controller are reported as themselves.
      const workload =
        controller && controller.kind !== 'Node' && typeof controller.name === 'string'
          ? { kind: typeof controller.kind === 'string' && controller.kind ? controller.kind : 'Pod', name: controller.name }
          : { kind: 'Pod', name };
      pods.push({
        namespace,
        name,
        labels: stringMap(meta.labels),
        ports: containerPorts(spec, 'spec', problems),
        hostNetwork: spec.hostNetwork === true,
        ips: podIps(o.status),
        workload,
      });
    } else {
      const w = WORKLOAD_KINDS[kind]!;
      const tpl = w.template(spec);
      const tplPath = kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
      if (!isObj(tpl)) problems.push({ field: tplPath, rule: 'is required (the pod template)' });
      else {
        const tMeta = isObj(tpl.metadata) ? tpl.metadata : {};
        const tSpec = isObj(tpl.spec) ? tpl.spec : {};
        const ports = containerPorts(tSpec, `${tplPath}.spec`, problems);
        const n = w.pods(spec);
        for (let i = 0; i < n; i++)
          pods.push({ namespace, name: `${name}-${i}`, labels: stringMap(tMeta.labels), ports, hostNetwork: tSpec.hostNetwork === true, workload: { kind, name } });
      }
    }
    for (const p of problems) {
      if (issues.length >= MAX_ISSUES) return;
      issues.push({ ...ref, object: { kind, namespace, name }, field: `${prefix}${p.field}`, rule: p.rule });
    }
  };

  for (const file of files) {
    for (const { value, ref } of documentsOf(file, issues)) {
      if (Array.isArray(value)) value.forEach((v, i) => isObj(v) && visit(v, ref, `[${i}].`, null));
      else if (isObj(value)) visit(value, ref, '', null);
      // Scalars and empty documents carry no object: nothing to analyse.
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length) throw new ManifestInputError(issues.slice(0, MAX_ISSUES));
  return { input: { pods, namespaces: [...namespaces.values()], policies }, ignoredKinds };
}

function podIps(status: unknown): string[] {
  if (!isObj(status)) return [];
  const list = Array.isArray(status.podIPs) ? status.podIPs.filter(isObj).map((x) => String(x.ip)) : [];
  if (list.length) return list;
  return typeof status.podIP === 'string' ? [status.podIP] : [];
}
