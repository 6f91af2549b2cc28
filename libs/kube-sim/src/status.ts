/** A Kubernetes Status error, in exactly the shape the API server sends. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason: string; message: string; field: string }[]; retryAfterSeconds?: number };
  code: number;
}

export class SimStatusError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = 'SimStatusError';
  }
}

const base = (code: number, reason: string, message: string, details?: KubeStatus['details']): SimStatusError =>
  new SimStatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });

const resourceLabel = (resource: string, group: string) => (group ? `${resource}.${group}` : resource);

export const notFound = (resource: string, group: string, name: string) =>
  base(404, 'NotFound', `${resourceLabel(resource, group)} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource });

/** A path the server does not serve (an unknown resource or subresource). */
export const pathNotFound = () => base(404, 'NotFound', 'the server could not find the requested resource', {});

export const alreadyExists = (resource: string, group: string, name: string) =>
  base(409, 'AlreadyExists', `${resourceLabel(resource, group)} "${name}" already exists`, { name, ...(group ? { group } : {}), kind: resource });

export const conflict = (resource: string, group: string, name: string) =>
  base(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resourceLabel(resource, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, ...(group ? { group } : {}), kind: resource },
  );

export interface Cause {
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueNotSupported' | 'FieldValueForbidden';
  field: string;
  message: string;
}

export const invalid = (kind: string, group: string, name: string, causes: Cause[]) =>
  base(
    422,
    'Invalid',
    `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
    { name, ...(group ? { group } : {}), kind, causes: causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field })) },
  );

export const unauthorized = () => base(401, 'Unauthorized', 'Unauthorized');

/** The authorizer's refusal: named for the object when the request names one; the subresource in the attempted resource. */
export const forbidden = (user: string, verb: string, resource: string, group: string, namespace?: string, name?: string, subresource?: string) =>
  base(
    403,
    'Forbidden',
    `${resourceLabel(resource, group)}${name ? ` "${name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}${subresource ? `/${subresource}` : ''}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`,
    { ...(name ? { name } : {}), kind: resource, ...(group ? { group } : {}) },
  );

export const expired = (message: string) => base(410, 'Expired', message);

export const badRequest = (message: string) => base(400, 'BadRequest', message);

export const unsupportedMediaType = (message: string) => base(415, 'UnsupportedMediaType', message);

export const methodNotAllowed = (message: string) => base(405, 'MethodNotAllowed', message);

export const serverError = (code: number, message: string, retryAfterSeconds?: number) =>
  base(code, code === 429 ? 'TooManyRequests' : code === 503 ? 'ServiceUnavailable' : 'InternalError', message, retryAfterSeconds ? { retryAfterSeconds } : undefined);

/** Server-side apply conflicts, worded as the API server words them. */
export const applyConflict = (conflicts: { manager: string; apiVersion: string; field: string }[]) =>
  base(
    409,
    'Conflict',
    `Apply failed with ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}: ${conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`).join('\n')}`,
    { causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: c.field })) },
  );
