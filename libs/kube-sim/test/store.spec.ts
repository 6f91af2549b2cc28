import { describe, expect, it } from 'vitest';
import { jsonClone, jsonEqual } from '../src/json-values.js';
import { Store } from '../src/store.js';

const obj = (namespace: string, name: string, labels: Record<string, string> = {}) => ({ metadata: { namespace, name, labels } });

describe('kube-sim store', () => {
  it('keeps every version as written: a later write does not change what the history (a watch from a version) replays', () => {
    const store = new Store(100);
    const added = store.put('/pods', obj('default', 'web'), 'ADDED');
    const modified = store.put('/pods', { ...added, spec: { nodeName: 'node-1' } }, 'MODIFIED');
    const events = store.eventsSince('/pods', 0);
    expect(events.map((e) => [e.type, e.obj.metadata.resourceVersion])).toEqual([
      ['ADDED', added.metadata.resourceVersion],
      ['MODIFIED', modified.metadata.resourceVersion],
    ]);
    expect(added.metadata.resourceVersion).not.toBe(modified.metadata.resourceVersion);
  });

  it('pages in key order (namespace/name) with the remaining count, with and without a filter', () => {
    const store = new Store(100);
    for (const ns of ['b', 'a-b', 'a']) for (let i = 0; i < 5; i++) store.put('/svc', obj(ns, `s${i}`, { even: String(i % 2 === 0) }), 'ADDED');
    const keys = (items: { metadata: { namespace?: string; name: string } }[]) => items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    const all = keys(store.list('/svc'));
    expect(all).toEqual([...all].sort());
    const pages: string[] = [];
    let after = '';
    for (;;) {
      const { items, remaining } = store.page('/svc', undefined, after, 4);
      pages.push(...keys(items));
      expect(remaining).toBe(all.length - pages.length);
      if (!remaining) break;
      after = pages.at(-1)!;
    }
    expect(pages).toEqual(all);
    const even = store.page('/svc', undefined, 'a-b/s4', 2, (o) => o.metadata.labels?.['even'] === 'true');
    expect(keys(even.items)).toEqual(['a/s0', 'a/s2']);
    expect(even.remaining).toBe(4);
    expect(keys(store.page('/svc', 'b', '', 0).items)).toEqual(['b/s0', 'b/s1', 'b/s2', 'b/s3', 'b/s4']);
  });

  it('indexes objects per namespace and follows their changes', () => {
    const store = new Store(100);
    store.addIndex('/pods', 'app', (o) => (o.metadata.labels?.['app'] ? [o.metadata.labels['app']] : []));
    store.put('/pods', obj('a', 'p1', { app: 'web' }), 'ADDED');
    store.put('/pods', obj('b', 'p2', { app: 'web' }), 'ADDED');
    const moved = store.put('/pods', obj('a', 'p3', { app: 'web' }), 'ADDED');
    expect(store.byIndex('/pods', 'app', 'a', 'web').map((o) => o.metadata.name)).toEqual(['p1', 'p3']);
    store.put('/pods', { ...moved, metadata: { ...moved.metadata, labels: { app: 'api' } } }, 'MODIFIED');
    expect(store.byIndex('/pods', 'app', 'a', 'web').map((o) => o.metadata.name)).toEqual(['p1']);
    store.remove('/pods', store.get('/pods', 'a', 'p1')!);
    expect(store.byIndex('/pods', 'app', 'a', 'web')).toEqual([]);
    expect(store.byIndex('/pods', 'app', 'a', 'api').map((o) => o.metadata.name)).toEqual(['p3']);
  });
});

describe('JSON-semantics helpers', () => {
  const samples: unknown[] = [
    { a: 1, b: undefined, c: [undefined, 2, () => 3], d: NaN, e: new Date(0), f: { g: null } },
    { spec: { ports: [{ port: 80 }] }, status: {} },
    [1, 'two', { three: [true, false] }],
  ];

  it('jsonClone copies as JSON.parse(JSON.stringify(x)) would, without sharing objects', () => {
    for (const s of samples) {
      const copy = jsonClone(s);
      expect(copy).toEqual(JSON.parse(JSON.stringify(s)));
      expect(JSON.stringify(copy)).toBe(JSON.stringify(s));
    }
    const o = { nested: { list: [{ x: 1 }] } };
    const c = jsonClone(o);
    c.nested.list[0]!.x = 2;
    expect(o.nested.list[0]!.x).toBe(1);
  });

  it('jsonEqual agrees with comparing JSON.stringify outputs, key order included', () => {
    const pairs: [unknown, unknown][] = [
      [{ a: 1, b: undefined }, { a: 1 }],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [[undefined], [null]],
      [{ x: NaN }, { x: null }],
      [{ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }],
      [undefined, {}],
      [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }],
      [[1, 2], { 0: 1, 1: 2 }],
      ['1', 1],
      [{}, []],
    ];
    for (const [a, b] of pairs) expect(jsonEqual(a, b), JSON.stringify([a, b])).toBe(JSON.stringify(a) === JSON.stringify(b));
  });
});
