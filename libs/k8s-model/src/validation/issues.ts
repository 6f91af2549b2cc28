import { labelValueErrors, qualifiedNameErrors } from './names.js';

/** Stable rule codes; clients may switch on them. */
export type ValidationRule =
  | 'required'
  | 'type'
  | 'range'
  | 'tooLong'
  | 'dns1035Label'
  | 'dns1123Label'
  | 'dns1123Subdomain'
  | 'wildcardHost'
  | 'ipHost'
  | 'ianaSvcName'
  | 'qualifiedName'
  | 'labelValue'
  | 'duplicate'
  | 'forbidden'
  | 'notSupported'
  | 'absolutePath'
  | 'invalidPath'
  | 'hostNotInRules'
  | 'notFound'
  | 'immutable'
  | 'url'
  | 'base64'
  | 'timestamp'
  | 'past'
  | 'invalidName'
  | 'invalidPattern';

/** One problem with an input: the field path, a stable rule code, and a readable message. */
export interface ValidationIssue {
  /** e.g. "ports[1].nodePort"; "" for the input as a whole. */
  field: string;
  rule: ValidationRule;
  /** Names the field and the rule, e.g. "ports[0].port: must be between 1 and 65535, got 70000". */
  message: string;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isAbsent = (v: unknown): v is undefined | null => v === undefined || v === null;

export const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 70 ? `${v.slice(0, 70)}…` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return String(v);
};

export const join = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/** Collects every issue; validators never stop at the first one. */
export class Issues {
  readonly list: ValidationIssue[] = [];

  add(field: string, rule: ValidationRule, problem: string): void {
    this.list.push({ field, rule, message: `${field || 'input'}: ${problem}` });
  }

  /** Adds one issue per problem string from a name check. */
  addAll(field: string, rule: ValidationRule, problems: string[], value: string): void {
    for (const p of problems) this.add(field, /must be no more than \d+ characters$/.test(p) && !p.includes('part') ? 'tooLong' : rule, `${p}, got ${show(value)}`);
  }

  /** A string or absent; a value of another type is reported. */
  optString(v: unknown, field: string): string | undefined {
    if (isAbsent(v)) return undefined;
    if (typeof v !== 'string') {
      this.add(field, 'type', `must be a string, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  reqString(v: unknown, field: string): string | undefined {
    if (isAbsent(v) || v === '') {
      this.add(field, 'required', 'is required');
      return undefined;
    }
    return this.optString(v, field);
  }

  optBool(v: unknown, field: string): boolean | undefined {
    if (isAbsent(v)) return undefined;
    if (typeof v !== 'boolean') {
      this.add(field, 'type', `must be true or false, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  optInt(v: unknown, field: string): number | undefined {
    if (isAbsent(v)) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.add(field, 'type', `must be an integer, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  range(n: number, field: string, min: number, max: number): boolean {
    if (n < min || n > max) {
      this.add(field, 'range', `must be between ${min} and ${max}, got ${n}`);
      return false;
    }
    return true;
  }

  optArray(v: unknown, field: string): unknown[] {
    if (isAbsent(v)) return [];
    if (!Array.isArray(v)) {
      this.add(field, 'type', `must be a list, got ${show(v)}`);
      return [];
    }
    return v;
  }

  optObject(v: unknown, field: string): Obj | undefined {
    if (isAbsent(v)) return undefined;
    if (!isObj(v)) {
      this.add(field, 'type', `must be an object, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  /** A string → string map (labels, selector, annotations); keys are always qualified names. */
  stringMap(v: unknown, field: string, values: 'label' | 'any'): Record<string, string> | undefined {
    const o = this.optObject(v, field);
    if (!o) return undefined;
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(o)) {
      const f = `${field}[${JSON.stringify(k)}]`;
      this.addAll(f, 'qualifiedName', qualifiedNameErrors(k).map((e) => `key ${e}`), k);
      if (typeof val !== 'string') {
        this.add(f, 'type', `value must be a string, got ${show(val)}`);
        continue;
      }
      if (values === 'label') this.addAll(f, 'labelValue', labelValueErrors(val), val);
      out[k] = val;
    }
    return out;
  }
}

/** Labels and annotations as the API server checks them (annotations ≤ 256 KiB in total). */
export function checkMetadataMaps(issues: Issues, input: Obj): void {
  issues.stringMap(input['labels'], 'labels', 'label');
  const ann = issues.stringMap(input['annotations'], 'annotations', 'any');
  if (ann) {
    let size = 0;
    for (const [k, v] of Object.entries(ann)) size += k.length + v.length;
    if (size > 256 * 1024) issues.add('annotations', 'tooLong', `total size must be no more than 262144 characters, got ${size}`);
  }
}

/** Joins issues into one line, the way the API server words an Invalid error. */
export function formatIssues(kind: string, name: string | undefined, issues: ValidationIssue[]): string {
  return `${kind}${name ? ` ${JSON.stringify(name)}` : ''} is invalid: ${issues.map((i) => i.message).join(', ')}`;
}
