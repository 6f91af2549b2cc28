import { type IngressInput, ingressManifest, validateIngressInput, type ValidationIssue } from '@switchboard/k8s-model';
import { stringify } from 'yaml';
import type { CreateIngressInput, IngressEditorIngressQuery, PathType, UpdateIngressInput } from '../../lib/graphql/generated/graphql';

/** One path row: host + path (+ type) → service:port. */
export interface PathRow {
  key: string;
  path: string;
  pathType: PathType;
  service: string;
  port: string;
}

/** One rule: a host (empty: any host) and its paths. */
export interface RuleRow {
  key: string;
  host: string;
  paths: PathRow[];
}

/** One TLS entry: the hosts a certificate secret covers, comma-separated as typed. */
export interface TlsRow {
  key: string;
  hosts: string;
  secretName: string;
}

export interface IngressFormState {
  name: string;
  ingressClassName: string;
  rules: RuleRow[];
  tls: TlsRow[];
}

let next = 0;
/** Row keys: stable across edits, so React keeps focus in the row being typed in (random part: rows made on the server must not collide with the browser's). */
export const rowKey = () => `row-${Math.random().toString(36).slice(2, 8)}-${++next}`;

export const emptyPath = (service = '', port = ''): PathRow => ({ key: rowKey(), path: '/', pathType: 'Prefix', service, port });
export const emptyRule = (service = '', port = ''): RuleRow => ({ key: rowKey(), host: '', paths: [emptyPath(service, port)] });
export const emptyTls = (): TlsRow => ({ key: rowKey(), hosts: '', secretName: '' });

/** A new ingress: one rule with one path, to the namespace's first service and port when there is one. */
export function newIngressState(first?: { name: string; ports: readonly { port: number }[] }): IngressFormState {
  return { name: '', ingressClassName: '', rules: [emptyRule(first?.name ?? '', first?.ports[0] ? String(first.ports[0].port) : '')], tls: [] };
}

type Existing = IngressEditorIngressQuery['ingress'];

/** An existing ingress as rows: its paths grouped by host in their order, its TLS entries. */
export function ingressStateOf(i: Existing): IngressFormState {
  const rules: RuleRow[] = [];
  for (const p of i.paths) {
    if (!p.backend.service) continue; // resource backends are not editable here (and stay untouched only if no rule is sent)
    const host = p.host ?? '';
    let rule = rules.at(-1);
    if (!rule || rule.host !== host) {
      rule = { key: rowKey(), host, paths: [] };
      rules.push(rule);
    }
    rule.paths.push({ key: rowKey(), path: p.path ?? '', pathType: p.pathType ?? 'ImplementationSpecific', service: p.backend.service, port: p.backend.port ?? '' });
  }
  return {
    name: i.name,
    ingressClassName: i.ingressClassName ?? '',
    rules,
    tls: i.tls.map((t) => ({ key: rowKey(), hosts: t.hosts.join(', '), secretName: t.secretName ?? '' })),
  };
}

const splitHosts = (v: string) =>
  v
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
const portValue = (v: string): number | string => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim());

/** The input the rows stand for, in k8s-model's shape (the rules the API applies take it). */
export function ingressInputOf(f: IngressFormState): IngressInput {
  return {
    name: f.name.trim(),
    ...(f.ingressClassName ? { ingressClassName: f.ingressClassName } : {}),
    rules: f.rules.map((r) => ({
      ...(r.host.trim() ? { host: r.host.trim() } : {}),
      paths: r.paths.map((p) => ({ ...(p.path !== '' ? { path: p.path } : {}), pathType: p.pathType, service: p.service, port: portValue(p.port) })),
    })),
    tls: f.tls.map((t) => ({ hosts: splitHosts(t.hosts), ...(t.secretName.trim() ? { secretName: t.secretName.trim() } : {}) })),
  };
}

/** Every problem, from k8s-model's rules: keyed like the API's details (rules[0].paths[1].path, tls[0].hosts[0]…). */
export function ingressIssues(f: IngressFormState): ValidationIssue[] {
  return validateIngressInput(ingressInputOf(f));
}

/** The manifest that will be applied, as YAML (the same builder the API uses). */
export function ingressYaml(f: IngressFormState, namespace: string): string {
  return stringify(ingressManifest(ingressInputOf(f), { namespace }));
}

function graphqlRules(i: IngressInput) {
  return (i.rules ?? []).map((r) => ({ ...(r.host ? { host: r.host } : {}), paths: r.paths.map((p) => ({ ...(p.path !== undefined && p.path !== null ? { path: p.path } : {}), pathType: p.pathType, service: p.service, port: String(p.port) })) }));
}
const graphqlTls = (i: IngressInput) => (i.tls ?? []).map((t) => ({ hosts: t.hosts ?? [], ...(t.secretName ? { secretName: t.secretName } : {}) }));

export function createVariables(f: IngressFormState): CreateIngressInput {
  const i = ingressInputOf(f);
  return { name: i.name, ...(i.ingressClassName ? { ingressClassName: i.ingressClassName } : {}), rules: graphqlRules(i), tls: graphqlTls(i) };
}

/** An edit restates rules, TLS and class (lists are replaced whole); labels, annotations and a default backend stay. */
export function updateVariables(f: IngressFormState): UpdateIngressInput {
  const i = ingressInputOf(f);
  return { ingressClassName: i.ingressClassName ?? null, rules: graphqlRules(i), tls: graphqlTls(i).length ? graphqlTls(i) : null };
}
