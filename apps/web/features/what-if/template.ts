/** The editor's starting point when no policy is given: deny all ingress to the pods of one namespace. */
export function defaultDenyTemplate(namespace: string): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: default-deny-ingress',
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes:',
    '    - Ingress',
    '',
  ].join('\n');
}

/** `?from=ns/name` as a policy reference, or null when absent or malformed. */
export function policyRefOf(from: string | undefined): { namespace: string; name: string } | null {
  const [namespace, name, ...rest] = (from ?? '').split('/');
  return namespace && name && rest.length === 0 ? { namespace, name } : null;
}
