/**
 * Allowed connections as port intervals per protocol. Immutable values; ALL and NONE are
 * shared constants so the common "no policy" path allocates nothing.
 */
export const NETPOL_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const; // the txt format's (alphabetical) order
export type NetpolProtocol = (typeof NETPOL_PROTOCOLS)[number];
export type PortRange = readonly [from: number, to: number];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
const FULL: readonly PortRange[] = [[MIN_PORT, MAX_PORT]];

export interface ConnectionSet {
  readonly SCTP: readonly PortRange[];
  readonly TCP: readonly PortRange[];
  readonly UDP: readonly PortRange[];
}

export const ALL_CONNECTIONS: ConnectionSet = Object.freeze({ SCTP: FULL, TCP: FULL, UDP: FULL });
export const NO_CONNECTIONS: ConnectionSet = Object.freeze({ SCTP: [], TCP: [], UDP: [] });

function mergeRanges(list: readonly PortRange[]): PortRange[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function intersectRanges(x: readonly PortRange[], y: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i]![0], y[j]![0]);
    const hi = Math.min(x[i]![1], y[j]![1]);
    if (lo <= hi) out.push([lo, hi]);
    if (x[i]![1] < y[j]![1]) i++;
    else j++;
  }
  return out;
}

export function isAllConnections(c: ConnectionSet): boolean {
  return c === ALL_CONNECTIONS || NETPOL_PROTOCOLS.every((p) => c[p].length === 1 && c[p][0]![0] === MIN_PORT && c[p][0]![1] === MAX_PORT);
}

export function isNoConnections(c: ConnectionSet): boolean {
  return c === NO_CONNECTIONS || (c.SCTP.length === 0 && c.TCP.length === 0 && c.UDP.length === 0);
}

export function connectionSet(parts: Partial<Record<NetpolProtocol, readonly PortRange[]>>): ConnectionSet {
  return { SCTP: mergeRanges(parts.SCTP ?? []), TCP: mergeRanges(parts.TCP ?? []), UDP: mergeRanges(parts.UDP ?? []) };
}

export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === ALL_CONNECTIONS || b === NO_CONNECTIONS) return a;
  if (b === ALL_CONNECTIONS || a === NO_CONNECTIONS) return b;
  return { SCTP: mergeRanges([...a.SCTP, ...b.SCTP]), TCP: mergeRanges([...a.TCP, ...b.TCP]), UDP: mergeRanges([...a.UDP, ...b.UDP]) };
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === ALL_CONNECTIONS || b === NO_CONNECTIONS) return b;
  if (b === ALL_CONNECTIONS || a === NO_CONNECTIONS) return a;
  return { SCTP: intersectRanges(a.SCTP, b.SCTP), TCP: intersectRanges(a.TCP, b.TCP), UDP: intersectRanges(a.UDP, b.UDP) };
}

export function sameConnections(a: ConnectionSet, b: ConnectionSet): boolean {
  return NETPOL_PROTOCOLS.every((p) => a[p].length === b[p].length && a[p].every((r, i) => r[0] === b[p][i]![0] && r[1] === b[p][i]![1]));
}

/** netpol-analyzer's CONNS: `All Connections`, or `SCTP 7070,TCP 8080-8081,UDP 9090`; '' when empty. */
export function formatConnections(c: ConnectionSet): string {
  if (isAllConnections(c)) return 'All Connections';
  return NETPOL_PROTOCOLS.filter((p) => c[p].length > 0)
    .map((p) => `${p} ${c[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`)
    .join(',');
}

/** Inverse of formatConnections (for comparing lists as sets); null when the text is not CONNS. */
export function parseConnections(text: string): ConnectionSet | null {
  if (text === 'All Connections') return ALL_CONNECTIONS;
  const parts: Record<NetpolProtocol, PortRange[]> = { SCTP: [], TCP: [], UDP: [] };
  let proto: NetpolProtocol | null = null;
  for (const token of text.split(',')) {
    let t = token.trim();
    const m = /^(SCTP|TCP|UDP) (.*)$/.exec(t);
    if (m) {
      proto = m[1] as NetpolProtocol;
      t = m[2]!;
    }
    const r = /^(\d+)(?:-(\d+))?$/.exec(t);
    if (!proto || !r) return null;
    parts[proto].push([Number(r[1]), Number(r[2] ?? r[1])]);
  }
  return connectionSet(parts);
}
