/** Orders addresses IPv4 (numerically) before IPv6 before names, so URL lists are stable. */
export function compareAddresses(a: string, b: string): number {
  const rank = (s: string) => (/^\d+\.\d+\.\d+\.\d+$/.test(s) ? 0 : s.includes(':') ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
