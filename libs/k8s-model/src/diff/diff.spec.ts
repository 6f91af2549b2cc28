import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffObjects, renderDiff, serviceManifest, type DiffEntry } from '../index.js';

describe('diffObjects', () => {
  it.each<[string, unknown, unknown, DiffEntry[]]>([
    ['equal', { a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] }, []],
    ['changed leaf in a list', { spec: { ports: [{ port: 80 }] } }, { spec: { ports: [{ port: 81 }] } }, [{ path: 'spec.ports[0].port', op: 'change', before: 80, after: 81 }]],
    ['added key', { spec: {} }, { spec: { type: 'NodePort' } }, [{ path: 'spec.type', op: 'add', after: 'NodePort' }]],
    ['removed key', { spec: { clusterIP: 'None', type: 'ClusterIP' } }, { spec: { type: 'ClusterIP' } }, [{ path: 'spec.clusterIP', op: 'remove', before: 'None' }]],
    ['a whole subtree added is one entry', { spec: {} }, { spec: { tls: [{ hosts: ['a'], secretName: 's' }] } }, [{ path: 'spec.tls', op: 'add', after: [{ hosts: ['a'], secretName: 's' }] }]],
    [
      'list grows and shrinks by index',
      { l: [1, 2] },
      { l: [1, 3, 4] },
      [
        { path: 'l[1]', op: 'change', before: 2, after: 3 },
        { path: 'l[2]', op: 'add', after: 4 },
      ],
    ],
    ['list shrinks', { l: ['a', 'b'] }, { l: ['a'] }, [{ path: 'l[1]', op: 'remove', before: 'b' }]],
    ['type change is a change', { p: 8080 }, { p: 'http' }, [{ path: 'p', op: 'change', before: 8080, after: 'http' }]],
    ['object → scalar is a change', { p: { a: 1 } }, { p: null }, [{ path: 'p', op: 'change', before: { a: 1 }, after: null }]],
    [
      'keys that are not identifiers are quoted',
      { metadata: { labels: { 'app.kubernetes.io/name': 'a' } } },
      { metadata: { labels: { 'app.kubernetes.io/name': 'b', 'x-y': '1' } } },
      [
        { path: 'metadata.labels["app.kubernetes.io/name"]', op: 'change', before: 'a', after: 'b' },
        { path: 'metadata.labels["x-y"]', op: 'add', after: '1' },
      ],
    ],
    ['create: everything is one add', undefined, { a: 1 }, [{ path: '', op: 'add', after: { a: 1 } }]],
    ['delete: everything is one remove', { a: 1 }, undefined, [{ path: '', op: 'remove', before: { a: 1 } }]],
  ])('%s', (_l, before, after, expected) => {
    expect(diffObjects(before, after)).toEqual(expected);
  });

  it('ignores what the API server manages', () => {
    const live = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web',
        namespace: 'shop',
        uid: 'u-1',
        resourceVersion: '42',
        generation: 3,
        creationTimestamp: '2026-01-01T00:00:00Z',
        managedFields: [{ manager: 'switchboard', operation: 'Apply' }],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"big":"json"}' },
        labels: { app: 'web' },
      },
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
      status: { loadBalancer: {} },
    };
    const desired = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop', resourceVersion: '41', labels: { app: 'web' } },
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
    };
    expect(diffObjects(live, desired)).toEqual([]);
    // Other annotations still count; the ignored one never shows up.
    const withNote = { ...desired, metadata: { ...desired.metadata, annotations: { note: 'x' } } };
    expect(diffObjects(live, withNote)).toEqual([{ path: 'metadata.annotations', op: 'add', after: { note: 'x' } }]);
    expect(diffObjects({ ...live, metadata: { ...live.metadata, annotations: { ...live.metadata.annotations, note: 'y' } } }, withNote)).toEqual([
      { path: 'metadata.annotations.note', op: 'change', before: 'y', after: 'x' },
    ]);
  });

  it('does not modify its inputs', () => {
    const a = { metadata: { uid: 'u', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } }, status: {} };
    const copy = structuredClone(a);
    diffObjects(a, {});
    expect(a).toEqual(copy);
  });

  it('compares a live object read as YAML with a manifest (the dry-run use)', () => {
    const live = parse(`
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  uid: 0b0c
  resourceVersion: "7"
  creationTimestamp: "2026-01-01T00:00:00Z"
spec:
  type: ClusterIP
  selector: { app: web }
  ports:
    - { protocol: TCP, port: 80, targetPort: 8080 }
status:
  loadBalancer: {}
`) as unknown;
    const next = serviceManifest({ name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }, { namespace: 'shop' });
    const entries = diffObjects(live, next);
    expect(renderDiff(entries)).toBe(['~ spec.type: "ClusterIP" → "NodePort"', '+ spec.ports[0].nodePort: 30080'].join('\n'));
  });
});

describe('renderDiff', () => {
  it('one line per entry with +, - and ~', () => {
    expect(
      renderDiff([
        { path: 'spec.ports[0].port', op: 'change', before: 80, after: 81 },
        { path: 'spec.tls', op: 'add', after: [{ hosts: ['a.example.com'], secretName: 's' }] },
        { path: 'spec.clusterIP', op: 'remove', before: 'None' },
        { path: 'spec.ports[0].targetPort', op: 'change', before: 8080, after: '8080' },
        { path: '', op: 'add', after: { a: 1 } },
      ]),
    ).toBe(
      [
        '~ spec.ports[0].port: 80 → 81',
        '+ spec.tls: [{"hosts":["a.example.com"],"secretName":"s"}]',
        '- spec.clusterIP: "None"',
        '~ spec.ports[0].targetPort: 8080 → "8080"',
        '+ (object): {"a":1}',
      ].join('\n'),
    );
  });

  it('no entries → empty text', () => expect(renderDiff([])).toBe(''));
});
