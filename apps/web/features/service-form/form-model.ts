import { type ServiceInput, type ServicePortInput, serviceManifest, type ValidationIssue, validateServiceInput } from '@switchboard/k8s-model';
import { stringify } from 'yaml';
import type { CreateServiceInput, KeyValueInput } from '../../lib/graphql/generated/graphql';

/** The five kinds the form offers; Headless is ClusterIP with clusterIP: None. */
export const KINDS = ['ClusterIP', 'Headless', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_HINT: Record<Kind, string> = {
  ClusterIP: 'A stable virtual IP and DNS name inside the cluster.',
  Headless: 'DNS only: the name resolves to the pod IPs (clusterIP: None).',
  NodePort: 'ClusterIP plus a port on every node (30000–32767).',
  LoadBalancer: 'NodePort plus an external address from the cluster’s load balancer.',
  ExternalName: 'A DNS alias (CNAME) for a name outside the cluster; no ports, no pods.',
};

/** One row of the ports table as typed (numbers stay text until they are read). */
export interface PortRow {
  key: string;
  name: string;
  port: string;
  targetPort: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  appProtocol: string;
  /** NodePort and LoadBalancer: allocate one, or this one. */
  nodePortMode: 'auto' | 'fixed';
  nodePort: string;
}

export interface PairRow {
  key: string;
  k: string;
  v: string;
}

export interface ServiceForm {
  name: string;
  kind: Kind;
  externalName: string;
  selector: PairRow[];
  ports: PortRow[];
  labels: PairRow[];
  annotations: PairRow[];
}

let rowSeq = 0;
export const rowKey = () => `r${++rowSeq}`;

export const emptyPort = (): PortRow => ({ key: rowKey(), name: '', port: '', targetPort: '', protocol: 'TCP', appProtocol: '', nodePortMode: 'auto', nodePort: '' });
export const emptyPair = (k = '', v = ''): PairRow => ({ key: rowKey(), k, v });

export const emptyForm = (): ServiceForm => ({ name: '', kind: 'ClusterIP', externalName: '', selector: [emptyPair()], ports: [emptyPort()], labels: [], annotations: [] });

const usesNodePorts = (k: Kind) => k === 'NodePort' || k === 'LoadBalancer';

/** Text as the number it spells, or the text itself (so k8s-model names what is wrong with it); empty → absent. */
function num(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function map(rows: PairRow[]): Record<string, string> | undefined {
  const filled = rows.filter((r) => r.k.trim() !== '' || r.v.trim() !== '');
  if (!filled.length) return undefined;
  return Object.fromEntries(filled.map((r) => [r.k.trim(), r.v.trim()]));
}

/** The form as the domain's service input (what k8s-model validates and builds the manifest from). */
export function toServiceInput(f: ServiceForm): ServiceInput {
  const type = f.kind === 'Headless' ? 'ClusterIP' : f.kind;
  const input: ServiceInput = { name: f.name.trim(), type };
  if (f.kind === 'Headless') input.headless = true;
  if (f.kind === 'ExternalName') {
    if (f.externalName.trim()) input.externalName = f.externalName.trim();
  } else {
    const selector = map(f.selector);
    if (selector) input.selector = selector;
    input.ports = f.ports.map((r): ServicePortInput => {
      const p = { port: num(r.port) } as unknown as ServicePortInput;
      if (r.name.trim()) p.name = r.name.trim();
      const target = num(r.targetPort);
      if (target !== undefined) p.targetPort = target;
      p.protocol = r.protocol;
      if (r.appProtocol.trim()) p.appProtocol = r.appProtocol.trim();
      if (usesNodePorts(f.kind) && r.nodePortMode === 'fixed') p.nodePort = (num(r.nodePort) ?? null) as number | null;
      return p;
    });
  }
  const labels = map(f.labels);
  if (labels) input.labels = labels;
  const annotations = map(f.annotations);
  if (annotations) input.annotations = annotations;
  return input;
}

const pairs = (m: Record<string, string> | null | undefined): KeyValueInput[] | undefined => (m ? Object.entries(m).map(([key, value]) => ({ key, value })) : undefined);

/** The domain input as the API's GraphQL input (maps are pair lists there). */
export function toGraphqlInput(i: ServiceInput): CreateServiceInput {
  return {
    name: i.name,
    type: i.type ?? 'ClusterIP',
    ...(i.headless ? { headless: true } : {}),
    ...(i.externalName ? { externalName: i.externalName } : {}),
    selector: pairs(i.selector) ?? [],
    ...(i.ports ? { ports: i.ports.map((p) => ({ port: p.port, ...(p.name ? { name: p.name } : {}), ...(p.targetPort !== undefined && p.targetPort !== null ? { targetPort: String(p.targetPort) } : {}), protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}), ...(p.nodePort ? { nodePort: p.nodePort } : {}) })) } : {}),
    labels: pairs(i.labels) ?? [],
    annotations: pairs(i.annotations) ?? [],
  };
}

/**
 * Every problem with the form: k8s-model's validator (the API applies the same), plus
 * what only a form of rows can get wrong — the same key in two rows, a key without a
 * value's key, a fixed node port left empty. Field paths are k8s-model's.
 */
export function formIssues(f: ServiceForm): ValidationIssue[] {
  const issues = [...validateServiceInput(toServiceInput(f))];
  for (const [field, rows] of [['selector', f.selector], ['labels', f.labels], ['annotations', f.annotations]] as const) {
    if (field === 'selector' && f.kind === 'ExternalName') continue;
    const seen = new Set<string>();
    for (const r of rows) {
      const k = r.k.trim();
      if (!k && r.v.trim()) issues.push({ field: `${field}[${JSON.stringify(k)}]`, rule: 'required', message: `${field}: a key is required for the value ${JSON.stringify(r.v.trim())}` });
      else if (k && seen.has(k)) issues.push({ field: `${field}[${JSON.stringify(k)}]`, rule: 'duplicate', message: `${field}: the key ${JSON.stringify(k)} is given twice` });
      seen.add(k);
    }
  }
  if (usesNodePorts(f.kind)) {
    f.ports.forEach((r, i) => {
      if (r.nodePortMode === 'fixed' && r.nodePort.trim() === '') issues.push({ field: `ports[${i}].nodePort`, rule: 'required', message: `ports[${i}].nodePort: is required when you choose the node port (or pick "allocate")` });
    });
  }
  return issues;
}

/** The exact server-side-apply body the API will send (k8s-model's builder), as YAML. */
export function manifestYaml(f: ServiceForm, namespace: string): string {
  return stringify(serviceManifest(toServiceInput(f), { namespace: namespace || '<namespace>' }), { lineWidth: 0 });
}

/** The message for a field: the first issue with exactly that path. */
export function messageFor(issues: readonly { field: string; message: string }[], field: string): string | null {
  return issues.find((i) => i.field === field)?.message ?? null;
}

/** Messages about a port row as a whole (e.g. a duplicate port/protocol pair). */
export const rowMessage = (issues: readonly { field: string; message: string }[], i: number) => messageFor(issues, `ports[${i}]`);

/** A selector / labels / annotations row's field path (k8s-model names map entries by key). */
export const pairField = (field: string, row: PairRow) => `${field}[${JSON.stringify(row.k.trim())}]`;
