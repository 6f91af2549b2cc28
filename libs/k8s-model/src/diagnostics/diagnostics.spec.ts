import { describe, expect, it } from 'vitest';
import { kIngress, kPod, kService, kSlice } from '../../test/builders.js';
import {
  type ClusterSnapshot,
  computeDiagnostics,
  diagnoseDuplicateHostPaths,
  normalizeEndpointSlice,
  normalizeIngress,
  normalizePod,
  normalizeService,
  parseInClusterServiceName,
} from '../index.js';

const now = '2026-01-01T01:00:00Z';
const svc = (name: string, spec: Record<string, unknown>, ns = 'default') => normalizeService(kService(name, spec, { ns })).record;
const snap = (p: Partial<ClusterSnapshot>): ClusterSnapshot => ({ cluster: 'c1', services: [], endpointSlices: [], pods: [], ingresses: [], ...p });
const codes = (s: ClusterSnapshot[]) => computeDiagnostics(s, { now }).map((d) => `${d.code} ${d.object.kind} ${d.object.name}`);
const route = (service: string, port: Record<string, unknown>, p = '/') => ({ path: p, pathType: 'Prefix', backend: { service: { name: service, port } } });

describe('service findings', () => {
  const web = svc('web', { clusterIP: '10.0.0.1', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] });
  it.each<[string, Partial<ClusterSnapshot>, string[]]>([
    ['healthy', { services: [web], pods: [normalizePod(kPod('w', { app: 'web' }, '10.1.0.1')).record], endpointSlices: [normalizeEndpointSlice(kSlice('web', [{ ip: '10.1.0.1' }], [{ name: 'http', port: 80 }])).record] }, []],
    ['selects no pods', { services: [web], pods: [normalizePod(kPod('w', { app: 'other' }, '10.1.0.1')).record] }, ['SERVICE_SELECTS_NO_PODS Service web']],
    ['pods in another namespace do not count', { services: [web], pods: [normalizePod(kPod('w', { app: 'web' }, '10.1.0.1', { ns: 'other' })).record] }, ['SERVICE_SELECTS_NO_PODS Service web']],
    ['pods, but none ready', { services: [web], pods: [normalizePod(kPod('w', { app: 'web' }, '10.1.0.1', { ready: false })).record], endpointSlices: [normalizeEndpointSlice(kSlice('web', [{ ip: '10.1.0.1', ready: false }], [{ name: 'http', port: 80 }])).record] }, ['SERVICE_NO_READY_ENDPOINTS Service web']],
    ['pods, slice not yet there', { services: [web], pods: [normalizePod(kPod('w', { app: 'web' }, '10.1.0.1')).record] }, ['SERVICE_NO_READY_ENDPOINTS Service web']],
    ['no selector: endpoints managed elsewhere', { services: [svc('ext-db', { clusterIP: '10.0.0.2', ports: [{ port: 5432 }] })] }, []],
    ['ExternalName to a missing in-cluster service', { services: [svc('alias', { type: 'ExternalName', externalName: 'db.data.svc.cluster.local' })] }, ['EXTERNAL_NAME_TARGET_MISSING Service alias']],
    ['ExternalName to an existing in-cluster service', { services: [svc('alias', { type: 'ExternalName', externalName: 'db.data.svc.cluster.local.' }), svc('db', { clusterIP: '10.0.0.3', ports: [{ port: 5432 }] }, 'data')] }, []],
    ['ExternalName outside the cluster', { services: [svc('alias', { type: 'ExternalName', externalName: 'db.example.com' })] }, []],
    ['ExternalName with another cluster domain', { clusterDomain: 'corp.local', services: [svc('alias', { type: 'ExternalName', externalName: 'db.data.svc.cluster.local' })] }, []],
  ])('%s', (_l, s, expected) => expect(codes([snap(s)])).toEqual(expected));

  it.each([
    ['db.data.svc.cluster.local', { name: 'db', namespace: 'data' }],
    ['DB.Data.svc.cluster.local.', { name: 'db', namespace: 'data' }],
    ['web-0.db.data.svc.cluster.local', null],
    ['db.svc.cluster.local', null],
    ['example.com', null],
  ])('parseInClusterServiceName(%s)', (n, expected) => expect(parseInClusterServiceName(n, 'cluster.local')).toEqual(expected));

  it('load balancer pending threshold is strict', () => {
    const lb = svc('lb', { type: 'LoadBalancer', clusterIP: '10.0.0.9', ports: [{ port: 80, nodePort: 30001 }] });
    const at = (seconds: number) => computeDiagnostics([snap({ services: [lb] })], { now: Date.parse('2026-01-01T00:00:00Z') + seconds * 1000, loadBalancerPendingSeconds: 60 }).map((d) => d.code);
    expect(at(60)).toEqual([]);
    expect(at(61)).toEqual(['LOAD_BALANCER_PENDING']);
  });
});

