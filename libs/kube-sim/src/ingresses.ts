import type { Cause } from './status.js';
import type { KubeObject } from './kube-object.js';

/** An Ingress as the API server validates it (networking.k8s.io/v1). */
export function validateIngress(ing: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const spec = ing.spec ?? {};
  if (!spec.rules?.length && !spec.defaultBackend) causes.push({ reason: 'FieldValueInvalid', field: 'spec', message: 'Invalid value: "": either `defaultBackend` or `rules` must be specified' });
  (spec.rules ?? []).forEach((r: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: unknown }[] } }, i: number) => {
    if (r.host && !/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(r.host)) {
      causes.push({ reason: 'FieldValueInvalid', field: `spec.rules[${i}].host`, message: `Invalid value: "${r.host}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'` });
    }
    (r.http?.paths ?? []).forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      if (!p.pathType) causes.push({ reason: 'FieldValueRequired', field: `${f}.pathType`, message: 'Required value: pathType must be specified' });
      else if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(p.pathType)) causes.push({ reason: 'FieldValueNotSupported', field: `${f}.pathType`, message: `Unsupported value: "${p.pathType}": supported values: "Exact", "ImplementationSpecific", "Prefix"` });
      if (p.pathType && p.pathType !== 'ImplementationSpecific' && !(p.path ?? '').startsWith('/')) causes.push({ reason: 'FieldValueInvalid', field: `${f}.path`, message: `Invalid value: "${p.path ?? ''}": must be an absolute path` });
      if (!p.backend) causes.push({ reason: 'FieldValueRequired', field: `${f}.backend`, message: 'Required value' });
    });
  });
  return causes;
}
