import { describePath, type FieldPath, fromFieldsV1, getAt, leafPaths, pathKey, removeAt, removeItem, setAt, toFieldsV1 } from './managed-fields.js';
import { applyConflict } from './status.js';
import type { KubeObject } from './kube-object.js';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const entriesOf = (o: KubeObject | undefined): ManagedFieldsEntry[] => structuredClone(((o?.metadata as Obj | undefined)?.['managedFields'] as ManagedFieldsEntry[] | undefined) ?? []);
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function entry(manager: string, operation: ManagedFieldsEntry['operation'], apiVersion: string, paths: FieldPath[]): ManagedFieldsEntry {
  return { manager, operation, apiVersion, time: now(), fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(paths) };
}

/** The manager name the API server records for a write without `fieldManager`: the user agent's program name. */
export function managerFromUserAgent(userAgent: string | undefined): string {
  return (userAgent ?? '').split('/')[0]?.trim() || 'unknown';
}

/**
 * Server-side apply of `config` by `manager` onto `current` (absent: a create).
 * Fields another manager owns with a different value are conflicts (409) unless
 * `force`, which moves them to the applier; fields the applier owned before and no
 * longer sends are removed unless someone else owns them too. `changed: false` means
 * the object would be exactly as it is (the server then writes nothing).
 */
export function serverSideApply(kind: string, apiVersion: string, current: KubeObject | undefined, config: KubeObject, manager: string, force: boolean): { result: KubeObject; changed: boolean } {
  const applied = leafPaths(kind, config as unknown as Obj);
  const appliedKeys = new Set(applied.map(pathKey));
  const others = entriesOf(current).filter((e) => !(e.manager === manager && e.operation === 'Apply'));
  const mine = entriesOf(current).find((e) => e.manager === manager && e.operation === 'Apply');

  if (current) {
    const conflicts: { manager: string; apiVersion: string; field: string; path: FieldPath; owner: ManagedFieldsEntry }[] = [];
    for (const e of others) {
      const owned = new Set(fromFieldsV1(e.fieldsV1).map(pathKey));
      for (const p of applied) {
        if (owned.has(pathKey(p)) && !same(getAt(config, p), getAt(current, p))) conflicts.push({ manager: e.manager, apiVersion: e.apiVersion, field: describePath(p), path: p, owner: e });
      }
    }
    if (conflicts.length && !force) throw applyConflict(conflicts);
    for (const c of conflicts) c.owner.fieldsV1 = toFieldsV1(fromFieldsV1(c.owner.fieldsV1).filter((p) => pathKey(p) !== pathKey(c.path)));
  }

  const result = structuredClone(current ?? ({ metadata: {} } as KubeObject)) as KubeObject;
  const meta = config.metadata as Obj;
  for (const k of ['name', 'namespace', 'generateName']) if (meta[k] !== undefined) (result.metadata as Obj)[k] = meta[k];
  if (!current) {
    result.apiVersion = config.apiVersion;
    result.kind = config.kind;
  }
  for (const p of applied) setAt(result as unknown as Obj, p, getAt(config, p));

  // What this manager stopped applying goes, unless another manager still owns it.
  const ownedByOthers = new Set(others.flatMap((e) => fromFieldsV1(e.fieldsV1)).map(pathKey));
  const droppedItems = new Set<string>();
  for (const p of mine ? fromFieldsV1(mine.fieldsV1) : []) {
    if (appliedKeys.has(pathKey(p)) || ownedByOthers.has(pathKey(p))) continue;
    const itemAt = p.findIndex((s) => s.startsWith('k:'));
    if (itemAt >= 0) {
      const item = p.slice(0, itemAt + 1);
      const prefix = pathKey(item);
      const kept = [...appliedKeys, ...ownedByOthers].some((k) => k === prefix || k.startsWith(`${prefix}\u0000`));
      if (!kept) {
        if (!droppedItems.has(prefix)) removeItem(result as unknown as Obj, item);
        droppedItems.add(prefix);
        continue;
      }
    }
    removeAt(result as unknown as Obj, p);
  }

  const entries = [...others, entry(manager, 'Apply', apiVersion, applied)].filter((e) => fromFieldsV1(e.fieldsV1).length);
  const strip = (o: KubeObject | undefined) => {
    if (!o) return undefined;
    const c = structuredClone(o) as Obj;
    const m = { ...(c['metadata'] as Obj) };
    delete m['managedFields'];
    delete m['resourceVersion'];
    c['metadata'] = m;
    return c;
  };
  const ownership = (es: ManagedFieldsEntry[]) => es.map((e) => [e.manager, e.operation, e.fieldsV1]);
  const changed = !current || !same(strip(result), strip(current)) || !same(ownership(entries), ownership(entriesOf(current)));
  (result.metadata as Obj)['managedFields'] = changed ? entries : entriesOf(current);
  if (meta['resourceVersion']) result.metadata.resourceVersion = meta['resourceVersion'] as string;
  else delete result.metadata.resourceVersion;
  return { result, changed };
}

/**
 * Bookkeeping of a create, update or patch by `manager` (operation Update): the fields
 * it changed become its own and leave other managers; fields that are gone leave everyone.
 */
export function recordUpdate(kind: string, apiVersion: string, old: KubeObject | undefined, next: KubeObject, manager: string): void {
  const leaves = leafPaths(kind, next as unknown as Obj);
  const changed = leaves.filter((p) => !old || !same(getAt(old, p), getAt(next, p)));
  const changedKeys = new Set(changed.map(pathKey));
  const entries: ManagedFieldsEntry[] = [];
  let own: ManagedFieldsEntry | undefined;
  for (const e of entriesOf(old)) {
    const kept = fromFieldsV1(e.fieldsV1).filter((p) => getAt(next, p) !== undefined && (e.manager === manager && e.operation === 'Update' ? true : !changedKeys.has(pathKey(p))));
    const updated = { ...e, fieldsV1: toFieldsV1(kept) };
    if (e.manager === manager && e.operation === 'Update') own = updated;
    else if (kept.length) entries.push(updated);
  }
  const ownPaths = [...(own ? fromFieldsV1(own.fieldsV1) : []), ...changed.filter((p) => !(own && fromFieldsV1(own.fieldsV1).some((q) => pathKey(q) === pathKey(p))))];
  if (ownPaths.length) entries.push(own && !changed.length ? own : entry(manager, 'Update', apiVersion, ownPaths));
  (next.metadata as Obj)['managedFields'] = entries;
}
