import { describe, expect, it } from 'vitest';
import { kIngress } from '../../test/builders.js';
import { ingressAccessUrls, ingressSchemeFor, normalizeIngress, tlsHostCovers } from '../index.js';

const route = (p: string, service = 'web', port: Record<string, unknown> = { number: 80 }) => ({ path: p, pathType: 'Prefix', backend: { service: { name: service, port } } });

describe('tlsHostCovers', () => {
  it.each([
    ['a.example.com', 'a.example.com', true],
    ['A.Example.com', 'a.example.com', true],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '*.example.com', true],
    ['a.example.com', '*.example.com', false],
  ])('%s covers %s → %s', (tls, host, expected) => expect(tlsHostCovers(tls, host)).toBe(expected));
});

describe('ingressAccessUrls', () => {
  it('host-less rules per load-balancer address (IPv6 bracketed), https when a TLS entry has no hosts', () => {
    const ing = normalizeIngress(kIngress('i', { tls: [{ secretName: 'default-cert' }], rules: [{ http: { paths: [route('/')] } }] }, { lb: [{ ip: '2001:db8::1' }, { ip: '203.0.113.4', hostname: 'lb.example.net' }] })).record;
    expect(ingressSchemeFor(ing, null)).toBe('https');
    expect(ingressAccessUrls(ing).map((u) => u.url)).toEqual(['https://[2001:db8::1]/', 'https://203.0.113.4/', 'https://lb.example.net/']);
  });
  it('default backend and resource backends', () => {
    const ing = normalizeIngress(
      kIngress('i', {
        defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
        rules: [{ host: 'a.example.com', http: { paths: [{ path: '/static', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'assets' } } }] } }],
      }),
    ).record;
    expect(ingressAccessUrls(ing)).toEqual([
      { url: 'http://a.example.com/static', scope: 'PUBLIC', via: 'INGRESS', pending: false, port: 80, host: 'a.example.com', ingress: { namespace: 'default', name: 'i' }, rulePosition: 0, path: '/static', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'assets' } } },
      { url: 'http://<pending>/', scope: 'PUBLIC', via: 'INGRESS', pending: true, port: 80, note: 'default backend: requests that match no rule; no host: waiting for the ingress controller to assign an address', ingress: { namespace: 'default', name: 'i' }, rulePosition: null, path: '/', pathType: null, backend: { service: 'fallback', portNumber: null, portName: 'http' } },
    ]);
  });
  it('a host rule without paths routes nothing; a path-less entry means "/"', () => {
    const ing = normalizeIngress(kIngress('i', { rules: [{ host: 'a.example.com' }, { host: 'b.example.com', http: { paths: [{ pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] })).record;
    expect(ingressAccessUrls(ing).map((u) => `${u.url} ${u.rulePosition}`)).toEqual(['http://b.example.com/ 1']);
  });
  it('wildcard hosts are patterns with a note', () => {
    const ing = normalizeIngress(kIngress('i', { tls: [{ hosts: ['*.apps.example.com'] }], rules: [{ host: '*.apps.example.com', http: { paths: [route('/')] } }] })).record;
    expect(ingressAccessUrls(ing)[0]).toMatchObject({ url: 'https://*.apps.example.com/', pattern: true, port: 443, note: "wildcard host: matches any single label in place of '*'" });
  });
});