describe('ingress findings', () => {
  const web = svc('web', { clusterIP: '10.0.0.1', ports: [{ name: 'http', port: 80 }] });
  const ext = svc('ext', { type: 'ExternalName', externalName: 'example.com' });
  const ing = (spec: Record<string, unknown>) => normalizeIngress(kIngress('ing', spec)).record;
  it.each<[string, Record<string, unknown>, string[]]>([
    ['port by number ok', { rules: [{ host: 'a.example.com', http: { paths: [route('web', { number: 80 })] } }] }, []],
    ['port by name ok', { rules: [{ host: 'a.example.com', http: { paths: [route('web', { name: 'http' })] } }] }, []],
    ['ExternalName backend without ports ok', { rules: [{ host: 'a.example.com', http: { paths: [route('ext', { number: 443 })] } }] }, []],
    ['missing port number', { rules: [{ host: 'a.example.com', http: { paths: [route('web', { number: 8080 }), route('web', { number: 8080 }, '/x')] } }] }, ['INGRESS_BACKEND_PORT_MISSING Ingress ing']],
    ['missing port name', { rules: [{ host: 'a.example.com', http: { paths: [route('web', { name: 'grpc' })] } }] }, ['INGRESS_BACKEND_PORT_MISSING Ingress ing']],
    ['missing default backend service', { defaultBackend: { service: { name: 'gone', port: { number: 80 } } } }, ['INGRESS_BACKEND_SERVICE_MISSING Ingress ing']],
    ['resource backends are not checked', { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { kind: 'Bucket', name: 'b' } } }] } }] }, []],
  ])('%s', (_l, spec, expected) => expect(codes([snap({ services: [web, ext], ingresses: [ing(spec)] })])).toEqual(expected));

  it('names the paths and the ports the service has', () => {
    const d = computeDiagnostics([snap({ services: [web], ingresses: [ing({ rules: [{ host: 'a.example.com', http: { paths: [route('web', { number: 8080 }, '/api')] } }] })] })], { now });
    expect(d[0]!.message).toBe('Ingress default/ing routes a.example.com/api to port 8080 of service web, which has no such port (ports: 80 (http))');
  });
});

describe('duplicate host + path', () => {
  const ing = (name: string, rules: unknown[], ns = 'default') => normalizeIngress(kIngress(name, { rules }, { ns })).record;
  const rule = (host: string | undefined, ...paths: string[]) => ({ ...(host ? { host } : {}), http: { paths: paths.map((p) => route('web', { number: 80 }, p)) } });
  it('same cluster → ERROR for each claimant; host case-insensitive; host-less rules ignored', () => {
    const found = diagnoseDuplicateHostPaths([{ cluster: 'c1', ingresses: [ing('a', [rule('x.example.com', '/'), rule(undefined, '/')]), ing('b', [rule('X.example.com', '/'), rule(undefined, '/')], 'team')] }]);
    expect(found.map((d) => `${d.severity} ${d.object.namespace}/${d.object.name}: ${d.message}`)).toEqual([
      'ERROR default/a: Ingress default/a claims x.example.com/, also claimed by team/b',
      'ERROR team/b: Ingress team/b claims x.example.com/, also claimed by default/a',
    ]);
  });
  it('twice in the same ingress', () => {
    const found = diagnoseDuplicateHostPaths([{ cluster: 'c1', ingresses: [ing('a', [rule('x.example.com', '/api', '/api')])] }]);
    expect(found.map((d) => `${d.severity} ${d.message}`)).toEqual(['ERROR Ingress default/a claims x.example.com/api, also claimed by another rule of this ingress']);
  });
  it('different paths are fine', () => {
    expect(diagnoseDuplicateHostPaths([{ cluster: 'c1', ingresses: [ing('a', [rule('x.example.com', '/a')]), ing('b', [rule('x.example.com', '/b')])] }])).toEqual([]);
  });
  const to = (service: string, host: string, p = '/') => ({ host, http: { paths: [route(service, { number: 80 }, p)] } });
  it('across clusters, the same app (same namespace and service) behind one host is the multi-cluster pattern, not a conflict', () => {
    const found = diagnoseDuplicateHostPaths([
      { cluster: 'eu', ingresses: [ing('web', [to('web', 'shop.example.com')], 'shop')] },
      // another ingress name, same backend: still the same application
      { cluster: 'us', ingresses: [ing('web-public', [to('web', 'shop.example.com')], 'shop')] },
    ]);
    expect(found).toEqual([]);
  });
  it('across clusters, a different backend on the same host + path → WARNING on both, naming what each routes to', () => {
    const found = diagnoseDuplicateHostPaths([
      { cluster: 'eu', ingresses: [ing('web', [to('web', 'shop.example.com')], 'shop')] },
      { cluster: 'us', ingresses: [ing('web', [to('legacy', 'shop.example.com')], 'shop')] },
      { cluster: 'ap', ingresses: [ing('web', [to('web', 'shop.example.com')], 'shop')] },
    ]);
    expect(found.map((d) => `${d.severity} ${d.object.cluster}: ${d.message}`)).toEqual([
      'WARNING eu: Ingress shop/web claims shop.example.com/, also claimed by shop/web in cluster us (routing to shop/legacy, not shop/web)',
      'WARNING us: Ingress shop/web claims shop.example.com/, also claimed by shop/web in cluster eu (routing to shop/web, not shop/legacy), shop/web in cluster ap (routing to shop/web, not shop/legacy)',
      'WARNING ap: Ingress shop/web claims shop.example.com/, also claimed by shop/web in cluster us (routing to shop/legacy, not shop/web)',
    ]);
  });
  it('the same service name in another namespace is another backend', () => {
    const found = diagnoseDuplicateHostPaths([
      { cluster: 'eu', ingresses: [ing('web', [to('web', 'a.example.com')], 'team-a')] },
      { cluster: 'us', ingresses: [ing('web', [to('web', 'a.example.com')], 'team-b')] },
    ]);
    expect(found.map((d) => `${d.severity} ${d.object.cluster}`)).toEqual(['WARNING eu', 'WARNING us']);
  });
  it('within one cluster two ingresses stay an ERROR even with the same backend', () => {
    const found = diagnoseDuplicateHostPaths([{ cluster: 'eu', ingresses: [ing('a', [to('web', 'a.example.com')]), ing('b', [to('web', 'a.example.com')])] }]);
    expect(found.map((d) => d.severity)).toEqual(['ERROR', 'ERROR']);
  });
});
