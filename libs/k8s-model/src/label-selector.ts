/**
 * Label selectors as kubectl writes them: `app=web,tier in (a,b),!canary`.
 * Grammar (k8s.io/apimachinery/pkg/labels): requirements separated by commas;
 * `k=v`, `k==v`, `k!=v`, `k in (v1,v2)`, `k notin (v1)`, `k` (exists), `!k` (absent).
 * Requirements use the catalog's SQL-ready form: equality is `in` with one value.
 */
import { labelValueErrors, qualifiedNameErrors } from './validation/names.js';

export type LabelRequirement =
  | { key: string; op: 'in'; values: string[] }
  | { key: string; op: 'notin'; values: string[] }
  | { key: string; op: 'exists' }
  | { key: string; op: 'notexists' };

export class LabelSelectorError extends Error {
  override readonly name = 'LabelSelectorError';
  constructor(
    readonly selector: string,
    /** 0-based character offset of the problem. */
    readonly position: number,
    readonly problem: string,
  ) {
    super(`invalid label selector ${JSON.stringify(selector)} at position ${position}: ${problem}`);
  }
}

type Tok = { t: 'id'; v: string; at: number } | { t: 'op'; v: string; at: number } | { t: 'end'; at: number };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '==' || two === '!=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
      continue;
    }
    if ('=!(),'.includes(c)) {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    const start = i;
    while (i < s.length && !' \t\n=!(),'.includes(s[i]!)) i++;
    out.push({ t: 'id', v: s.slice(start, i), at: start });
  }
  out.push({ t: 'end', at: s.length });
  return out;
}

/** Parses a selector string; throws LabelSelectorError naming the position and problem. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const toks = tokenize(selector);
  let k = 0;
  const peek = () => toks[k]!;
  const fail = (at: number, problem: string): never => {
    throw new LabelSelectorError(selector, at, problem);
  };
  const key = (): string => {
    const t = peek();
    if (t.t !== 'id') return fail(t.at, t.t === 'end' ? 'expected a label key, found end of input' : `expected a label key, found '${t.v}'`);
    k++;
    const errs = qualifiedNameErrors(t.v);
    if (errs.length) fail(t.at, `invalid label key ${JSON.stringify(t.v)}: ${errs[0]}`);
    return t.v;
  };
  const value = (): string => {
    const t = peek();
    // An empty value (`k=` or `k in ()`) is allowed by the grammar.
    if (t.t !== 'id') return '';
    k++;
    const errs = labelValueErrors(t.v);
    if (errs.length) fail(t.at, `invalid label value ${JSON.stringify(t.v)}: ${errs[0]}`);
    return t.v;
  };
  const out: LabelRequirement[] = [];
  if (peek().t === 'end') return out;
  for (;;) {
    const t = peek();
    if (t.t === 'op' && t.v === '!') {
      k++;
      out.push({ key: key(), op: 'notexists' });
    } else {
      const kname = key();
      const o = peek();
      if (o.t === 'op' && (o.v === '=' || o.v === '==')) {
        k++;
        out.push({ key: kname, op: 'in', values: [value()] });
      } else if (o.t === 'op' && o.v === '!=') {
        k++;
        out.push({ key: kname, op: 'notin', values: [value()] });
      } else if (o.t === 'id' && (o.v === 'in' || o.v === 'notin')) {
        k++;
        const open = peek();
        if (!(open.t === 'op' && open.v === '(')) fail(open.at, `expected '(' after '${o.v}'`);
        k++;
        const values: string[] = [];
        for (;;) {
          values.push(value());
          const n = peek();
          if (n.t === 'op' && n.v === ',') {
            k++;
            continue;
          }
          if (n.t === 'op' && n.v === ')') {
            k++;
            break;
          }
          fail(n.at, n.t === 'end' ? "missing ')'" : `expected ',' or ')', found '${n.v}'`);
        }
        out.push({ key: kname, op: o.v, values: [...new Set(values)].sort() });
      } else if (o.t === 'end' || (o.t === 'op' && o.v === ',')) {
        out.push({ key: kname, op: 'exists' });
      } else {
        fail(o.at, `expected '=', '!=', 'in', 'notin', ',' or end of input after key '${kname}', found '${o.t === 'id' ? o.v : o.v}'`);
      }
    }
    const sep = peek();
    if (sep.t === 'end') break;
    if (sep.t === 'op' && sep.v === ',') {
      k++;
      continue;
    }
    fail(sep.at, `expected ',' or end of input, found '${sep.v}'`);
  }
  return out;
}

/** Non-throwing variant for request handlers. */
export function tryParseLabelSelector(selector: string): { ok: true; requirements: LabelRequirement[] } | { ok: false; error: LabelSelectorError } {
  try {
    return { ok: true, requirements: parseLabelSelector(selector) };
  } catch (e) {
    if (e instanceof LabelSelectorError) return { ok: false, error: e };
    throw e;
  }
}

export function matchesRequirement(req: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && req.values.includes(labels[req.key]!);
    case 'notin':
      // As in Kubernetes: a missing key satisfies `notin` and `!=`.
      return !has || !req.values.includes(labels[req.key]!);
  }
}

/** All requirements must hold; an empty selector matches everything. */
export function matchesLabelSelector(requirements: LabelRequirement[] | string, labels: Record<string, string> | null | undefined): boolean {
  const reqs = typeof requirements === 'string' ? parseLabelSelector(requirements) : requirements;
  return reqs.every((r) => matchesRequirement(r, labels ?? {}));
}

/**
 * A Service's `spec.selector` map matches pods carrying every pair. A null or empty
 * selector selects nothing (endpoints are managed outside Kubernetes).
 */
export function selectorMapMatches(selector: Record<string, string> | null | undefined, labels: Record<string, string> | null | undefined): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  const l = labels ?? {};
  return entries.every(([k, v]) => Object.prototype.hasOwnProperty.call(l, k) && l[k] === v);
}

/** Canonical string form (`a=b,c in (x,y),!d`), sorted by key, for display and cache keys. */
export function formatLabelSelector(requirements: LabelRequirement[]): string {
  return [...requirements]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.op < b.op ? -1 : a.op > b.op ? 1 : 0))
    .map((r) => {
      switch (r.op) {
        case 'exists':
          return r.key;
        case 'notexists':
          return `!${r.key}`;
        case 'in':
          return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
        case 'notin':
          return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
      }
    })
    .join(',');
}

/** A map selector (`{app: web}`) as requirements. */
export function requirementsFromMap(selector: Record<string, string>): LabelRequirement[] {
  return Object.keys(selector)
    .sort()
    .map((key) => ({ key, op: 'in' as const, values: [selector[key]!] }));
}

/**
 * Pod labels that controllers generate per revision or per pod: selecting on them ties
 * a service to one rollout or one pod, so selector suggestions leave them out.
 */
export const GENERATED_POD_LABEL_KEYS: readonly string[] = [
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
  'job-name',
  'batch.kubernetes.io/job-name',
];

/** A selector a service can carry: `key=value` pairs only (no set-based or existence requirements). */
export function equalitySelectorMap(requirements: LabelRequirement[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const r of requirements) {
    if (r.op !== 'in' || r.values.length !== 1 || r.key in out) return null;
    out[r.key] = r.values[0]!;
  }
  return out;
}
