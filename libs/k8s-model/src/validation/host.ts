import type { Issues } from './issues.js';
import { dns1123SubdomainErrors, isIP, wildcardDns1123SubdomainErrors } from './names.js';

/** Ingress host: a DNS-1123 subdomain, optionally `*.` + subdomain; never an IP. */
export function checkIngressHost(issues: Issues, host: string, field: string): void {
  if (isIP(host)) {
    issues.add(field, 'ipHost', `must be a DNS name, not an IP address, got ${JSON.stringify(host)}`);
    return;
  }
  if (host.includes('*')) issues.addAll(field, 'wildcardHost', wildcardDns1123SubdomainErrors(host), host);
  else issues.addAll(field, 'dns1123Subdomain', dns1123SubdomainErrors(host), host);
}

export const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;
export type PathType = (typeof PATH_TYPES)[number];

// What the API server rejects in Exact/Prefix paths (ingress-nginx path injection fixes).
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

/** Ingress path rules; `pathType` undefined means it was missing or invalid (reported elsewhere). */
export function checkIngressPath(issues: Issues, path: string | undefined, pathType: string | undefined, field: string): void {
  if (path === undefined || path === '') {
    if (pathType === 'Exact' || pathType === 'Prefix') issues.add(field, 'absolutePath', `must be an absolute path starting with '/' for pathType ${pathType}`);
    return;
  }
  if (!path.startsWith('/')) {
    issues.add(field, 'absolutePath', `must be an absolute path starting with '/', got ${JSON.stringify(path)}`);
    return;
  }
  if (pathType === 'Exact' || pathType === 'Prefix') {
    const seq = INVALID_SEQUENCES.find((s) => path.includes(s));
    if (seq) issues.add(field, 'invalidPath', `must not contain '${seq}', got ${JSON.stringify(path)}`);
    const suf = INVALID_SUFFIXES.find((s) => path.endsWith(s));
    if (suf) issues.add(field, 'invalidPath', `must not end with '${suf}', got ${JSON.stringify(path)}`);
    if (!/^\/[A-Za-z0-9/\-._~%!$&'()*+,;=:@]*$/.test(path)) issues.add(field, 'invalidPath', `must contain only valid URL path characters, got ${JSON.stringify(path)}`);
  }
}

export function checkPathType(issues: Issues, v: unknown, field: string): PathType | undefined {
  if (v === undefined || v === null || v === '') {
    issues.add(field, 'required', `is required: one of ${PATH_TYPES.join(', ')}`);
    return undefined;
  }
  if (typeof v !== 'string' || !(PATH_TYPES as readonly string[]).includes(v)) {
    issues.add(field, 'notSupported', `unsupported value ${JSON.stringify(v)}: supported values: ${PATH_TYPES.map((t) => `"${t}"`).join(', ')}`);
    return undefined;
  }
  return v as PathType;
}
