/**
 * Typed reads from untrusted JSON with field paths, so a malformed object fails with
 * an error naming the exact field instead of a TypeError deep in the sync loop.
 */

export class NormalizeError extends Error {
  override readonly name = 'NormalizeError';
  constructor(
    /** Kubernetes kind, e.g. "Service". */
    readonly kind: string,
    /** Field path, e.g. "spec.ports[0].port". */
    readonly field: string,
    readonly problem: string,
    /** "namespace/name" or "name" when known. */
    readonly objectRef?: string,
  ) {
    super(`${kind}${objectRef ? ` ${objectRef}` : ''}: ${field}: ${problem}`);
  }
}

export type Json = Record<string, unknown>;

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
};

/** Reads fields of one object; `fail` carries the kind and object name into errors. */
export class Reader {
  constructor(
    readonly kind: string,
    public objectRef?: string,
  ) {}

  fail(field: string, problem: string): never {
    throw new NormalizeError(this.kind, field, problem, this.objectRef);
  }

  /** The top-level object itself. */
  root(v: unknown): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail('(object)', `expected an object, got ${describe(v)}`);
    return v as Json;
  }

  obj(v: unknown, field: string): Json | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(field, `expected an object, got ${describe(v)}`);
    return v as Json;
  }

  arr(v: unknown, field: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(field, `expected an array, got ${describe(v)}`);
    return v;
  }

  str(v: unknown, field: string): string | null {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') this.fail(field, `expected a string, got ${describe(v)}`);
    return v;
  }

  /** Like str, but "" counts as absent (Kubernetes omits empty strings). */
  optStr(v: unknown, field: string): string | null {
    const s = this.str(v, field);
    return s === '' ? null : s;
  }

  reqStr(v: unknown, field: string): string {
    const s = this.str(v, field);
    if (s === null || s === '') this.fail(field, 'required');
    return s;
  }

  int(v: unknown, field: string): number | null {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(field, `expected an integer, got ${describe(v)}`);
    return v;
  }

  reqInt(v: unknown, field: string): number {
    const n = this.int(v, field);
    if (n === null) this.fail(field, 'required');
    return n;
  }

  bool(v: unknown, field: string): boolean | null {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') this.fail(field, `expected a boolean, got ${describe(v)}`);
    return v;
  }

  strMap(v: unknown, field: string): Record<string, string> {
    const o = this.obj(v, field);
    const out: Record<string, string> = {};
    if (!o) return out;
    for (const [k, val] of Object.entries(o)) {
      if (typeof val !== 'string') this.fail(`${field}[${JSON.stringify(k)}]`, `expected a string, got ${describe(val)}`);
      out[k] = val;
    }
    return out;
  }

  strList(v: unknown, field: string): string[] {
    return this.arr(v, field).map((x, i) => this.reqStr(x, `${field}[${i}]`));
  }

  /** RFC 3339 timestamp → ISO string (millisecond precision, as the database stores it). */
  time(v: unknown, field: string): string | null {
    const s = this.str(v, field);
    if (s === null || s === '') return null;
    const t = Date.parse(s);
    if (Number.isNaN(t)) this.fail(field, `expected an RFC 3339 timestamp, got ${describe(s)}`);
    return new Date(t).toISOString();
  }
}
