import { describe, expect, it } from 'vitest';
import { kIngress } from '../../test/builders.js';
import { ingressManifest, ingressManifestFromRecord, normalizeIngress, validateIngressInput, type IngressInput, type IngressManifest } from '../index.js';

const NS = { namespace: 'shop' };
const ING = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' } as const;

describe('ingressManifest', () => {
  it.each<[string, IngressInput, IngressManifest]>([
    [
      'one host, one path, port number',
      { name: 'web', rules: [{ host: 'shop.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }] }] },
      { ...ING, metadata: { name: 'web', namespace: 'shop' }, spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } },
    ],
    [
      'several rules and paths, port names, numeric strings, class, TLS, labels, annotations',
      {
        name: 'shop',
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'shop.example.com',
            paths: [
              { path: '/', pathType: 'Prefix', service: 'web', port: 'http' },
              { path: '/api', pathType: 'Exact', service: 'api', port: '8080' },
            ],
          },
          { host: 'admin.example.com', paths: [{ path: '/', pathType: 'ImplementationSpecific', service: 'admin', port: 80 }] },
        ],
        tls: [{ hosts: ['shop.example.com', 'admin.example.com'], secretName: 'shop-tls' }],
        labels: { team: 'a' },
        annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' },
      },
      {
        ...ING,
        metadata: { name: 'shop', namespace: 'shop', labels: { team: 'a' }, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
        spec: {
          ingressClassName: 'nginx',
          tls: [{ hosts: ['shop.example.com', 'admin.example.com'], secretName: 'shop-tls' }],
          rules: [
            {
              host: 'shop.example.com',
              http: {
                paths: [
                  { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
                  { path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 8080 } } } },
                ],
              },
            },
            { host: 'admin.example.com', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'admin', port: { number: 80 } } } }] } },
          ],
        },
      },
    ],
    [
      'host-less rule, path-less ImplementationSpecific, default backend',
      { name: 'catch', defaultBackend: { service: 'fallback', port: 80 }, rules: [{ host: null, paths: [{ pathType: 'ImplementationSpecific', service: 'web', port: 80 }] }] },
      {
        ...ING,
        metadata: { name: 'catch', namespace: 'shop' },
        spec: {
          defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
          rules: [{ http: { paths: [{ pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
        },
      },
    ],
    [
      'default backend only, TLS without hosts',
      { name: 'fallback', defaultBackend: { service: 'web', port: 'http' }, tls: [{ secretName: 'wild' }] },
      { ...ING, metadata: { name: 'fallback', namespace: 'shop' }, spec: { defaultBackend: { service: { name: 'web', port: { name: 'http' } } }, tls: [{ secretName: 'wild' }] } },
    ],
  ])('%s', (_l, input, expected) => {
    expect(validateIngressInput(input)).toEqual([]);
    expect(ingressManifest(input, NS)).toStrictEqual(expected);
  });
});

describe('ingressManifestFromRecord', () => {
  it('restates a stored ingress exactly (the body a merge or a rollback sends)', () => {
    const spec = {
      ingressClassName: 'nginx',
      defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'static' } },
      tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }],
      rules: [
        {
          host: 'a.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
              { path: '/static', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'static' } } },
            ],
          },
        },
        { host: 'b.example.com' },
        { http: { paths: [{ path: '/x', pathType: 'Exact', backend: { service: { name: 'x', port: { name: 'http' } } } }] } },
      ],
    };
    const raw = kIngress('web', spec, { ns: 'shop', lb: [{ ip: '203.0.113.5' }] });
    (raw.metadata as Record<string, unknown>)['annotations'] = { a: 'b', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const m = ingressManifestFromRecord(normalizeIngress(raw).record);
    expect(m).toStrictEqual({ ...ING, metadata: { name: 'web', namespace: 'shop', annotations: { a: 'b' } }, spec });
  });
});
