import { DomainError } from '../errors/domain-error.js';
import type { FieldIssue } from '../errors/error-codes.js';
import { KubeHttpError, type KubeStatusCause } from '../kube/kube-http.js';

/** Which object a failed request was about, to word the error for the caller. */
export interface WriteTarget {
  cluster: string;
  kind: 'Service' | 'Ingress';
  namespace: string;
  name: string;
  /** Maps a Kubernetes field path to the input field the caller sent (default: see inputField). */
  fieldOf?: (kubeField: string) => string;
}

/**
 * The caller's field for a Kubernetes field path: `spec.ports[0].nodePort` →
 * `ports[0].nodePort`, `metadata.labels` → `labels`,
 * `spec.rules[0].http.paths[1].path` → `rules[0].paths[1].path`.
 */
export function inputField(kubeField: string): string {
  return kubeField
    .replace(/^\./, '')
    .replace(/^(spec|metadata)\./, '')
    .replace(/\.http\.paths/g, '.paths');
}

/** Rule codes for the cause reasons the API server uses (KUBERNETES-NOTES: Status). */
function ruleOf(cause: KubeStatusCause): string {
  const msg = cause.message ?? '';
  if (/already allocated/.test(msg)) return 'allocated';
  if (/not in the valid range/.test(msg)) return 'range';
  if (/may not change once set|field is immutable/.test(msg)) return 'immutable';
  switch (cause.reason) {
    case 'FieldValueRequired':
      return 'required';
    case 'FieldValueDuplicate':
      return 'duplicate';
    case 'FieldValueNotSupported':
      return 'notSupported';
    case 'FieldValueForbidden':
      return 'forbidden';
    case 'FieldValueTooLong':
      return 'tooLong';
    case 'FieldManagerConflict':
      return 'fieldManagerConflict';
    default:
      return 'invalid';
  }
}

const what = (t: WriteTarget) => `${t.kind.toLowerCase()} "${t.name}" in namespace "${t.namespace}" of cluster "${t.cluster}"`;

/**
 * A failed cluster call as the error the caller sees: the cluster's own field, message
 * and a stable code, never the raw transport error (which could carry credentials).
 */
export function kubeWriteError(err: unknown, t: WriteTarget, verb: string): DomainError {
  if (err instanceof DomainError) return err;
  const fieldOf = t.fieldOf ?? inputField;
  if (!(err instanceof KubeHttpError)) {
    const code = (err as { code?: string; cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code ?? 'no answer';
    return new DomainError('CLUSTER_UNREACHABLE', `Cluster "${t.cluster}" could not be reached to ${verb} ${t.kind.toLowerCase()} "${t.name}" (${code}); nothing was changed by this request`);
  }
  const causes = err.causes.map((c): FieldIssue => {
    const field = c.field ? fieldOf(c.field) : '';
    return { field, rule: ruleOf(c), message: c.message ?? err.message };
  });
  switch (err.statusCode) {
    case 404: {
      const ns = /^namespaces "([^"]*)" not found/.exec(err.message);
      if (ns) return new DomainError('NOT_FOUND', `namespace "${ns[1]}" not found in cluster "${t.cluster}"`, [{ field: 'namespace', rule: 'notFound', message: `namespace "${ns[1]}" does not exist` }]);
      return DomainError.notFound(what(t));
    }
    case 409:
      if (err.reason === 'AlreadyExists') {
        return new DomainError('ALREADY_EXISTS', `${what(t)} already exists`, [{ field: 'name', rule: 'duplicate', message: `a ${t.kind.toLowerCase()} named "${t.name}" already exists` }]);
      }
      if (err.causes.some((c) => c.reason === 'FieldManagerConflict')) {
        return new DomainError(
          'FIELD_MANAGER_CONFLICT',
          `${what(t)}: ${err.message}. Another tool (e.g. GitOps) owns these fields; change them there, or repeat with force to take them over`,
          causes,
        );
      }
      return new DomainError('CONFLICT', `${what(t)} was changed by someone else since it was read (${err.message}); read it again and retry`);
    case 422:
      return DomainError.validation(causes.length ? causes : [{ field: '', rule: 'invalid', message: err.message }], `the cluster rejected ${what(t)}: ${err.message}`);
    case 400:
      return new DomainError('BAD_REQUEST', `the cluster rejected the request for ${what(t)}: ${err.message}`);
    case 401:
      return new DomainError('CLUSTER_UNAUTHORIZED', `Cluster "${t.cluster}" rejected Switchboard's credentials (401 Unauthorized)`);
    case 403:
      return new DomainError('CLUSTER_FORBIDDEN', `Cluster "${t.cluster}" does not allow Switchboard to ${verb} ${t.kind.toLowerCase()}s in namespace "${t.namespace}": ${err.message}`);
    default:
      return new DomainError('CLUSTER_ERROR', `Cluster "${t.cluster}" failed to ${verb} ${t.kind.toLowerCase()} "${t.name}" (HTTP ${err.statusCode}: ${err.message})`);
  }
}
