/** Plain-data helpers with JSON's semantics, without going through JSON text. */

/**
 * A deep copy with JSON's semantics (undefined and function members dropped, undefined
 * array items become null, non-finite numbers null, toJSON honoured, e.g. Dates become
 * strings) without the string round trip, which was the biggest cost of bulk writes.
 */
export function jsonClone<T>(value: T): T {
  return copy(value) as T;
}

/**
 * The same string, flattened: a string built by concatenation is a tree of pieces that
 * can take several times the memory of its characters, and stored objects live long.
 * Reading a character makes V8 flatten it; the collector then drops the pieces.
 */
export function flatString(s: string): string {
  if (s.length > 12) s.charCodeAt(0);
  return s;
}

function copy(v: unknown): unknown {
  if (typeof v === 'string') return flatString(v);
  if (typeof v !== 'object' || v === null) return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out[i] = x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : copy(x);
    }
    return out;
  }
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return copy(toJSON.call(v));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    out[k] = copy(x);
  }
  return out;
}

/**
 * Whether two values serialise to the same JSON (JSON.stringify(a) === JSON.stringify(b),
 * key order included) without building the strings: controllers compare what they would
 * write with what is stored on every reconcile.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = normal(a);
  const y = normal(b);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const ys = y as unknown[];
    if (x.length !== ys.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(itemOf(x[i]), itemOf(ys[i]))) return false;
    return true;
  }
  const xk = definedKeys(x as Record<string, unknown>);
  const yk = definedKeys(y as Record<string, unknown>);
  if (xk.length !== yk.length) return false;
  for (let i = 0; i < xk.length; i++) {
    if (xk[i] !== yk[i] || !jsonEqual((x as Record<string, unknown>)[xk[i]!], (y as Record<string, unknown>)[yk[i]!])) return false;
  }
  return true;
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
/** A value as JSON sees it: non-finite numbers are null, toJSON applied. */
function normal(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') return normal((v as { toJSON: () => unknown }).toJSON());
  return v;
}
const itemOf = (v: unknown) => (skipped(v) ? null : v);
const definedKeys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => !skipped(o[k]));
