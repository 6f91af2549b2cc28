import { describe, expect, it } from 'vitest';
import { strategicMergePatch } from '../src/strategic-merge.js';

const service = {
  kind: 'Service',
  metadata: { name: 's', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    selector: { app: 's' },
    ports: [
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
      { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP', nodePort: 30443 },
    ],
  },
};

describe('strategic merge patch', () => {
  it('merges Service ports by port, deletes with $patch, orders by $setElementOrder and removes null keys (kubectl apply)', () => {
    const patch = {
      metadata: { labels: { b: null } },
      spec: {
        '$setElementOrder/ports': [{ port: 443 }, { port: 9090 }],
        ports: [{ port: 443, targetPort: 9443 }, { name: 'metrics', port: 9090 }, { $patch: 'delete', port: 80 }],
      },
    };
    const out = strategicMergePatch(service, patch, 'Service') as typeof service;
    expect(out.metadata.labels).toEqual({ a: '1' });
    // Server-set fields of a kept item survive (nodePort), as on a real API server.
    expect(out.spec.ports).toEqual([
      { name: 'https', port: 443, targetPort: 9443, protocol: 'TCP', nodePort: 30443 },
      { name: 'metrics', port: 9090 },
    ]);
    expect(service.spec.ports).toHaveLength(2); // the input is left alone
  });

  it('merges containers by name, their env by name and ports by containerPort, inside a Deployment template', () => {
    const dep = {
      kind: 'Deployment',
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'app', image: 'app:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }] },
              { name: 'side', image: 'side:1' },
            ],
          },
        },
      },
    };
    const out = strategicMergePatch(dep, { spec: { template: { spec: { containers: [{ name: 'app', image: 'app:2', env: [{ name: 'C', value: '3' }, { name: 'B', $patch: 'delete' }] }] } } } }, 'Deployment') as typeof dep;
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'app', image: 'app:2', env: [{ name: 'A', value: '1' }, { name: 'C', value: '3' }], ports: [{ containerPort: 80 }] },
      { name: 'side', image: 'side:1' },
    ]);
  });

  it('replaces lists without a merge key whole (Ingress rules), and honours $patch: replace on maps and lists', () => {
    const ing = { kind: 'Ingress', spec: { rules: [{ host: 'a' }, { host: 'b' }], tls: [{ hosts: ['a'] }] } };
    expect((strategicMergePatch(ing, { spec: { rules: [{ host: 'c' }] } }, 'Ingress') as typeof ing).spec.rules).toEqual([{ host: 'c' }]);
    expect(strategicMergePatch(service, { spec: { $patch: 'replace', type: 'ClusterIP' } }, 'Service')).toMatchObject({ spec: { type: 'ClusterIP' } });
    expect((strategicMergePatch(service, { spec: { $patch: 'replace', type: 'ClusterIP' } }, 'Service') as { spec: object }).spec).toEqual({ type: 'ClusterIP' });
    const replaced = strategicMergePatch(service, { spec: { ports: [{ $patch: 'replace' }, { port: 1 }] } }, 'Service') as typeof service;
    expect(replaced.spec.ports).toEqual([{ port: 1 }]);
  });

  it('merges finalizers as a set and deletes from it with $deleteFromPrimitiveList; $retainKeys drops the rest', () => {
    expect((strategicMergePatch(service, { metadata: { finalizers: ['y', 'x'] } }, 'Service') as typeof service).metadata.finalizers).toEqual(['x', 'y']);
    expect((strategicMergePatch(service, { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } }, 'Service') as typeof service).metadata.finalizers).toEqual([]);
    const dep = { kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const out = strategicMergePatch(dep, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'Deployment') as { spec: { strategy: object } };
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('refuses a merge-keyed item without its key and an unknown $patch, in the API server words', () => {
    expect(() => strategicMergePatch(service, { spec: { ports: [{ targetPort: 1 }] } }, 'Service')).toThrow('map: map[targetPort:1] does not contain declared merge key: port');
    expect(() => strategicMergePatch(service, { spec: { $patch: 'explode' } }, 'Service')).toThrow('unknown patch type: explode in map: map[$patch:explode]');
  });
});
