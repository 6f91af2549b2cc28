/** One difference between two objects; `path` is written the way kubectl explains fields. */
export interface DiffEntry {
  /** e.g. `spec.ports[0].port`, `metadata.labels["app.kubernetes.io/name"]`. */
  path: string;
  op: 'add' | 'remove' | 'change';
  before?: unknown;
  after?: unknown;
}

/** Fields the API server writes by itself: a diff showing them would be noise. */
const SERVER_MANAGED_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
const IGNORED_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const child = (base: string, key: string) => (IDENT.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`);

/** A copy without the server-managed fields (top level: status, metadata bookkeeping). */
function stripServerManaged(v: unknown): unknown {
  if (!isObj(v)) return v;
  const out: Obj = { ...v };
  delete out['status'];
  if (isObj(out['metadata'])) {
    const meta: Obj = { ...out['metadata'] };
    for (const k of SERVER_MANAGED_METADATA) delete meta[k];
    if (isObj(meta['annotations'])) {
      const ann: Obj = { ...meta['annotations'] };
      for (const k of IGNORED_ANNOTATIONS) delete ann[k];
      // Only our removal emptied it: treat as absent, like the API does for empty maps.
      if (Object.keys(ann).length) meta['annotations'] = ann;
      else delete meta['annotations'];
    }
    out['metadata'] = meta;
  }
  return out;
}

/**
 * The structural differences from `before` to `after` (either may be undefined: a
 * create or a delete), ignoring what the API server manages. Objects are compared key
 * by key; arrays index by index (a list where an item was inserted shows the shifted
 * items as changes, which is what a reviewer of a manifest expects to see). A subtree
 * that appears or disappears as a whole is one entry, not one per leaf.
 * Order: keys of `before` in their order, then keys only `after` has.
 */
export function diffObjects(before: unknown, after: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(stripServerManaged(before), stripServerManaged(after), '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: DiffEntry[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.push({ path, op: 'add', after: b });
    return;
  }
  if (b === undefined) {
    out.push({ path, op: 'remove', before: a });
    return;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) walk(a[k], b[k], child(path, k), out);
    for (const k of Object.keys(b)) if (!(k in a)) walk(undefined, b[k], child(path, k), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, `${path}[${i}]`, out);
    return;
  }
  if (!Object.is(a, b)) out.push({ path, op: 'change', before: a, after: b });
}
