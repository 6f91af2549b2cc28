import { describe, expect, it } from 'vitest';
import { kIngress, kNetworkPolicy, kNode, kPod, kService, kSlice, kWorkload, rng, T0 } from '../../test/builders.js';
import { normalize, normalizeEndpointSlice, normalizeIngress, normalizeNamespace, normalizeNode, normalizePod, normalizeService, NormalizeError } from '../index.js';

describe('normalizeService', () => {
  it('maps a NodePort service to its record, ports with string targetPort', () => {
    const raw = kService('web', {
      type: 'NodePort',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30007, protocol: 'TCP' },
        { name: 'grpc', port: 9090, targetPort: 'grpc', nodePort: 30008, appProtocol: 'grpc' },
      ],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    });
    const n = normalizeService(raw);
    expect(n.uid).toBe(raw.metadata.uid);
    expect(n.resourceVersion).toBe(raw.metadata.resourceVersion);
    expect(n.record).toEqual({
      namespace: 'default',
      name: 'web',
      uid: raw.metadata.uid,
      type: 'NodePort',
      headless: false,
      clusterIp: '10.96.0.10',
      clusterIps: ['10.96.0.10'],
      externalIps: [],
      externalName: null,
      selector: { app: 'web' },
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      publishNotReadyAddresses: false,
      loadBalancerClass: null,
      loadBalancerIngress: [],
      labels: {},
      annotations: {},
      resourceVersion: raw.metadata.resourceVersion,
      k8sCreatedAt: '2026-01-01T00:00:00.000Z',
      ports: [
        { position: 0, name: 'http', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: 30007, appProtocol: null },
        { position: 1, name: 'grpc', protocol: 'TCP', port: 9090, targetPort: 'grpc', nodePort: 30008, appProtocol: 'grpc' },
      ],
    });
  });

  it.each([
    ['no type → ClusterIP', { ports: [{ port: 80 }] }, { type: 'ClusterIP' }],
    ['targetPort defaults to port', { ports: [{ port: 81 }] }, { ports: [{ position: 0, name: '', protocol: 'TCP', port: 81, targetPort: '81', nodePort: null, appProtocol: null }] }],
    ['no selector → null', { ports: [{ port: 80 }] }, { selector: null }],
    ['empty selector → null', { selector: {}, ports: [{ port: 80 }] }, { selector: null }],
    ['headless', { clusterIP: 'None', clusterIPs: ['None'], selector: { a: 'b' } }, { headless: true, clusterIp: 'None', ports: [] }],
    ['ExternalName', { type: 'ExternalName', externalName: 'example.com' }, { type: 'ExternalName', externalName: 'example.com', clusterIp: null, clusterIps: [] }],
    ['clusterIPs filled from clusterIP', { clusterIP: '10.0.0.1', ports: [{ port: 80 }] }, { clusterIps: ['10.0.0.1'] }],
    ['nodePort 0 → null', { type: 'NodePort', ports: [{ port: 80, nodePort: 0 }] }, { ports: [expect.objectContaining({ nodePort: null })] }],
  ])('%s', (_label, spec, expected) => {
    expect(normalizeService(kService('s', spec)).record).toMatchObject(expected);
  });

  it('reads load balancer status', () => {
    const raw = kService('lb', { type: 'LoadBalancer', ports: [{ port: 80, nodePort: 31000 }] }, {
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.5' }, { hostname: 'lb.example.com', ports: [{ port: 80, protocol: 'TCP' }] }, {}] } },
    });
    expect(normalizeService(raw).record.loadBalancerIngress).toEqual([{ ip: '203.0.113.5' }, { hostname: 'lb.example.com', ports: [{ port: 80, protocol: 'TCP' }] }]);
  });

  it.each([
    ['not an object', 42, 'Service: (object): expected an object, got 42'],
    ['no metadata', { spec: {} }, 'Service: metadata: required'],
    ['no name', { metadata: { namespace: 'x', uid: 'u', resourceVersion: '1', creationTimestamp: T0 } }, 'Service: metadata.name: required'],
    ['no namespace', { metadata: { name: 'a', uid: 'u', resourceVersion: '1', creationTimestamp: T0 } }, 'Service: metadata.namespace: required'],
    ['bad timestamp', { metadata: { name: 'a', namespace: 'n', uid: 'u', resourceVersion: '1', creationTimestamp: 'yesterday' } }, 'Service n/a: metadata.creationTimestamp: expected an RFC 3339 timestamp, got "yesterday"'],
    ['port is a string', kService('web', { ports: [{ port: '80' }] }), 'Service default/web: spec.ports[0].port: expected an integer, got "80"'],
    ['port missing', kService('web', { ports: [{ name: 'x' }] }), 'Service default/web: spec.ports[0].port: required'],
    ['ports not a list', kService('web', { ports: { port: 80 } }), 'Service default/web: spec.ports: expected an array, got an object'],
    ['unknown type', kService('web', { type: 'Magic' }), 'Service default/web: spec.type: unsupported value "Magic", expected one of ClusterIP, NodePort, LoadBalancer, ExternalName'],
    ['label not a string', { ...kService('web', {}), metadata: { ...kService('web', {}).metadata, labels: { a: 1 } } }, 'Service default/web: metadata.labels["a"]: expected a string, got 1'],
    ['targetPort object', kService('web', { ports: [{ port: 80, targetPort: { x: 1 } }] }), 'Service default/web: spec.ports[0].targetPort: expected an integer or a string, got {"x":1}'],
  ])('rejects a malformed object: %s', (_l, raw, message) => {
    let err: unknown;
    try {
      normalizeService(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NormalizeError);
    expect((err as Error).message).toBe(message);
  });
});

