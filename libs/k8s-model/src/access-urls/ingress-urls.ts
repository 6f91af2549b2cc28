import type { IngressRecord, IngressResourceBackend, IngressRuleRecord, LoadBalancerIngress } from '../catalog-types.js';
import type { AccessUrl } from './types.js';

/** Where an ingress URL sends requests. */
export type IngressUrlBackend =
  | { service: string; portNumber: number | null; portName: string | null }
  | { resource: IngressResourceBackend };

export interface IngressAccessUrl extends AccessUrl {
  ingress: { namespace: string; name: string };
  /** Position of the rule row (rule × path); null for the default backend. */
  rulePosition: number | null;
  path: string;
  pathType: string | null;
  backend: IngressUrlBackend | null;
}

/** A TLS host covers a rule host when equal, or when it is `*.d` and the host is one label under d. */
export function tlsHostCovers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (!t.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && !h.slice(0, dot).includes('*') && h.slice(dot + 1) === t.slice(2);
}

export function isWildcardHost(host: string): boolean {
  return host.startsWith('*.');
}

/** https when a tls entry lists the host (a tls entry without hosts covers host-less rules). */
export function ingressSchemeFor(ingress: Pick<IngressRecord, 'tls'>, host: string | null): 'http' | 'https' {
  if (host === null) return ingress.tls.some((t) => t.hosts.length === 0) ? 'https' : 'http';
  return ingress.tls.some((t) => t.hosts.some((th) => tlsHostCovers(th, host))) ? 'https' : 'http';
}

/** Load-balancer addresses in status order; an entry with both ip and hostname gives both. */
export function loadBalancerAddresses(lb: LoadBalancerIngress[]): string[] {
  const out: string[] = [];
  for (const e of lb) {
    if (e.ip) out.push(e.ip);
    if (e.hostname) out.push(e.hostname);
  }
  return [...new Set(out)];
}

const urlHost = (h: string) => (h.includes(':') ? `[${h}]` : h);

function backendOf(row: IngressRuleRecord): IngressUrlBackend | null {
  if (row.backendService !== null) return { service: row.backendService, portNumber: row.backendPortNumber, portName: row.backendPortName };
  if (row.backendResource) return { resource: row.backendResource };
  return null;
}

/**
 * The URLs an ingress serves, one per rule × path (rule order), then the default
 * backend's. Host-less rules use the ingress' load-balancer addresses and are pending
 * while it has none; wildcard hosts are patterns, not links.
 */
export function ingressAccessUrls(ingress: IngressRecord): IngressAccessUrl[] {
  const out: IngressAccessUrl[] = [];
  const ref = { namespace: ingress.namespace, name: ingress.name };
  const lbAddrs = loadBalancerAddresses(ingress.loadBalancerIngress);

  const emit = (host: string | null, path: string, pathType: string | null, rulePosition: number | null, backend: IngressUrlBackend | null, extraNote?: string) => {
    const scheme = ingressSchemeFor(ingress, host);
    const port = scheme === 'https' ? 443 : 80;
    const base = { scope: 'PUBLIC' as const, via: 'INGRESS' as const, port, ingress: ref, rulePosition, path, pathType, backend };
    if (host !== null) {
      const wildcard = isWildcardHost(host);
      const notes = [extraNote, wildcard ? `wildcard host: matches any single label in place of '*'` : undefined].filter(Boolean);
      out.push({
        ...base,
        url: `${scheme}://${host}${path}`,
        pending: false,
        host,
        ...(wildcard ? { pattern: true } : {}),
        ...(notes.length ? { note: notes.join('; ') } : {}),
      });
      return;
    }
    if (lbAddrs.length === 0) {
      out.push({
        ...base,
        url: `${scheme}://<pending>${path}`,
        pending: true,
        note: [extraNote, 'no host: waiting for the ingress controller to assign an address'].filter(Boolean).join('; '),
      });
      return;
    }
    for (const addr of lbAddrs) {
      out.push({ ...base, url: `${scheme}://${urlHost(addr)}${path}`, pending: false, host: addr, ...(extraNote ? { note: extraNote } : {}) });
    }
  };

  for (const row of ingress.rules) {
    const backend = backendOf(row);
    if (!backend) continue; // a host-only rule without paths routes nothing
    emit(row.host, row.path || '/', row.pathType, row.position, backend);
  }
  const db = ingress.defaultBackend;
  if (db) {
    const backend: IngressUrlBackend =
      'service' in db ? { service: db.service.name, portNumber: db.service.port.number ?? null, portName: db.service.port.name ?? null } : { resource: db.resource };
    emit(null, '/', null, null, backend, 'default backend: requests that match no rule');
  }
  return out;
}
