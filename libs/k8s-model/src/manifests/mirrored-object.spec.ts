import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kNetworkPolicy, kService } from '../../test/builders.js';
import { seedCluster } from '../../test/seed.js';
import { ingressObjectFromRecord, networkPolicyObjectFromRecord, normalizeIngress, normalizeNetworkPolicy, normalizeService, serviceObjectFromRecord, type IngressRecord, type ServiceRecord } from '../index.js';

// A ClusterIP service as the API server stores it, normalised; each case changes what it tests.
const BASE = {
  ...normalizeService(kService('web', { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], selector: { app: 'web' }, sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] }, { ns: 'shop' })).record,
  uid: 'uid-web',
  resourceVersion: '4711',
};
const service = (over: Partial<ServiceRecord> = {}): ServiceRecord => ({ ...BASE, ...over });

const META = { creationTimestamp: '2026-01-01T00:00:00Z', name: 'web', namespace: 'shop', resourceVersion: '4711', uid: 'uid-web' };
const SPEC = { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], internalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { app: 'web' }, sessionAffinity: 'None', type: 'ClusterIP' };
const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('serviceObjectFromRecord', () => {
  it.each<[string, Partial<ServiceRecord>, object]>([
    [
      'a ClusterIP service: numeric target port as a number, empty status',
      {},
      { apiVersion: 'v1', kind: 'Service', metadata: META, spec: SPEC, status: { loadBalancer: {} } },
    ],
    [
      'labels and annotations (last-applied included: it is what the object carries), keys sorted',
      { labels: { tier: 'fe', app: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Service"}', 'a.example/owner': 'team-a' } },
      {
        metadata: {
          annotations: { 'a.example/owner': 'team-a', 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Service"}' },
          creationTimestamp: '2026-01-01T00:00:00Z',
          labels: { app: 'web', tier: 'fe' },
          name: 'web',
          namespace: 'shop',
          resourceVersion: '4711',
          uid: 'uid-web',
        },
      },
    ],
    [
      'a headless service with a named target port and an app protocol',
      { headless: true, clusterIp: 'None', clusterIps: ['None'], ports: [{ position: 0, name: 'grpc', protocol: 'TCP', port: 9090, targetPort: 'grpc', nodePort: null, appProtocol: 'kubernetes.io/h2c' }] },
      { spec: { ...SPEC, clusterIP: 'None', clusterIPs: ['None'], ports: [{ appProtocol: 'kubernetes.io/h2c', name: 'grpc', port: 9090, protocol: 'TCP', targetPort: 'grpc' }] } },
    ],
    [
      'a LoadBalancer with an address, node ports in port order, traffic policy and class',
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        loadBalancerClass: 'example.com/lb',
        loadBalancerIngress: [{ ip: '203.0.113.7', ports: [{ port: 443, protocol: 'TCP', error: 'Pending' }] }, { hostname: 'lb.example.org' }],
        ports: [
          { position: 1, name: 'https', protocol: 'TCP', port: 443, targetPort: '8443', nodePort: 31443, appProtocol: null },
          { position: 0, name: 'http', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: 31080, appProtocol: null },
        ],
      },
      {
        spec: {
          ...SPEC,
          externalTrafficPolicy: 'Local',
          loadBalancerClass: 'example.com/lb',
          ports: [
            { name: 'http', nodePort: 31080, port: 80, protocol: 'TCP', targetPort: 8080 },
            { name: 'https', nodePort: 31443, port: 443, protocol: 'TCP', targetPort: 8443 },
          ],
          type: 'LoadBalancer',
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.7', ports: [{ error: 'Pending', port: 443, protocol: 'TCP' }] }, { hostname: 'lb.example.org' }] } },
      },
    ],
    [
      'a pending LoadBalancer: status.loadBalancer stays empty',
      { type: 'LoadBalancer', ports: [{ position: 0, name: '', protocol: 'TCP', port: 80, targetPort: '80', nodePort: 30080, appProtocol: null }] },
      { spec: { ...SPEC, ports: [{ nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 80 }], type: 'LoadBalancer' }, status: { loadBalancer: {} } },
    ],
    [
      'an ExternalName service: no cluster IP, no selector, no ports',
      { type: 'ExternalName', externalName: 'example.com', clusterIp: null, clusterIps: [], selector: null, internalTrafficPolicy: null, ports: [] },
      { spec: { externalName: 'example.com', sessionAffinity: 'None', type: 'ExternalName' } },
    ],
    [
      'external IPs and publishNotReadyAddresses (only when set)',
      { externalIps: ['198.51.100.4'], publishNotReadyAddresses: true },
      { spec: { ...SPEC, externalIPs: ['198.51.100.4'], publishNotReadyAddresses: true } },
    ],
  ])('%s', (_name, over, expected) => {
    const got = serviceObjectFromRecord(service(over)) as Record<string, object>;
    for (const [part, want] of Object.entries(expected)) {
      expect(got[part], part).toEqual(want);
      if (typeof want === 'object') expect(Object.keys(got[part]!), `${part} keys in kubectl order`).toEqual(Object.keys(sorted(want)));
    }
  });

  it('prints keys in kubectl order at every depth', () => {
    const text = stringify(serviceObjectFromRecord(service({ labels: { b: '1', a: '2' } })));
    expect(text.split('\n').filter((l) => /^\S/.test(l))).toEqual(['apiVersion: v1', 'kind: Service', 'metadata:', 'spec:', 'status:']);
    expect(text).toContain('  labels:\n    a: "2"\n    b: "1"\n');
  });

  it('normalises back to the same record for every seed service', () => {
    for (const s of [...seedCluster().services, ...seedCluster({ pendingLoadBalancers: true }).services]) {
      expect(normalizeService(serviceObjectFromRecord(s)).record, s.name).toEqual(s);
    }
  });
});

describe('ingressObjectFromRecord', () => {
  const seed = seedCluster();
  const appIngress = seed.ingresses.find((i) => i.name === 'app-ingress')!;

  it('renders rules grouped by host, TLS, class and the address', () => {
    expect(ingressObjectFromRecord(appIngress)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        creationTimestamp: '2026-01-01T00:00:00Z',
        name: 'app-ingress',
        namespace: 'default',
        resourceVersion: appIngress.resourceVersion,
        uid: appIngress.uid,
      },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'learn.nextgenplayground.org',
            http: {
              paths: [
                { backend: { service: { name: 'app-service', port: { number: 80 } } }, path: '/', pathType: 'Prefix' },
                { backend: { service: { name: 'api-service', port: { number: 80 } } }, path: '/api', pathType: 'Prefix' },
              ],
            },
          },
        ],
        tls: [{ hosts: ['learn.nextgenplayground.org'], secretName: 'tls-secret' }],
      },
      status: { loadBalancer: { ingress: [{ ip: '172.18.255.100' }] } },
    });
  });

  it.each<[string, Partial<IngressRecord>, object]>([
    ['a pending address: empty status', { loadBalancerIngress: [] }, { status: { loadBalancer: {} } }],
    [
      'a default backend and a resource backend, labels',
      {
        labels: { app: 'site' },
        defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
        rules: [{ position: 0, namespace: 'default', host: null, path: '/static', pathType: 'ImplementationSpecific', backendService: null, backendPortNumber: null, backendPortName: null, backendResource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } }],
        tls: [],
      },
      {
        metadata: { labels: { app: 'site' } },
        spec: {
          defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
          rules: [{ http: { paths: [{ backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } }, path: '/static', pathType: 'ImplementationSpecific' }] } }],
        },
      },
    ],
  ])('%s', (_name, over, expected) => {
    expect(ingressObjectFromRecord({ ...appIngress, ...over })).toMatchObject(expected);
  });

  it('normalises back to the same record for every seed ingress', () => {
    for (const i of [...seed.ingresses, ...seedCluster({ pendingIngresses: true }).ingresses]) {
      expect(normalizeIngress(ingressObjectFromRecord(i)).record, i.name).toEqual(i);
    }
  });
});

