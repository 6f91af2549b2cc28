import { DomainError } from '../../errors/domain-error.js';

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

/** A flag of a read: true/1 or false/0, absent → undefined; anything else is refused naming the parameter. */
export function queryFlag(q: QueryMap, key: string): boolean | undefined {
  const v = queryOne(q, key);
  if (v === undefined || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw DomainError.validation([{ field: key, rule: 'type', message: `must be true or false, got ${JSON.stringify(v)}` }]);
}

/** A number as given (NaN for text, which the service refuses with the parameter's name); absent → undefined. */
export function queryNumber(q: QueryMap, key: string): number | undefined {
  const v = queryOne(q, key);
  return v === undefined || v === '' ? undefined : Number(v);
}
