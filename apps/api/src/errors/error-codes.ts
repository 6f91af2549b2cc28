/** Stable error codes: clients switch on these, so never rename one. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CLUSTER_UNREACHABLE: 502,
  CLUSTER_TLS: 502,
  CLUSTER_UNAUTHORIZED: 502,
  CLUSTER_FORBIDDEN: 502,
  CREDENTIALS_UNREADABLE: 500,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
  rule?: string;
}
