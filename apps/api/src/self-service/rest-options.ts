import type { ValidationIssue } from '@switchboard/k8s-model';
import { queryOne } from '../catalog/shared/query-params.js';
import type { DeleteOptions } from './self-service.service.js';

type QueryMap = Record<string, string | string[] | undefined>;

function bool(q: QueryMap, key: string, issues: ValidationIssue[]): boolean {
  const v = queryOne(q, key);
  if (v === undefined || v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  issues.push({ field: key, rule: 'type', message: `must be true or false, got ${JSON.stringify(v)}` });
  return false;
}

/**
 * `?dryRun=&force=&resourceVersion=` and the `Idempotency-Key` header of a REST
 * mutation. Nothing is refused here: what is wrong travels as `inputIssues`, so the
 * service counts, audits and refuses it like any other bad input.
 */
export function restOptions(q: QueryMap, idempotencyKey: string | undefined, bodyIssues: ValidationIssue[] = []): DeleteOptions {
  const inputIssues = [...bodyIssues];
  return { dryRun: bool(q, 'dryRun', inputIssues), force: bool(q, 'force', inputIssues), idempotencyKey, resourceVersion: queryOne(q, 'resourceVersion') || undefined, inputIssues };
}

/** A REST body and the request's options; a body that is not a JSON object is one issue among the others. */
export function restRequest(body: unknown, q: QueryMap, idempotencyKey: string | undefined): [Record<string, unknown>, DeleteOptions] {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return [body as Record<string, unknown>, restOptions(q, idempotencyKey)];
  return [{}, restOptions(q, idempotencyKey, [{ field: '', rule: 'type', message: 'the request body must be a JSON object (Content-Type: application/json)' }])];
}
