import type { CombinedError } from '@urql/core';

/** One GraphQL error as the API shapes it: a stable code and, for bad input, the fields. */
export interface ApiProblem {
  code: string;
  message: string;
  /** Per problem; MANIFEST_INVALID adds where: the document (1-based), file, line and object at fault. */
  details?: { field: string; message: string; rule?: string; document?: number; file?: string; line?: number; object?: string }[];
}

interface RawError {
  message: string;
  extensions?: { code?: string; details?: ApiProblem['details'] };
}

export function problemOf(errors: readonly RawError[] | undefined, fallback: string): ApiProblem {
  const e = errors?.[0];
  if (!e) return { code: 'UNKNOWN', message: fallback };
  return { code: e.extensions?.code ?? 'UNKNOWN', message: e.message, ...(e.extensions?.details ? { details: e.extensions.details } : {}) };
}

/** What a person should do about a problem the API reported. */
export function problemAdvice(p: ApiProblem): string {
  switch (p.code) {
    case 'API_UNREACHABLE':
      return 'The dashboard cannot reach the Switchboard API. Check that the API is running and that SWITCHBOARD_API_URL points at it, then reload.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'FORBIDDEN':
      return 'Your role or grants do not cover this. Ask an admin for a grant.';
    case 'NOT_FOUND':
      return 'It may have been deleted, or it is outside what your grants let you see.';
    case 'RATE_LIMITED':
      return 'Too many requests in a short time. Wait a moment and try again.';
    case 'VALIDATION_FAILED':
      return 'The request was refused as invalid; the message names the field.';
    default:
      return 'Reload the page; if it keeps failing, the API log has the details.';
  }
}

/** A failed browser request as the API (or the dashboard's proxy in front of it) put it. */
export function problemOfUrql(error: CombinedError): ApiProblem {
  if (error.graphQLErrors.length) return problemOf(error.graphQLErrors, error.message);
  const status = (error.response as Response | undefined)?.status;
  if (status === 502 || status === 504 || !status) return { code: 'API_UNREACHABLE', message: status ? `the dashboard answered HTTP ${status}: the API is not answering` : `the request failed: ${error.networkError?.message ?? error.message}` };
  if (status === 401) return { code: 'UNAUTHENTICATED', message: 'the session has ended' };
  return { code: 'UNKNOWN', message: `the dashboard answered HTTP ${status}` };
}
