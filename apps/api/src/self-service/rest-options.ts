import { queryOne } from '../catalog/shared/query-params.js';
import { DomainError } from '../errors/domain-error.js';
import type { FieldIssue } from '../errors/error-codes.js';
import type { MutationOptions } from './self-service.service.js';
import type { Caller } from '../auth/caller.js';

type QueryMap = Record<string, string | string[] | undefined>;

function bool(q: QueryMap, key: string, issues: FieldIssue[]): boolean {
  const v = queryOne(q, key);
  if (v === undefined || v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  issues.push({ field: key, rule: 'type', message: `must be true or false, got ${JSON.stringify(v)}` });
  return false;
}

/** `?dryRun=&force=&resourceVersion=` and the `Idempotency-Key` header of a REST mutation. */
export function restOptions(q: QueryMap, idempotencyKey: string | undefined, caller: Caller): MutationOptions & { resourceVersion?: string } {
  const issues: FieldIssue[] = [];
  const out = { caller, dryRun: bool(q, 'dryRun', issues), force: bool(q, 'force', issues), idempotencyKey, resourceVersion: queryOne(q, 'resourceVersion') || undefined };
  if (issues.length) throw DomainError.validation(issues);
  return out;
}

/** REST bodies must be JSON objects; anything else is one clear error. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.validation([{ field: '', rule: 'type', message: 'the request body must be a JSON object (Content-Type: application/json)' }]);
  }
  return body as Record<string, unknown>;
}
