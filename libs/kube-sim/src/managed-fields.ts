/**
 * Field ownership for server-side apply, in the real API server's FieldsV1 notation.
 * A field path is a list of segments: `f:<name>` for a map key or struct field,
 * `k:<json>` for an item of an associative list, keyed like the real schemas
 * (Service spec.ports by port + protocol, containers and env by name, container ports by
 * containerPort + protocol). Other lists are atomic: owned and replaced as a whole, like
 * Ingress spec.rules, spec.tls and http.paths.
 */
export type Segment = string;
export type FieldPath = Segment[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys of the associative list at a path (names only, indexes dropped), or undefined for atomic lists. */
function listKeys(kind: string, names: string[]): string[] | undefined {
  const p = names.join('.');
  if (kind === 'Service' && p === 'spec.ports') return ['port', 'protocol'];
  if (/(^|\.)(containers|initContainers)$/.test(p)) return ['name'];
  if (/(^|\.)containers\.ports$/.test(p)) return ['containerPort', 'protocol'];
  if (/(^|\.)env$/.test(p)) return ['name'];
  return undefined;
}

const DEFAULT_KEY_VALUES: Record<string, unknown> = { protocol: 'TCP' };

function itemKey(item: Obj, keys: string[]): string {
  const k: Obj = {};
  for (const key of keys) k[key] = item[key] ?? DEFAULT_KEY_VALUES[key];
  return `k:${JSON.stringify(k)}`;
}

/** Only spec-like content and metadata labels/annotations are owned; identity and status are the server's. */
function ownedRoot(obj: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
    if (k === 'metadata') {
      const m = isObj(v) ? v : {};
      const meta: Obj = {};
      if (isObj(m['labels'])) meta['labels'] = m['labels'];
      if (isObj(m['annotations'])) meta['annotations'] = m['annotations'];
      if (Object.keys(meta).length) out['metadata'] = meta;
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** Every owned leaf path of an object (an applied configuration or a stored object). */
export function leafPaths(kind: string, obj: Obj): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (v: unknown, path: FieldPath, names: string[]) => {
    if (isObj(v)) {
      const entries = Object.entries(v);
      if (!entries.length && path.length) out.push(path);
      for (const [k, child] of entries) walk(child, [...path, `f:${k}`], [...names, k]);
      return;
    }
    if (Array.isArray(v)) {
      const keys = listKeys(kind, names);
      if (!keys || !v.every(isObj)) {
        out.push(path);
        return;
      }
      for (const item of v as Obj[]) walk(item, [...path, itemKey(item, keys)], names);
      return;
    }
    out.push(path);
  };
  walk(ownedRoot(obj), [], []);
  return out;
}

export const pathKey = (p: FieldPath) => p.join('\u0000');

function childOf(container: unknown, seg: Segment): unknown {
  if (seg.startsWith('f:')) return isObj(container) ? container[seg.slice(2)] : undefined;
  if (seg.startsWith('k:') && Array.isArray(container)) {
    const want = JSON.parse(seg.slice(2)) as Obj;
    return container.find((i) => isObj(i) && Object.entries(want).every(([k, v]) => (i[k] ?? DEFAULT_KEY_VALUES[k]) === v));
  }
  return undefined;
}

export function getAt(obj: unknown, path: FieldPath): unknown {
  let cur = obj;
  for (const seg of path) cur = childOf(cur, seg);
  return cur;
}

/** Sets a leaf, creating maps and keyed list items on the way. */
export function setAt(obj: Obj, path: FieldPath, value: unknown): void {
  let cur: unknown = obj;
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    const next = path[i + 1];
    if (seg.startsWith('f:')) {
      const o = cur as Obj;
      const key = seg.slice(2);
      if (last) o[key] = structuredClone(value);
      else {
        if (next?.startsWith('k:') ? !Array.isArray(o[key]) : !isObj(o[key])) o[key] = next?.startsWith('k:') ? [] : {};
        cur = o[key];
      }
    } else {
      const list = cur as Obj[];
      let item = childOf(list, seg) as Obj | undefined;
      if (!item) {
        item = { ...(JSON.parse(seg.slice(2)) as Obj) };
        list.push(item);
      }
      cur = item;
    }
  });
}

/** Removes a leaf, then maps left empty (an emptied labels map goes, as the API server drops it). */
export function removeAt(obj: Obj, path: FieldPath): void {
  const chain: unknown[] = [obj];
  for (const seg of path.slice(0, -1)) chain.push(childOf(chain.at(-1), seg));
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = chain[i];
    const seg = path[i]!;
    if (!seg.startsWith('f:') || !isObj(parent)) return;
    const child = parent[seg.slice(2)];
    const isLeaf = i === path.length - 1;
    if (!isLeaf && !(isObj(child) && Object.keys(child).length === 0)) return;
    delete parent[seg.slice(2)];
  }
}

/** Removes a keyed list item as a whole. */
export function removeItem(obj: Obj, itemPath: FieldPath): void {
  const list = getAt(obj, itemPath.slice(0, -1));
  const item = getAt(obj, itemPath);
  if (Array.isArray(list) && item !== undefined) list.splice(list.indexOf(item), 1);
}

// ---- FieldsV1 ---------------------------------------------------------------------------

/** Paths as the FieldsV1 tree stored in metadata.managedFields. */
export function toFieldsV1(paths: FieldPath[]): Obj {
  const root: Obj = {};
  for (const p of paths) {
    let cur = root;
    for (const seg of p) {
      cur[seg] ??= seg.startsWith('k:') ? { '.': {} } : {};
      cur = cur[seg] as Obj;
    }
  }
  return root;
}

export function fromFieldsV1(tree: unknown): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (node: unknown, path: FieldPath) => {
    const entries = isObj(node) ? Object.entries(node).filter(([k]) => k !== '.') : [];
    if (!entries.length) {
      if (path.length) out.push(path);
      return;
    }
    for (const [k, child] of entries) walk(child, [...path, k]);
  };
  walk(tree, []);
  return out;
}

/** `.metadata.labels.team`, `.spec.ports[port=80,protocol="TCP"].targetPort`: the real conflict field notation. */
export function describePath(p: FieldPath): string {
  return p
    .map((seg) => {
      if (seg.startsWith('f:')) return `.${seg.slice(2)}`;
      const k = JSON.parse(seg.slice(2)) as Obj;
      return `[${Object.entries(k)
        .map(([key, v]) => `${key}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}
