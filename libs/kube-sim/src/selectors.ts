import { badRequest } from './status.js';
import type { KubeObject } from './kube-object.js';

type Req = { key: string; op: 'in' | 'notin' | 'exists' | '!exists'; values: string[] };

/** Label selectors as the API server parses them: equality- and set-based. */
export function parseLabelSelector(s: string | undefined): Req[] {
  if (!s) return [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
      if (m) return { key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()).filter(Boolean) };
      m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(p);
      if (m) return { key: m[1]!, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]!] };
      m = /^!(\S+)$/.exec(p);
      if (m) return { key: m[1]!, op: '!exists', values: [] };
      if (/^[A-Za-z0-9_.\/-]+$/.test(p)) return { key: p, op: 'exists', values: [] };
      throw badRequest(`unable to parse requirement: ${JSON.stringify(p)}`);
    });
}

export function matchesLabels(reqs: Req[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
      case 'exists':
        return has;
      case '!exists':
        return !has;
    }
  });
}

/** Field selectors: metadata.name and metadata.namespace (= and !=), as kubectl uses them. */
export function parseFieldSelector(s: string | undefined): (o: KubeObject) => boolean {
  if (!s) return () => true;
  const reqs = s.split(',').map((p) => {
    const m = /^(metadata\.name|metadata\.namespace)\s*(==|=|!=)\s*(.*)$/.exec(p.trim());
    if (!m) throw badRequest(`"${p}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    return { field: m[1]!, neg: m[2] === '!=', value: m[3]! };
  });
  return (o) =>
    reqs.every((r) => {
      const v = r.field === 'metadata.name' ? o.metadata.name : (o.metadata.namespace ?? '');
      return r.neg ? v !== r.value : v === r.value;
    });
}

export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  return compileSelector(selector)(labels);
}

/**
 * A Service-style selector (a map; empty or absent selects nothing) as a predicate:
 * controllers test one selector against every pod of a namespace, so its entries are
 * read once, not once per pod.
 */
export function compileSelector(selector: Record<string, string> | undefined): (labels: Record<string, string> | undefined) => boolean {
  const entries = Object.entries(selector ?? {});
  if (entries.length === 0) return () => false;
  return (labels) => {
    if (!labels) return false;
    for (const [k, v] of entries) if (labels[k] !== v) return false;
    return true;
  };
}
