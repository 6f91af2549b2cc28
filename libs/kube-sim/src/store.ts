import { expired } from './status.js';

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
    generateName?: string;
    [k: string]: unknown;
  };
  spec?: any;
  status?: any;
  [k: string]: unknown;
};

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
  send(type: EventType, obj: KubeObject): void;
}


/**
 * One etcd-like store per cluster: a single resourceVersion counter shared by all
 * kinds, a bounded event history for watches from a version, and live watchers.
 */
export class Store {
  private rv = 1000;
  // kind → namespace ('' for cluster-scoped) → name → object: namespace lists stay cheap at scale.
  private readonly data = new Map<string, Map<string, Map<string, KubeObject>>>();
  private history: HistoryEntry[] = [];
  /** Sorted "namespace/name" keys per kind (and per kind × namespace), rebuilt only after an add or a delete. */
  private readonly order = new Map<string, string[]>();
  /** Versions at or below this are compacted: watching or continuing from them is 410. */
  private compactedThrough = 0;
  readonly watchers = new Set<Watcher>();

  constructor(private historyWindow: number) {}

  currentRv(): number {
    return this.rv;
  }

  oldestWatchableRv(): number {
    return this.compactedThrough;
  }

  private bucket(rkey: string, namespace: string | undefined): Map<string, KubeObject> {
    let kind = this.data.get(rkey);
    if (!kind) this.data.set(rkey, (kind = new Map()));
    let ns = kind.get(namespace ?? '');
    if (!ns) kind.set(namespace ?? '', (ns = new Map()));
    return ns;
  }

  get(rkey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.data.get(rkey)?.get(namespace ?? '')?.get(name);
  }

  /**
   * Objects in key order (namespace/name), as the API server lists them. The order is
   * cached: paging through a large kind must not sort it again for every page.
   */
  list(rkey: string, namespace?: string): KubeObject[] {
    const kind = this.data.get(rkey);
    if (!kind) return [];
    const cacheKey = `${rkey}\u0000${namespace ?? '\u0001'}`;
    let keys = this.order.get(cacheKey);
    if (!keys) {
      keys = [];
      if (namespace !== undefined) for (const n of kind.get(namespace)?.keys() ?? []) keys.push(`${namespace}/${n}`);
      else for (const [ns, objects] of kind) for (const n of objects.keys()) keys.push(`${ns}/${n}`);
      keys.sort();
      this.order.set(cacheKey, keys);
    }
    // Namespace names never contain "/", so the first one splits the key.
    return keys.map((k) => {
      const i = k.indexOf('/');
      return kind.get(k.slice(0, i))!.get(k.slice(i + 1))!;
    });
  }

  private keysChanged(rkey: string, namespace: string | undefined): void {
    this.order.delete(`${rkey}\u0000\u0001`);
    this.order.delete(`${rkey}\u0000${namespace ?? ''}`);
  }

  /** The same objects unordered (for controllers). */
  values(rkey: string, namespace?: string): KubeObject[] {
    const kind = this.data.get(rkey);
    if (!kind) return [];
    if (namespace !== undefined) return [...(kind.get(namespace)?.values() ?? [])];
    const out: KubeObject[] = [];
    for (const ns of kind.values()) for (const o of ns.values()) out.push(o);
    return out;
  }

  count(rkey: string): number {
    let n = 0;
    for (const ns of this.data.get(rkey)?.values() ?? []) n += ns.size;
    return n;
  }

  /** Stores the object with a new resourceVersion and tells the watchers. */
  put(rkey: string, obj: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    const bucket = this.bucket(rkey, obj.metadata.namespace);
    if (!bucket.has(obj.metadata.name)) this.keysChanged(rkey, obj.metadata.namespace);
    bucket.set(obj.metadata.name, obj);
    this.record(rkey, type, obj);
    return obj;
  }

  remove(rkey: string, obj: KubeObject): KubeObject {
    if (this.bucket(rkey, obj.metadata.namespace).delete(obj.metadata.name)) this.keysChanged(rkey, obj.metadata.namespace);
    // A delete is a write too: the DELETED event carries a new version.
    const last = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } };
    this.record(rkey, 'DELETED', last);
    return last;
  }

  private record(rkey: string, type: EventType, obj: KubeObject): void {
    this.history.push({ rv: this.rv, type, rkey, obj });
    // Trim in chunks: slicing on every write would make bulk loads quadratic.
    if (this.history.length > this.historyWindow + 1024 || (this.history.length > this.historyWindow && this.historyWindow < 1024)) {
      const drop = this.history.length - this.historyWindow;
      this.compactedThrough = this.history[drop - 1]!.rv;
      this.history = this.history.slice(drop);
    }
    for (const w of this.watchers) if (w.rkey === rkey && w.matches(obj)) w.send(type, obj);
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
    return this.history.filter((e) => e.rv > rv && e.rkey === rkey);
  }
}
