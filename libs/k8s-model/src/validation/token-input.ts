import { Issues, isAbsent, isObj, join, show, type ValidationIssue } from './issues.js';
import { dns1123LabelErrors } from './names.js';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** DESIGN §8 token input. A grant's cluster and namespace default to "*" (all). */
export interface TokenInput {
  name: string;
  role: Role;
  grants?: { cluster?: string | null; namespace?: string | null }[] | null;
  expiresAt?: string | null;
}

/** `now` enables the "expiresAt in the past" check (validation stays a pure function). */
export function validateTokenInput(input: unknown, opts: { now?: Date | string } = {}): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const name = issues.reqString(input['name'], 'name');
  if (name && name.length > 100) issues.add('name', 'tooLong', `must be no more than 100 characters, got ${name.length}`);
  const role = input['role'];
  if (isAbsent(role) || role === '') issues.add('role', 'required', `is required: one of ${ROLES.join(', ')}`);
  else if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    issues.add('role', 'notSupported', `unsupported value ${show(role)}: supported values: ${ROLES.map((r) => `"${r}"`).join(', ')}`);

  issues.optArray(input['grants'], 'grants').forEach((raw, i) => {
    const f = join('grants', i);
    const g = issues.optObject(raw, f);
    if (!g) return;
    const cluster = issues.optString(g['cluster'], join(f, 'cluster'));
    if (cluster && cluster !== '*') issues.addAll(join(f, 'cluster'), 'dns1123Label', dns1123LabelErrors(cluster), cluster);
    const ns = issues.optString(g['namespace'], join(f, 'namespace'));
    // Namespace patterns may use '*' as a wildcard ("team-*"); the rest must be label characters.
    if (ns && ns !== '*' && !/^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/.test(ns))
      issues.add(join(f, 'namespace'), 'dns1123Label', `must be a namespace name or a pattern with '*' wildcards (e.g. "team-*"), got ${show(ns)}`);
  });

  const exp = issues.optString(input['expiresAt'], 'expiresAt');
  if (exp) {
    const t = Date.parse(exp);
    if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(exp)) issues.add('expiresAt', 'timestamp', `must be an RFC 3339 timestamp, got ${show(exp)}`);
    else if (opts.now !== undefined && t <= new Date(opts.now).getTime()) issues.add('expiresAt', 'past', `must be in the future, got ${exp}`);
  }
  return issues.list;
}