describe('networkPolicyObjectFromRecord', () => {
  const SPEC = {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] } }], ports: [{ protocol: 'TCP', port: 'http' }, { protocol: 'UDP', port: 5000, endPort: 5010 }] },
      { ports: [{ protocol: 'TCP', port: 9090 }] },
    ],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }, { to: [] }],
  };
  const record = normalizeNetworkPolicy(kNetworkPolicy('api-in', SPEC, { ns: 'shop' })).record;

  it('prints the spec as the API server stores it: missing lists stay missing, an empty `to` stays empty, ports by name and range', () => {
    const o = networkPolicyObjectFromRecord(record) as { spec: typeof SPEC; metadata: Record<string, unknown> };
    expect(o.spec.ingress).toEqual([
      { from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] }, podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http', protocol: 'TCP' }, { endPort: 5010, port: 5000, protocol: 'UDP' }] },
      { ports: [{ port: 9090, protocol: 'TCP' }] },
    ]);
    expect(o.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }, { to: [] }]);
    expect(o.metadata).toMatchObject({ name: 'api-in', namespace: 'shop' });
  });

  it('normalises back to the same record', () => {
    expect(normalizeNetworkPolicy(networkPolicyObjectFromRecord(record)).record).toEqual(record);
  });

  it('an empty pod selector prints as {} (every pod of the namespace)', () => {
    const deny = normalizeNetworkPolicy(kNetworkPolicy('deny', { podSelector: {}, policyTypes: ['Ingress'] })).record;
    expect((networkPolicyObjectFromRecord(deny) as { spec: unknown }).spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });
});
