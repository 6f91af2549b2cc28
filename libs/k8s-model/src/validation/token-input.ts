import { namespacePatternError } from '../access/namespace-pattern.js';
import { READ_SCOPES, ROLES, type ReadScope, type Role } from '../access/roles.js';
import { Issues, isObj, join, show, type ValidationIssue } from './issues.js';
import { dns1123LabelErrors } from './names.js';

/** A grant as users write it: a cluster name (or "*" / absent for every cluster) and a namespace pattern. */
export interface GrantInput {
  cluster?: string | null;
  namespace?: string | null;
}

/** DESIGN §8 token input. */
export interface TokenInput {
  name: string;
  role: Role;
  grants?: GrantInput[] | null;
  readScope?: ReadScope | null;
  expiresAt?: string | null;
}

/** Longest a token may live; a forgotten automation token should not be valid forever by accident. */
export const MAX_TOKEN_DAYS = 3650;

export function validateGrantInput(input: unknown, field: string, issues: Issues): void {
  if (!isObj(input)) {
    issues.add(field, 'type', `must be an object like { cluster, namespace }, got ${show(input)}`);
    return;
  }
  const cluster = issues.optString(input['cluster'], join(field, 'cluster'));
  if (cluster && cluster !== '*') issues.addAll(join(field, 'cluster'), 'dns1123Label', dns1123LabelErrors(cluster), cluster);
  const ns = issues.optString(input['namespace'], join(field, 'namespace'));
  if (ns !== undefined) {
    const problem = namespacePatternError(ns);
    if (problem) issues.add(join(field, 'namespace'), 'invalidPattern', `${problem}, got ${show(ns)}`);
  }
  for (const key of Object.keys(input)) {
    if (key !== 'cluster' && key !== 'namespace') issues.add(join(field, key), 'forbidden', 'is not a grant field (cluster, namespace)');
  }
}

export function validateTokenInput(input: unknown, now: Date = new Date()): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const name = issues.reqString(input['name'], 'name');
  if (name !== undefined) {
    if (name.trim() !== name || !name.trim()) issues.add('name', 'invalidName', `must not start or end with spaces, got ${show(name)}`);
    if (name.length > 100) issues.add('name', 'tooLong', `must be no more than 100 characters, got ${name.length}`);
    if (/[\u0000-\u001f\u007f]/.test(name)) issues.add('name', 'invalidName', 'must not contain control characters');
  }
  const role = issues.reqString(input['role'], 'role');
  if (role !== undefined && !(ROLES as readonly string[]).includes(role)) issues.add('role', 'notSupported', `must be one of ${ROLES.join(', ')}, got ${show(role)}`);
  const readScope = issues.optString(input['readScope'], 'readScope');
  if (readScope !== undefined && !(READ_SCOPES as readonly string[]).includes(readScope)) issues.add('readScope', 'notSupported', `must be one of ${READ_SCOPES.join(', ')}, got ${show(readScope)}`);
  const grants = issues.optArray(input['grants'], 'grants');
  grants.forEach((g, i) => validateGrantInput(g, `grants[${i}]`, issues));
  if (grants.length > 100) issues.add('grants', 'tooLong', `must have at most 100 entries, got ${grants.length}`);
  if (role === 'admin' && grants.length) issues.add('grants', 'forbidden', 'admins have every right everywhere; give grants to operator or viewer tokens');
  if (role === 'operator' && !grants.length) issues.add('grants', 'required', 'an operator token needs at least one grant, e.g. { cluster: "prod", namespace: "team-a-*" } (or { namespace: "*" } for every namespace of every cluster)');
  if (readScope === 'GRANTS' && !grants.length) issues.add('grants', 'required', 'readScope GRANTS needs at least one grant to read anything');
  const expires = issues.optString(input['expiresAt'], 'expiresAt');
  if (expires !== undefined) {
    const t = Date.parse(expires);
    if (!/^\d{4}-\d\d-\d\dT/.test(expires) || Number.isNaN(t)) issues.add('expiresAt', 'timestamp', `must be an ISO 8601 date-time like 2027-01-31T00:00:00Z, got ${show(expires)}`);
    else if (t <= now.getTime()) issues.add('expiresAt', 'past', `must be in the future, got ${expires}`);
    else if (t > now.getTime() + MAX_TOKEN_DAYS * 86_400_000) issues.add('expiresAt', 'range', `must be at most ${MAX_TOKEN_DAYS} days ahead, got ${expires}`);
  }
  for (const key of Object.keys(input)) {
    if (!['name', 'role', 'grants', 'readScope', 'expiresAt'].includes(key)) issues.add(key, 'forbidden', 'is not a token field (name, role, grants, readScope, expiresAt)');
  }
  return issues.list;
}
