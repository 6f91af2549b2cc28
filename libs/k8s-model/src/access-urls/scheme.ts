import type { ServicePortRecord } from '../catalog-types.js';

/** Port shape the scheme rule needs; service port records and inputs both fit. */
export type SchemePort = Pick<ServicePortRecord, 'port' | 'protocol'> & { name?: string | null; appProtocol?: string | null };

// appProtocol values (IANA names and the kubernetes.io/* standard ones) → URL scheme.
const APP_PROTOCOL: Record<string, string> = {
  http: 'http',
  'http/1.1': 'http',
  http2: 'http',
  h2c: 'http',
  'kubernetes.io/h2c': 'http',
  https: 'https',
  h2: 'https',
  'kubernetes.io/ws': 'ws',
  ws: 'ws',
  'kubernetes.io/wss': 'wss',
  wss: 'wss',
  grpc: 'grpc',
  'grpc-web': 'http',
  grpcs: 'grpcs',
  tcp: 'tcp',
  udp: 'udp',
  sctp: 'sctp',
  tls: 'tls',
};

// Port names (exact, or as the prefix of "<proto>-<suffix>", the Istio convention).
const PORT_NAME: Record<string, string> = {
  http: 'http',
  http2: 'http',
  h2c: 'http',
  https: 'https',
  grpc: 'grpc',
  'grpc-web': 'http',
  grpcs: 'grpcs',
  ws: 'ws',
  wss: 'wss',
  tls: 'tls',
  tcp: 'tcp',
  udp: 'udp',
};

const WELL_KNOWN: Record<number, string> = { 80: 'http', 8080: 'http', 443: 'https', 8443: 'https' };

const SCHEME_TOKEN = /^[a-z][a-z0-9+.-]*$/;

/**
 * The URL scheme for a service port: appProtocol first, then the port name, then
 * well-known port numbers, else the transport (tcp, or udp/sctp for those protocols).
 */
export function schemeFor(p: SchemePort): string {
  const app = p.appProtocol?.trim().toLowerCase();
  if (app) {
    const known = APP_PROTOCOL[app];
    if (known) return known;
    // Any other plain IANA name (postgresql, redis…) is a usable scheme; prefixed ones are not.
    if (SCHEME_TOKEN.test(app)) return app;
  }
  const protocol = (p.protocol || 'TCP').toUpperCase();
  if (protocol === 'UDP') return 'udp';
  if (protocol === 'SCTP') return 'sctp';
  const name = p.name?.toLowerCase();
  if (name) {
    if (PORT_NAME[name]) return PORT_NAME[name];
    const dash = name.indexOf('-');
    if (dash > 0 && PORT_NAME[name.slice(0, dash)]) return PORT_NAME[name.slice(0, dash)]!;
  }
  return WELL_KNOWN[p.port] ?? 'tcp';
}

/** true for schemes a browser can open (the dashboard renders those as links). */
export function isWebScheme(scheme: string): boolean {
  return scheme === 'http' || scheme === 'https';
}

/** host:port with IPv6 addresses bracketed. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
