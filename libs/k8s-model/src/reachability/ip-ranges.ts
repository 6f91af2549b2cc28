/**
 * IPv4 address sets as sorted, disjoint, non-adjacent closed intervals of 32-bit
 * numbers — enough to subtract ipBlock `except`s and to cut the outside address space
 * into the atoms the connection list prints.
 */
export type IpInterval = readonly [lo: number, hi: number];

export const IPV4_MAX = 0xffffffff;
export const ALL_IPV4: readonly IpInterval[] = [[0, IPV4_MAX]];

export function parseIpv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const o = m.slice(1, 5).map(Number);
  if (o.some((x) => x > 255)) return null;
  return ((o[0]! * 256 + o[1]!) * 256 + o[2]!) * 256 + o[3]!;
}

export function formatIpv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export type ParsedCidr = { family: 4; interval: IpInterval } | { family: 6 };

/** A CIDR as the API server accepts it; IPv6 is recognised (and matches no IPv4 atom). */
export function parseCidr(s: string): ParsedCidr | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (addr.includes(':')) return bits <= 128 && /^[0-9a-fA-F:.]+$/.test(addr) && addr.split('::').length <= 2 ? { family: 6 } : null;
  const base = parseIpv4(addr);
  if (base === null || bits > 32) return null;
  const size = 2 ** (32 - bits);
  const lo = base - (base % size);
  return { family: 4, interval: [lo, lo + size - 1] };
}

/** Sorted, merged (overlapping and adjacent intervals joined). */
export function normalizeIntervals(list: readonly IpInterval[]): IpInterval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function subtractIntervals(from: readonly IpInterval[], minus: readonly IpInterval[]): IpInterval[] {
  let cur = normalizeIntervals(from);
  for (const [mlo, mhi] of normalizeIntervals(minus)) {
    const next: IpInterval[] = [];
    for (const [lo, hi] of cur) {
      if (mhi < lo || mlo > hi) next.push([lo, hi]);
      else {
        if (lo < mlo) next.push([lo, mlo - 1]);
        if (mhi < hi) next.push([mhi + 1, hi]);
      }
    }
    cur = next;
  }
  return cur;
}

/** True when `atom` lies entirely inside one interval of the normalised `set`. */
export function intervalsContain(set: readonly IpInterval[], atom: IpInterval): boolean {
  return set.some(([lo, hi]) => lo <= atom[0] && atom[1] <= hi);
}

/**
 * The maximal intervals on which membership in every given set is constant, covering the
 * whole IPv4 space (np-guard's DisjointIPBlocks): each set cuts at its own boundaries only,
 * so an `except` list of two adjacent /9s stays one atom.
 */
export function disjointAtoms(sets: readonly (readonly IpInterval[])[]): IpInterval[] {
  const cuts = new Set<number>([0, IPV4_MAX + 1]);
  for (const set of sets) {
    for (const [lo, hi] of normalizeIntervals(set)) {
      cuts.add(lo);
      cuts.add(hi + 1);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: IpInterval[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push([sorted[i]!, sorted[i + 1]! - 1]);
  return out;
}

export function formatIpRange([lo, hi]: IpInterval): string {
  return `${formatIpv4(lo)}-${formatIpv4(hi)}`;
}