describe('normalizeNode', () => {
  it('picks addresses, zone, region and readiness', () => {
    const raw = kNode('node-a', [['Hostname', 'node-a'], ['InternalIP', '192.168.0.10'], ['ExternalIP', '203.0.113.10'], ['InternalIP', '192.168.0.11']], {
      labels: { 'topology.kubernetes.io/zone': 'eu-1a', 'topology.kubernetes.io/region': 'eu-1' },
    });
    const r = normalizeNode(raw).record;
    expect(r).toMatchObject({ name: 'node-a', internalIp: '192.168.0.10', externalIp: '203.0.113.10', hostname: 'node-a', zone: 'eu-1a', region: 'eu-1', ready: true, unschedulable: false, podCidr: '10.244.0.0/24' });
    expect(r.addresses).toHaveLength(4);
  });
  it('is total: a node with only metadata', () => {
    const r = normalizeNode({ metadata: { name: 'n', uid: 'u', resourceVersion: '1', creationTimestamp: T0 } }).record;
    expect(r).toMatchObject({ addresses: [], internalIp: null, externalIp: null, hostname: null, zone: null, region: null, ready: false, podCidr: null });
  });
  it('NotReady', () => expect(normalizeNode(kNode('n', [], { ready: false })).record.ready).toBe(false));
});

describe('normalizePod', () => {
  it('maps readiness, IPs, owner, hostname, container ports', () => {
    const raw = kPod('web-0', { app: 'web' }, '10.244.0.5', { hostname: 'web-0', subdomain: 'web', ports: [{ name: 'http', containerPort: 8080 }] });
    expect(normalizePod(raw).record).toMatchObject({
      namespace: 'default',
      name: 'web-0',
      podIp: '10.244.0.5',
      podIps: ['10.244.0.5'],
      hostIp: '192.168.0.10',
      nodeName: 'node-a',
      phase: 'Running',
      ready: true,
      terminating: false,
      hostname: 'web-0',
      subdomain: 'web',
      ownerKind: 'ReplicaSet',
      ownerName: 'web-0-rs',
      ownerUid: expect.any(String),
      containerPorts: [{ container: 'app', name: 'http', containerPort: 8080, protocol: 'TCP' }],
      labels: { app: 'web' },
    });
  });
  it.each([
    ['not ready', kPod('p', {}, '10.0.0.1', { ready: false }), { ready: false }],
    ['terminating', kPod('p', {}, '10.0.0.1', { deleting: true }), { terminating: true }],
    ['pending, no IP', kPod('p', {}, undefined), { podIp: null, podIps: [] }],
  ])('%s', (_l, raw, expected) => expect(normalizePod(raw).record).toMatchObject(expected));
  it('ignores non-controller owners', () => {
    const raw = kPod('p', {}, '10.0.0.1');
    (raw.metadata as Record<string, unknown>)['ownerReferences'] = [{ apiVersion: 'v1', kind: 'Node', name: 'x', uid: 'u', controller: false }];
    expect(normalizePod(raw).record).toMatchObject({ ownerKind: null, ownerName: null, ownerUid: null });
  });
  it('fills podIps from podIP for old servers', () => {
    const raw = kPod('p', {}, undefined);
    (raw.status as Record<string, unknown>)['podIP'] = '10.0.0.9';
    expect(normalizePod(raw).record.podIps).toEqual(['10.0.0.9']);
  });
});

