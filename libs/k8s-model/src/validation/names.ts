/**
 * Name and value syntaxes of Kubernetes (k8s.io/apimachinery/pkg/util/validation),
 * with the same limits and wording, so our messages match what the API server says.
 * Each check returns a list of problems ([] = valid).
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const DNS1035_LABEL_MAX = 63;
export const QUALIFIED_NAME_MAX = 63;
export const LABEL_VALUE_MAX = 63;
export const IANA_SVC_NAME_MAX = 15;

const tooLong = (max: number) => `must be no more than ${max} characters`;

export function dns1123LabelErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > DNS1123_LABEL_MAX) out.push(tooLong(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL.test(v))
    out.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')");
  return out;
}

export function dns1123SubdomainErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > DNS1123_SUBDOMAIN_MAX) out.push(tooLong(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN.test(v))
    out.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
  // Like the API server, no per-label length limit here (only the total).
  return out;
}

export function dns1035LabelErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > DNS1035_LABEL_MAX) out.push(tooLong(DNS1035_LABEL_MAX));
  if (!DNS1035_LABEL.test(v))
    out.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123')");
  return out;
}

/** `*.example.com` style host: the wildcard replaces exactly the first label. */
export function wildcardDns1123SubdomainErrors(v: string): string[] {
  const ok = v.startsWith('*.') && dns1123SubdomainErrors(v.slice(2)).length === 0;
  return ok ? [] : ["a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain (e.g. '*.example.com')"];
}

/** Port names: IANA_SVC_NAME (≤ 15, lower case alphanumerics and '-', at least one letter, no '--'). */
export function ianaSvcNameErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > IANA_SVC_NAME_MAX) out.push(tooLong(IANA_SVC_NAME_MAX));
  if (!IANA_SVC_NAME.test(v)) out.push("must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character");
  if (!/[a-z]/.test(v)) out.push('must contain at least one letter (a-z)');
  if (v.includes('--')) out.push("must not contain consecutive hyphens ('--')");
  return out;
}

/** Label and annotation keys: `[prefix/]name`, prefix a DNS-1123 subdomain ≤ 253, name ≤ 63. */
export function qualifiedNameErrors(v: string): string[] {
  const parts = v.split('/');
  let name = v;
  const out: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else for (const e of dns1123SubdomainErrors(prefix)) out.push(`prefix part ${e}`);
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else {
    if (name.length > QUALIFIED_NAME_MAX) out.push(`name part ${tooLong(QUALIFIED_NAME_MAX)}`);
    if (!QUALIFIED_NAME.test(name))
      out.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
  }
  return out;
}

export function labelValueErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > LABEL_VALUE_MAX) out.push(tooLong(LABEL_VALUE_MAX));
  if (!LABEL_VALUE.test(v))
    out.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')");
  return out;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(v: string): boolean {
  return IPV4.test(v);
}

export function isIPv6(v: string): boolean {
  if (!v.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(v)) return false;
  const dbl = v.split('::');
  if (dbl.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = [...groups(dbl[0]!), ...(dbl.length === 2 ? groups(dbl[1]!) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) count += 1;
    else return false;
  }
  return dbl.length === 2 ? count < 8 : count === 8;
}

export function isIP(v: string): boolean {
  return isIPv4(v) || isIPv6(v);
}
