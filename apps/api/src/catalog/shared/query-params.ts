/** REST query helpers: repeated or comma-separated values become lists; the first of repeats wins for singles. */
type QueryMap = Record<string, string | string[] | undefined>;

export function queryList(q: QueryMap, key: string): string[] | undefined {
  const v = q[key];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
}

export function queryOne(q: QueryMap, key: string): string | undefined {
  const v = q[key];
  return Array.isArray(v) ? v[0] : v;
}
