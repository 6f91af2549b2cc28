import { describe, expect, it } from 'vitest';
import { kIngress } from '../../test/builders.js';
import { ingressInputFromRecord, ingressUpdateManifest, normalizeIngress, type IngressRecord } from '../index.js';

const backend = (name: string, port: number | string) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
const shop = (): IngressRecord =>
  normalizeIngress(
    kIngress(
      'shop',
      {
        ingressClassName: 'nginx',
        rules: [
          { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', 80) }, { path: '/api', pathType: 'Prefix', backend: backend('api', 'http') }] } },
          { host: 'files.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { apiGroup: 'storage.example.com', kind: 'Bucket', name: 'files' } } }] } },
        ],
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      },
      { ns: 'web' },
    ),
  ).record;

describe('ingressUpdateManifest', () => {
  it('restates what the change does not touch, resource backends included', () => {
    const res = ingressUpdateManifest(shop(), { labels: { team: 'shop', tier: 'edge' } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.manifest.metadata).toEqual({ name: 'shop', namespace: 'web', labels: { team: 'shop', tier: 'edge' } });
    expect(res.manifest.spec.ingressClassName).toBe('nginx');
    expect(res.manifest.spec.rules?.[1]?.http?.paths[0]?.backend).toEqual({ resource: { apiGroup: 'storage.example.com', kind: 'Bucket', name: 'files' } });
    expect(res.manifest.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
  });

  it('null clears a field; a value replaces it whole', () => {
    const res = ingressUpdateManifest(shop(), { tls: null, rules: [{ host: 'new.example.com', paths: [{ path: '/', pathType: 'Exact', service: 'web', port: 80 }] }] }, { resourceVersion: '42' });
    expect(res.ok && res.manifest.spec).toEqual({ ingressClassName: 'nginx', rules: [{ host: 'new.example.com', http: { paths: [{ path: '/', pathType: 'Exact', backend: backend('web', 80) }] } }] });
    expect(res.ok && res.manifest.metadata.resourceVersion).toBe('42');
  });

  it('validates the desired state as a whole and names every field', () => {
    const res = ingressUpdateManifest(shop(), { rules: [{ host: 'a.example.com', paths: [{ path: 'x', pathType: 'Prefix', service: 'web', port: 0 }] }] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => [i.field, i.rule])).toEqual([
      ['rules[0].paths[0].path', 'absolutePath'],
      ['rules[0].paths[0].port', 'range'],
      // The kept TLS entry names a host no rule serves any more.
      ['tls[0].hosts[0]', 'hostNotInRules'],
    ]);
  });

  it('reads a record back as input (service backends only)', () => {
    const input = ingressInputFromRecord(shop());
    expect(input.rules).toEqual([
      {
        host: 'shop.example.com',
        paths: [
          { path: '/', pathType: 'Prefix', service: 'web', port: 80 },
          { path: '/api', pathType: 'Prefix', service: 'api', port: 'http' },
        ],
      },
    ]);
    expect(input.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
  });
});
