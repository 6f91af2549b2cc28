import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './dto/error-response.model.js';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503;

const MEANING: Record<ErrorStatus, string> = {
  400: 'BAD_REQUEST: the request cannot be read (e.g. a body that is not JSON)',
  401: 'UNAUTHENTICATED: no token or session, or one that is unknown, expired or revoked',
  403: 'FORBIDDEN (the role or grants do not allow it) or CSRF_FAILED (a session request without its X-CSRF-Token)',
  404: 'NOT_FOUND: no such object, or one outside what the caller may read',
  409: 'CONFLICT, ALREADY_EXISTS, FIELD_MANAGER_CONFLICT or IDEMPOTENCY_IN_PROGRESS',
  413: 'BAD_REQUEST: the body is larger than the operation accepts',
  422: 'VALIDATION_FAILED (every problem, each with its field and rule), MANIFEST_INVALID (each problem with its document, object and field), RECREATE_REQUIRED or IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED: too many changes from this identity, or too many bad credentials from this address (see Retry-After)',
  500: 'INTERNAL, PARTIALLY_APPLIED (a change failed half-way and could not be rolled back) or CREDENTIALS_UNREADABLE',
  502: 'CLUSTER_UNREACHABLE, CLUSTER_TLS, CLUSTER_UNAUTHORIZED, CLUSTER_FORBIDDEN, CLUSTER_ERROR or IDENTITY_PROVIDER_ERROR: the cluster or the identity provider failed',
  503: 'DATABASE_UNAVAILABLE: the catalog database is not reachable yet',
};

const HEADERS: Partial<Record<ErrorStatus, Record<string, { description: string; schema: object }>>> = {
  401: { 'WWW-Authenticate': { description: 'Bearer realm="switchboard"', schema: { type: 'string' } } },
  429: { 'Retry-After': { description: 'Seconds until a retry can succeed', schema: { type: 'integer', minimum: 1 } } },
};

/** The error answers an operation (or every operation of a controller) can give, each with the error shape. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorResponse, ...(HEADERS[status] ? { headers: HEADERS[status] } : {}) })));
}

/** Every route behind the auth gate: no or a bad credential, an address refused after bad credentials, the database away. */
export const AUTHENTICATED = [401, 429, 503] as const satisfies ErrorStatus[];
