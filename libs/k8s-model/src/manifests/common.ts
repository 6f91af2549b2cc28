import { formatIssues, type ValidationIssue } from '../validation/issues.js';
import type { ManifestMeta, Refusal } from './types.js';

/** kubectl's client-side-apply bookkeeping: never copied into an object we send. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** A copy of a non-empty map, else undefined (so the field is not sent at all). */
export function nonEmptyMap(m: Record<string, string> | null | undefined): Record<string, string> | undefined {
  return m && Object.keys(m).length ? { ...m } : undefined;
}

/** Inputs accept numeric strings for ports (validation does); the API wants an int. */
export function portOrName(v: number | string): number | string {
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
}

export function metadata(
  name: string,
  namespace: string,
  labels?: Record<string, string> | null,
  annotations?: Record<string, string> | null,
): ManifestMeta {
  const meta: ManifestMeta = { name, namespace };
  const l = nonEmptyMap(labels);
  if (l) meta.labels = l;
  const a = nonEmptyMap(annotations);
  if (a) {
    delete a[LAST_APPLIED_ANNOTATION];
    if (Object.keys(a).length) meta.annotations = a;
  }
  return meta;
}

export function refusal(kind: string, name: string | undefined, reason: Refusal['reason'], issues: ValidationIssue[]): Refusal {
  return { ok: false, reason, message: formatIssues(kind, name, issues), issues };
}

