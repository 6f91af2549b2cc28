import { flatString } from './json-values.js';
import { eventLine } from './serialize.js';
import { expired } from './status.js';
import type { KubeObject } from './kube-object.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface HistoryEntry {
  rv: number;
  type: EventType;
  rkey: string;
  obj: KubeObject;
}

export interface Watcher {
  rkey: string;
  matches(obj: KubeObject): boolean;
  /** The event's line, serialised once for every watcher of the change. */
  send(line: string): void;
}

/** The values an object is filed under in a secondary index (its owners, a label), within its namespace. */
export type IndexOf = (obj: KubeObject) => readonly string[];

/** An object's place: it survives modifications, so key order and indexes need no update then. */
interface Slot {
  key: string;
  obj: KubeObject;
  /** What the object is filed under, per index of its kind (kept, so a write computes only the new values). */
  filed: (readonly string[])[];
}

interface Index {
  of: IndexOf;
  /** namespace ('' for cluster-scoped) → value → slots: values need no namespace prefix. */
  slots: Map<string, Map<string, Set<Slot>>>;
}

const NONE: readonly string[] = [];

const keyOf = (namespace: string | undefined, name: string) => flatString(`${namespace ?? ''}/${name}`);

/**
 * One etcd-like store per cluster: a single resourceVersion counter shared by all
 * kinds, a bounded event history for watches from a version, live watchers and the
 * secondary indexes controllers look objects up by.
 */
export class Store {
  private rv = 1000;
  // kind → namespace ('' for cluster-scoped) → name → slot: namespace lists stay cheap at scale.
  private readonly data = new Map<string, Map<string, Map<string, Slot>>>();
  private history: HistoryEntry[] = [];
  /** Slots per kind (and per kind × namespace) in key order, rebuilt only after an add or a delete. */
  private readonly order = new Map<string, Slot[]>();
  private readonly indexes = new Map<string, Map<string, Index>>();
  private readonly indexLists = new Map<string, Index[]>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  /** Versions at or below this are compacted: watching or continuing from them is 410. */
  private compactedThrough = 0;

  constructor(private historyWindow: number) {}

  currentRv(): number {
    return this.rv;
  }

  oldestWatchableRv(): number {
    return this.compactedThrough;
  }

  private bucket(rkey: string, namespace: string | undefined): Map<string, Slot> {
    let kind = this.data.get(rkey);
    if (!kind) this.data.set(rkey, (kind = new Map()));
    let ns = kind.get(namespace ?? '');
    if (!ns) kind.set(namespace ?? '', (ns = new Map()));
    return ns;
  }

  get(rkey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.data.get(rkey)?.get(namespace ?? '')?.get(name)?.obj;
  }

  /** Slots in key order (namespace/name), as the API server lists them; cached until a key comes or goes. */
  private sorted(rkey: string, namespace: string | undefined): Slot[] {
    const kind = this.data.get(rkey);
    if (!kind) return [];
    const cacheKey = `${rkey}\u0000${namespace ?? '\u0001'}`;
    let slots = this.order.get(cacheKey);
    if (!slots) {
      slots = [];
      if (namespace !== undefined) for (const s of kind.get(namespace)?.values() ?? []) slots.push(s);
      else for (const objects of kind.values()) for (const s of objects.values()) slots.push(s);
      slots.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      this.order.set(cacheKey, slots);
    }
    return slots;
  }

  /** Objects in key order (namespace/name), as the API server lists them. */
  list(rkey: string, namespace?: string): KubeObject[] {
    return this.sorted(rkey, namespace).map((s) => s.obj);
  }

  /**
   * One page in key order: up to `limit` (0: no limit) objects accepted by `match` whose
   * key sorts after `after` ('' from the start), and how many more would match. Finds its
   * start by binary search, so paging through a large kind stays linear overall.
   */
  page(rkey: string, namespace: string | undefined, after: string, limit: number, match?: (o: KubeObject) => boolean): { items: KubeObject[]; remaining: number } {
    const slots = this.sorted(rkey, namespace);
    let lo = 0;
    let hi = slots.length;
    while (after && lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (slots[mid]!.key <= after) lo = mid + 1;
      else hi = mid;
    }
    const items: KubeObject[] = [];
    let i = lo;
    for (; i < slots.length && (limit <= 0 || items.length < limit); i++) if (!match || match(slots[i]!.obj)) items.push(slots[i]!.obj);
    let remaining = 0;
    if (!match) remaining = slots.length - i;
    else for (; i < slots.length; i++) if (match(slots[i]!.obj)) remaining++;
    return { items, remaining };
  }

  private keysChanged(rkey: string, namespace: string | undefined): void {
    this.order.delete(`${rkey}\u0000\u0001`);
    this.order.delete(`${rkey}\u0000${namespace ?? ''}`);
  }

  /** The same objects unordered (for controllers), in the order they were created. */
  values(rkey: string, namespace?: string): KubeObject[] {
    const kind = this.data.get(rkey);
    if (!kind) return [];
    const out: KubeObject[] = [];
    if (namespace !== undefined) for (const s of kind.get(namespace)?.values() ?? []) out.push(s.obj);
    else for (const ns of kind.values()) for (const s of ns.values()) out.push(s.obj);
    return out;
  }

  count(rkey: string): number {
    let n = 0;
    for (const ns of this.data.get(rkey)?.values() ?? []) n += ns.size;
    return n;
  }

