/** Stable error codes: clients switch on these, so never rename one. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  FIELD_MANAGER_CONFLICT: 409,
  RECREATE_REQUIRED: 422,
  MANIFEST_INVALID: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  RATE_LIMITED: 429,
  CLUSTER_UNREACHABLE: 502,
  CLUSTER_TLS: 502,
  CLUSTER_UNAUTHORIZED: 502,
  CLUSTER_FORBIDDEN: 502,
  CLUSTER_ERROR: 502,
  IDENTITY_PROVIDER_ERROR: 502,
  PARTIALLY_APPLIED: 500,
  CREDENTIALS_UNREADABLE: 500,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
  rule?: string;
  /** MANIFEST_INVALID: where in the submitted manifests (document 1-based per file). */
  document?: number;
  file?: string;
  line?: number;
  /** MANIFEST_INVALID: the object at fault, `Kind namespace/name`. */
  object?: string;
}