describe('normalizeEndpointSlice', () => {
  it('takes the service name from the label and flattens endpoints', () => {
    const raw = kSlice('web', [{ ip: '10.0.0.1', pod: 'web-0' }, { ip: '10.0.0.2', ready: false, hostname: 'web-1' }], [{ name: 'http', port: 8080 }]);
    const r = normalizeEndpointSlice(raw).record;
    expect(r).toMatchObject({ serviceName: 'web', addressType: 'IPv4', ports: [{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: null }] });
    expect(r.endpoints).toEqual([
      { position: 0, address: '10.0.0.1', addresses: ['10.0.0.1'], ready: true, serving: true, terminating: false, hostname: null, nodeName: 'node-a', zone: null, targetKind: 'Pod', targetName: 'web-0', targetUid: 'uid-web-0' },
      { position: 1, address: '10.0.0.2', addresses: ['10.0.0.2'], ready: false, serving: false, terminating: false, hostname: 'web-1', nodeName: 'node-a', zone: null, targetKind: null, targetName: null, targetUid: null },
    ]);
  });
  it('nil conditions mean ready and serving (API semantics)', () => {
    const raw = kSlice('web', [{ ip: '10.0.0.1' }], []);
    (raw.endpoints[0] as Record<string, unknown>)['conditions'] = {};
    expect(normalizeEndpointSlice(raw).record.endpoints[0]).toMatchObject({ ready: true, serving: true, terminating: false });
  });
  it('null endpoints and no label', () => {
    const raw = { metadata: { name: 's', namespace: 'n', uid: 'u', resourceVersion: '1', creationTimestamp: T0 }, addressType: 'IPv4', endpoints: null };
    expect(normalizeEndpointSlice(raw).record).toMatchObject({ serviceName: null, endpoints: [], ports: [] });
  });
  it.each([
    ['no addressType', { metadata: { name: 's', namespace: 'n', uid: 'u', resourceVersion: '1', creationTimestamp: T0 } }, 'EndpointSlice n/s: addressType: required'],
    ['empty addresses', { metadata: { name: 's', namespace: 'n', uid: 'u', resourceVersion: '1', creationTimestamp: T0 }, addressType: 'IPv4', endpoints: [{ addresses: [] }] }, 'EndpointSlice n/s: endpoints[0].addresses: must contain at least one address'],
  ])('rejects %s', (_l, raw, msg) => expect(() => normalizeEndpointSlice(raw)).toThrow(msg));
});

describe('normalizeIngress', () => {
  it('one rule row per rule × path, tls rows, default backend', () => {
    const raw = kIngress('app', {
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
      rules: [
        { host: 'a.example.com', http: { paths: [
          { path: '/', pathType: 'Prefix', backend: { service: { name: 'app', port: { number: 80 } } } },
          { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
        ] } },
        { host: 'b.example.com' },
        { http: { paths: [{ path: '/static', pathType: 'ImplementationSpecific', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } }] } },
      ],
      tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }, {}],
    }, { lb: [{ ip: '203.0.113.9' }] });
    const r = normalizeIngress(raw).record;
    expect(r.ingressClassName).toBe('nginx');
    expect(r.defaultBackend).toEqual({ service: { name: 'fallback', port: { name: 'http' } } });
    expect(r.loadBalancerIngress).toEqual([{ ip: '203.0.113.9' }]);
    expect(r.rules).toEqual([
      { position: 0, namespace: 'default', host: 'a.example.com', path: '/', pathType: 'Prefix', backendService: 'app', backendPortNumber: 80, backendPortName: null, backendResource: null },
      { position: 1, namespace: 'default', host: 'a.example.com', path: '/api', pathType: 'Prefix', backendService: 'api', backendPortNumber: null, backendPortName: 'http', backendResource: null },
      { position: 2, namespace: 'default', host: 'b.example.com', path: null, pathType: null, backendService: null, backendPortNumber: null, backendPortName: null, backendResource: null },
      { position: 3, namespace: 'default', host: null, path: '/static', pathType: 'ImplementationSpecific', backendService: null, backendPortNumber: null, backendPortName: null, backendResource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } },
    ]);
    expect(r.tls).toEqual([{ position: 0, hosts: ['a.example.com'], secretName: 'a-tls' }, { position: 1, hosts: [], secretName: null }]);
  });
  it('names the bad field', () => {
    const raw = kIngress('x', { rules: [{ host: 'a', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { port: { number: 80 } } } }] } }] });
    expect(() => normalizeIngress(raw)).toThrow('Ingress default/x: spec.rules[0].http.paths[0].backend.service.name: required');
  });
});