  /** Files every object of a kind (present and future) under the values `of` gives. */
  addIndex(rkey: string, name: string, of: IndexOf): void {
    let kind = this.indexes.get(rkey);
    if (!kind) this.indexes.set(rkey, (kind = new Map()));
    const index: Index = { of, slots: new Map() };
    kind.set(name, index);
    const list = this.indexLists.get(rkey) ?? [];
    list.push(index);
    this.indexLists.set(rkey, list);
    for (const ns of this.data.get(rkey)?.values() ?? []) for (const s of ns.values()) this.file(index, list.length - 1, s, s.obj);
  }

  /**
   * Objects filed under `value`, in the order they were filed (creation order), in one
   * namespace ('' for cluster-scoped kinds) or, with `namespace` undefined, in all of them.
   */
  byIndex(rkey: string, name: string, namespace: string | undefined, value: string): KubeObject[] {
    const slots = this.indexes.get(rkey)?.get(name)?.slots;
    if (!slots) return [];
    const out: KubeObject[] = [];
    for (const inNamespace of namespace === undefined ? slots.values() : [slots.get(namespace)]) for (const s of inNamespace?.get(value) ?? []) out.push(s.obj);
    return out;
  }

  /** Refiles a slot in every index of its kind after a write (`obj` undefined: removed). */
  private reindex(rkey: string, slot: Slot, obj: KubeObject | undefined): void {
    const list = this.indexLists.get(rkey);
    if (list) for (let i = 0; i < list.length; i++) this.file(list[i]!, i, slot, obj);
  }

  private file(index: Index, i: number, slot: Slot, obj: KubeObject | undefined): void {
    const was = slot.filed[i] ?? NONE;
    const values = obj ? index.of(obj) : NONE;
    const is = values.length ? values : NONE;
    slot.filed[i] = is;
    if (was.length === is.length && was.every((v, j) => v === is[j])) return;
    const namespace = (obj ?? slot.obj).metadata.namespace ?? '';
    let inNamespace = index.slots.get(namespace);
    if (!inNamespace) index.slots.set(namespace, (inNamespace = new Map()));
    for (const v of was) {
      if (is.includes(v)) continue;
      const set = inNamespace.get(v);
      set?.delete(slot);
      if (set?.size === 0) inNamespace.delete(v);
    }
    for (const v of is) {
      if (was.includes(v)) continue;
      let set = inNamespace.get(v);
      if (!set) inNamespace.set(v, (set = new Set()));
      set.add(slot);
    }
  }

  /**
   * Stores the object with a new resourceVersion and tells the watchers. The stored
   * object is a new one (the caller's is not changed): earlier versions, kept in the
   * history and in serialisation caches, stay exactly as they were written.
   */
  put(rkey: string, obj: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const stored: KubeObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } };
    const { namespace, name } = stored.metadata;
    const bucket = this.bucket(rkey, namespace);
    const slot = bucket.get(name);
    if (slot) {
      slot.obj = stored;
      this.reindex(rkey, slot, stored);
    } else {
      const fresh: Slot = { key: keyOf(namespace, name), obj: stored, filed: [] };
      bucket.set(name, fresh);
      this.keysChanged(rkey, namespace);
      this.reindex(rkey, fresh, stored);
    }
    this.record(rkey, type, stored);
    return stored;
  }

  remove(rkey: string, obj: KubeObject): KubeObject {
    const bucket = this.bucket(rkey, obj.metadata.namespace);
    const slot = bucket.get(obj.metadata.name);
    if (slot) {
      bucket.delete(obj.metadata.name);
      this.keysChanged(rkey, obj.metadata.namespace);
      this.reindex(rkey, slot, undefined);
    }
    // A delete is a write too: the DELETED event carries a new version.
    const last = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } };
    this.record(rkey, 'DELETED', last);
    return last;
  }

  watch(w: Watcher): void {
    let set = this.watchers.get(w.rkey);
    if (!set) this.watchers.set(w.rkey, (set = new Set()));
    set.add(w);
  }

  unwatch(w: Watcher): void {
    this.watchers.get(w.rkey)?.delete(w);
  }

  private record(rkey: string, type: EventType, obj: KubeObject): void {
    this.history.push({ rv: this.rv, type, rkey, obj });
    // Trim in chunks: slicing on every write would make bulk loads quadratic.
    if (this.history.length > this.historyWindow + 1024 || (this.history.length > this.historyWindow && this.historyWindow < 1024)) {
      const drop = this.history.length - this.historyWindow;
      this.compactedThrough = this.history[drop - 1]!.rv;
      this.history = this.history.slice(drop);
    }
    const watchers = this.watchers.get(rkey);
    if (!watchers?.size) return;
    let line: string | undefined;
    for (const w of watchers) if (w.matches(obj)) w.send((line ??= eventLine(type, obj)));
  }

  /** Forget all history: every older version now answers 410 Gone. */
  compact(): void {
    this.compactedThrough = this.rv;
    this.history = [];
  }

  setHistoryWindow(n: number): void {
    this.historyWindow = n;
  }

  /** Events after `rv` for a kind, or a 410 Expired error when they are no longer retained. */
  eventsSince(rkey: string, rv: number): HistoryEntry[] {
    if (rv < this.compactedThrough) {
      throw expired(`too old resource version: ${rv} (${this.compactedThrough + 1})`);
    }
    // The history is in version order: find the first newer entry by binary search.
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid]!.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    const out: HistoryEntry[] = [];
    for (let i = lo; i < this.history.length; i++) if (this.history[i]!.rkey === rkey) out.push(this.history[i]!);
    return out;
  }
}
