import { DomainError } from '../../errors/domain-error.js';
import { readFormat } from '../../connectivity/analyze-request.js';
import { queryFlag, queryOne } from '../shared/query-params.js';
import type { ConnectivityQuery, WorkloadFocus } from './reachability.service.js';

type Q = Record<string, string | string[] | undefined>;

/** `ns/Kind/name` (the REST `workload` parameter), else VALIDATION_FAILED naming it. */
export function parseWorkloadFocus(text: string, field: string): WorkloadFocus {
  const parts = text.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) {
    throw DomainError.validation([{ field, rule: 'format', message: `must be namespace/Kind/name (e.g. shop/Deployment/web), got ${JSON.stringify(text)}` }]);
  }
  const [namespace, kind, name] = parts as [string, string, string];
  return { namespace, kind, name };
}

/** A focus given as GraphQL input: every part non-empty. */
export function checkWorkloadFocus(w: WorkloadFocus, field: string): WorkloadFocus {
  const empty = (['namespace', 'kind', 'name'] as const).filter((k) => !w[k].trim());
  if (empty.length) throw DomainError.validation(empty.map((k) => ({ field: `${field}.${k}`, rule: 'required', message: 'must not be empty' })));
  return w;
}

/** The REST connectivity request; bad parameters are refused naming them. */
export function readConnectivityRequest(q: Q, accept: string | undefined): ConnectivityQuery & { format: 'json' | 'txt' } {
  const workload = queryOne(q, 'workload');
  return {
    namespace: queryOne(q, 'namespace') || undefined,
    workload: workload === undefined || workload === '' ? undefined : parseWorkloadFocus(workload, 'workload'),
    includeDenied: queryFlag(q, 'includeDenied') ?? false,
    format: readFormat(q, accept),
  };
}