describe('normalizeNamespace and the generic dispatcher', () => {
  it('namespace', () => {
    const raw = { metadata: { name: 'default', uid: 'u', resourceVersion: '5', creationTimestamp: T0, labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } };
    expect(normalizeNamespace(raw)).toEqual({
      uid: 'u',
      resourceVersion: '5',
      record: { name: 'default', uid: 'u', phase: 'Active', labels: { 'kubernetes.io/metadata.name': 'default' }, annotations: {}, resourceVersion: '5', k8sCreatedAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(normalize('NAMESPACE', raw).record.name).toBe('default');
  });
});

// Property: dropping any optional part of a valid object never throws; dropping a
// required metadata field always throws a NormalizeError naming that field.
describe('normalisers are total (seeded property test)', () => {
  const samples: [Parameters<typeof normalize>[0], () => Record<string, unknown>][] = [
    ['SERVICE', () => kService('s', { type: 'LoadBalancer', clusterIP: '10.0.0.1', selector: { a: 'b' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30001, appProtocol: 'http' }] }, { status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } })],
    ['POD', () => kPod('p', { a: 'b' }, '10.0.0.1', { hostname: 'h', subdomain: 's', ports: [{ name: 'http', containerPort: 80 }] })],
    ['NODE', () => kNode('n', [['InternalIP', '10.0.0.1']], { labels: { 'topology.kubernetes.io/zone': 'z' } })],
    ['ENDPOINT_SLICE', () => kSlice('s', [{ ip: '10.0.0.1', pod: 'p', hostname: 'h' }], [{ name: 'x', port: 80 }])],
    ['NETWORK_POLICY', () => kNetworkPolicy('np', { podSelector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] }, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: {}, namespaceSelector: { matchLabels: { n: 'm' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 80, endPort: 90 }] }], egress: [{ to: [], ports: [{ port: 'dns', protocol: 'UDP' }] }] })],
    ['REPLICA_SET', () => kWorkload('apps/v1', 'ReplicaSet', 'rs', { replicas: 2, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } }, { owner: { kind: 'Deployment', name: 'd', uid: 'u' } })],
    ['CRON_JOB', () => kWorkload('batch/v1', 'CronJob', 'cj', { schedule: '* * * * *', jobTemplate: { spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } } } })],
    ['INGRESS', () => kIngress('i', { ingressClassName: 'c', rules: [{ host: 'h.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }], tls: [{ hosts: ['h.example.com'], secretName: 's' }] }, { lb: [{ ip: '1.2.3.4' }] })],
  ];
  const required = new Set(['metadata', 'name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'addresses', 'addressType', 'port', 'containerPort', 'type', 'address', 'ip', 'kind', 'cidr', 'key', 'operator']);

  // Collect paths of every optional key in an object tree.
  const optionalPaths = (o: unknown, path: (string | number)[] = []): (string | number)[][] => {
    if (typeof o !== 'object' || o === null) return [];
    const out: (string | number)[][] = [];
    for (const [k, v] of Object.entries(o)) {
      const p = [...path, Array.isArray(o) ? Number(k) : k];
      if (!Array.isArray(o) && !required.has(k)) out.push(p);
      out.push(...optionalPaths(v, p));
    }
    return out;
  };
  const drop = (o: Record<string, unknown>, p: (string | number)[]) => {
    let cur: unknown = o;
    for (const k of p.slice(0, -1)) cur = (cur as Record<string, unknown>)?.[k as string];
    if (cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[p[p.length - 1] as string];
  };

  it('never throws when optional fields are missing (300 cases)', () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const [kind, make] = r.pick(samples);
      const obj = make();
      const paths = optionalPaths(obj);
      const n = r.int(1, Math.max(1, Math.floor(paths.length / 2)));
      for (let j = 0; j < n; j++) drop(obj, r.pick(paths));
      expect(() => normalize(kind, obj), `${kind} case ${i}: ${JSON.stringify(obj)}`).not.toThrow();
    }
  });

  it('always names the field when a required metadata field is missing', () => {
    const r = rng(7);
    for (let i = 0; i < 60; i++) {
      const [kind, make] = r.pick(samples);
      const obj = make();
      const field = r.pick(['name', 'uid', 'resourceVersion', 'creationTimestamp'] as const);
      delete (obj['metadata'] as Record<string, unknown>)[field];
      expect(() => normalize(kind, obj)).toThrow(new RegExp(`metadata\\.${field}: required`));
    }
  });
});
