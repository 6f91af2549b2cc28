import { describe, expect, it } from 'vitest';
import { kIngress, kNode, kPod, kService, kSlice, rng } from '../../test/builders.js';
import { type AccessUrl, normalizeEndpointSlice, normalizeIngress, normalizeNode, normalizePod, normalizeService, serviceAccessUrls } from '../index.js';

const svc = (name: string, spec: Record<string, unknown>, status?: unknown) => normalizeService(kService(name, spec, status ? { status } : {})).record;
const short = (urls: AccessUrl[]) => urls.map((u) => `${u.via} ${u.scope} ${u.url}${u.pending ? ' (pending)' : ''}${u.pattern ? ' (pattern)' : ''}`);

describe('ClusterIP', () => {
  it('several ports: FQDN per port, short forms for the first port, cluster IP per port (dual stack)', () => {
    const s = svc('web', { clusterIP: '10.0.0.5', clusterIPs: ['10.0.0.5', 'fd00::5'], ports: [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }] });
    expect(short(serviceAccessUrls({ service: s }))).toEqual([
      'CLUSTER_DNS IN_CLUSTER http://web.default.svc.cluster.local:80',
      'CLUSTER_DNS IN_CLUSTER tcp://web.default.svc.cluster.local:9090',
      'CLUSTER_DNS IN_CLUSTER http://web.default:80',
      'CLUSTER_DNS IN_CLUSTER http://web:80',
      'CLUSTER_IP IN_CLUSTER http://10.0.0.5:80',
      'CLUSTER_IP IN_CLUSTER tcp://10.0.0.5:9090',
      'CLUSTER_IP IN_CLUSTER http://[fd00::5]:80',
      'CLUSTER_IP IN_CLUSTER tcp://[fd00::5]:9090',
    ]);
  });
  it('every form says where it works: the short names only from pods, the bare name only from its own namespace', () => {
    const s = svc('web', { clusterIP: '10.0.0.5', ports: [{ name: 'http', port: 80 }] }, undefined);
    const notes = Object.fromEntries(serviceAccessUrls({ service: { ...s, namespace: 'billing' } }).map((u) => [u.url, u.note]));
    expect(notes).toEqual({
      'http://web.billing.svc.cluster.local:80': 'from any pod in the cluster (cluster DNS); not from nodes or outside the cluster',
      'http://web.billing:80': 'short form: resolves from pods in any namespace through the DNS search path; not from nodes or outside the cluster',
      'http://web:80': 'short form: resolves only from pods in namespace billing; not from nodes or outside the cluster',
      'http://10.0.0.5:80': 'virtual IP: from pods and nodes of this cluster; not from outside',
    });
  });
  it('UDP port', () => {
    const s = svc('dns', { clusterIP: '10.0.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] });
    expect(serviceAccessUrls({ service: s })[0]!.url).toBe('udp://dns.default.svc.cluster.local:53');
  });
  it('cluster IP not allocated yet is pending', () => {
    const s = svc('web', { ports: [{ port: 80 }] });
    expect(short(serviceAccessUrls({ service: s })).at(-1)).toBe('CLUSTER_IP IN_CLUSTER http://<pending>:80 (pending)');
  });
  it('trailing dot in the cluster domain is ignored', () => {
    const s = svc('web', { clusterIP: '10.0.0.5', ports: [{ port: 80 }] });
    expect(serviceAccessUrls({ service: s, clusterDomain: 'corp.local.' })[0]!.url).toBe('http://web.default.svc.corp.local:80');
  });
});

describe('headless', () => {
  const pods = [
    kPod('db-1', { app: 'db' }, '10.1.0.2', { hostname: 'db-1', subdomain: 'db', ports: [{ name: 'pg', containerPort: 5432 }] }),
    kPod('db-0', { app: 'db' }, '10.1.0.1', { hostname: 'db-0', subdomain: 'db', ports: [{ name: 'pg', containerPort: 5432 }] }),
    kPod('db-2', { app: 'db' }, '10.1.0.3', { hostname: 'db-2', subdomain: 'db', ready: false, ports: [{ name: 'pg', containerPort: 5432 }] }),
    kPod('other', { app: 'other' }, '10.1.0.9', { hostname: 'x', subdomain: 'db' }),
  ].map((p) => normalizePod(p).record);
  const s = svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432, targetPort: 'pg', appProtocol: 'postgresql' }] });
  const slices = [
    normalizeEndpointSlice(kSlice('db', [{ ip: '10.1.0.2', pod: 'db-1', hostname: 'db-1' }, { ip: '10.1.0.1', pod: 'db-0', hostname: 'db-0' }, { ip: '10.1.0.3', ready: false }], [{ name: 'pg', port: 5432 }])).record,
    normalizeEndpointSlice(kSlice('other', [{ ip: '10.9.9.9' }], [{ name: 'pg', port: 1 }], { name: 'other-x' })).record,
  ];
  it('DNS name, ready endpoints at the target port, per-pod names', () => {
    expect(short(serviceAccessUrls({ service: s, endpointSlices: slices, pods }))).toEqual([
      'CLUSTER_DNS IN_CLUSTER postgresql://db.default.svc.cluster.local:5432',
      'POD IN_CLUSTER postgresql://10.1.0.1:5432',
      'POD IN_CLUSTER postgresql://10.1.0.2:5432',
      'POD IN_CLUSTER postgresql://db-0.db.default.svc.cluster.local:5432',
      'POD IN_CLUSTER postgresql://db-1.db.default.svc.cluster.local:5432',
    ]);
  });
  it('resolves a named target port from pods when no slice exists yet', () => {
    const urls = serviceAccessUrls({ service: s, pods });
    expect(urls[0]).toMatchObject({ url: 'postgresql://db.default.svc.cluster.local:5432', port: 5432 });
  });
  it('unresolved named target port: no port in the URL, and a note', () => {
    const urls = serviceAccessUrls({ service: s });
    expect(urls).toEqual([{ url: 'postgresql://db.default.svc.cluster.local', scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false, host: 'db.default.svc.cluster.local', note: 'headless: resolves to the ready pod IPs, from any pod in the cluster; named target port pg not resolved' }]);
  });
  it('headless without ports', () => {
    const bare = svc('db', { clusterIP: 'None', selector: { app: 'db' } });
    expect(short(serviceAccessUrls({ service: bare, endpointSlices: slices }))).toEqual([
      'CLUSTER_DNS IN_CLUSTER db.default.svc.cluster.local',
      'POD IN_CLUSTER 10.1.0.1',
      'POD IN_CLUSTER 10.1.0.2',
      'POD IN_CLUSTER db-0.db.default.svc.cluster.local',
      'POD IN_CLUSTER db-1.db.default.svc.cluster.local',
    ]);
  });
});

describe('NodePort and LoadBalancer', () => {
  const nodes = [
    kNode('b', [['InternalIP', '10.0.1.2']], { ready: false }),
    kNode('a', [['InternalIP', '10.0.1.1'], ['ExternalIP', '198.51.100.1'], ['Hostname', 'a']]),
  ].map((n) => normalizeNode(n).record);
  it('every node address, ExternalIP public, InternalIP node network, nodes by name', () => {
    const s = svc('web', { type: 'NodePort', clusterIP: '10.0.0.5', ports: [{ name: 'https', port: 443, nodePort: 30443 }] });
    const urls = serviceAccessUrls({ service: s, nodes });
    expect(short(urls).slice(0, 3)).toEqual(['NODE_PORT PUBLIC https://198.51.100.1:30443', 'NODE_PORT NODE_NETWORK https://10.0.1.1:30443', 'NODE_PORT NODE_NETWORK https://10.0.1.2:30443']);
    expect(urls[2]).toMatchObject({ note: 'node b (not ready)', port: 30443, host: '10.0.1.2' });
  });
  it('no nodes known: a pattern with the node port', () => {
    const s = svc('web', { type: 'NodePort', clusterIP: '10.0.0.5', ports: [{ port: 80, nodePort: 30080 }] });
    expect(serviceAccessUrls({ service: s })[0]).toMatchObject({ url: 'http://<node>:30080', pattern: true, scope: 'NODE_NETWORK', via: 'NODE_PORT' });
  });
  it('node port not allocated yet is pending', () => {
    const s = svc('web', { type: 'NodePort', clusterIP: '10.0.0.5', ports: [{ port: 80 }] });
    expect(serviceAccessUrls({ service: s, nodes })[0]).toMatchObject({ via: 'NODE_PORT', pending: true });
  });
  it('LoadBalancer: ip and hostname entries per port; no node ports when not allocated', () => {
    const s = svc('lb', { type: 'LoadBalancer', clusterIP: '10.0.0.6', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'lb.example.net' }] } });
    expect(short(serviceAccessUrls({ service: s, nodes })).slice(0, 5)).toEqual([
      'LOAD_BALANCER PUBLIC http://203.0.113.7:80',
      'LOAD_BALANCER PUBLIC https://203.0.113.7:443',
      'LOAD_BALANCER PUBLIC http://lb.example.net:80',
      'LOAD_BALANCER PUBLIC https://lb.example.net:443',
      'CLUSTER_DNS IN_CLUSTER http://lb.default.svc.cluster.local:80',
    ]);
  });
});

describe('ingress URLs on the service', () => {
  const s = svc('web', { clusterIP: '10.0.0.5', ports: [{ name: 'http', port: 8080 }, { name: 'admin', port: 9000 }] });
  const ing = (name: string, spec: Record<string, unknown>, lb?: { ip?: string; hostname?: string }[]) => normalizeIngress(kIngress(name, spec, lb ? { lb } : {})).record;
  const path = (p: string, port: Record<string, unknown>, service = 'web', pathType = 'Prefix') => ({ path: p, pathType, backend: { service: { name: service, port } } });
  it('TLS, wildcard TLS, wildcard host patterns, host-less rules, port by name and number', () => {
    const ingresses = [
      ing('b', {
        tls: [{ hosts: ['*.example.com'] }],
        rules: [
          { host: 'shop.example.com', http: { paths: [path('/', { name: 'http' })] } },
          { host: 'a.b.example.com', http: { paths: [path('/deep', { number: 8080 })] } },
          { host: '*.example.com', http: { paths: [path('/any', { number: 8080 })] } },
          { http: { paths: [path('/nohost', { number: 8080 })] } },
          { host: 'x.example.org', http: { paths: [path('/wrong-port', { number: 1234 }), path('/other', { number: 80 }, 'other')] } },
        ],
      }),
      ing('a', { rules: [{ http: { paths: [path('/admin', { name: 'admin' })] } }] }, [{ ip: '203.0.113.1' }, { hostname: 'ing.example.net' }]),
    ];
    expect(short(serviceAccessUrls({ service: s, ingresses })).filter((u) => u.startsWith('INGRESS'))).toEqual([
      'INGRESS PUBLIC http://203.0.113.1/admin',
      'INGRESS PUBLIC http://ing.example.net/admin',
      'INGRESS PUBLIC https://shop.example.com/',
      'INGRESS PUBLIC http://a.b.example.com/deep',
      'INGRESS PUBLIC https://*.example.com/any (pattern)',
      'INGRESS PUBLIC http://<pending>/nohost (pending)',
    ]);
  });
  it('ignores ingresses of other namespaces', () => {
    const other = normalizeIngress(kIngress('x', { rules: [{ host: 'h.example.com', http: { paths: [path('/', { number: 8080 })] } }] }, { ns: 'other' })).record;
    expect(serviceAccessUrls({ service: s, ingresses: [other] }).some((u) => u.via === 'INGRESS')).toBe(false);
  });
});

describe('determinism (seeded property test)', () => {
  it('the same inputs in any order give the same URLs', () => {
    const r = rng(99);
    const nodes = Array.from({ length: 5 }, (_, i) => normalizeNode(kNode(`n${i}`, [['InternalIP', `10.0.1.${i}`], ['ExternalIP', `198.51.100.${i}`]])).record);
    const slices = Array.from({ length: 4 }, (_, i) => normalizeEndpointSlice(kSlice('web', [{ ip: `10.1.${i}.1` }, { ip: `10.1.${i}.2` }], [{ name: 'http', port: 8080 }], { name: `web-${i}` })).record);
    const ingresses = Array.from({ length: 3 }, (_, i) =>
      normalizeIngress(kIngress(`ing-${i}`, { rules: [{ host: `h${i}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] })).record,
    );
    const shuffle = <T>(xs: T[]) => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = r.int(0, i);
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a;
    };
    for (const spec of [
      { type: 'NodePort', clusterIP: '10.0.0.1', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30001 }] },
      { type: 'LoadBalancer', clusterIP: '10.0.0.1', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30001 }] },
      { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    ]) {
      const service = svc('web', spec, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } });
      const base = serviceAccessUrls({ service, nodes, endpointSlices: slices, ingresses });
      for (let i = 0; i < 50; i++) {
        expect(serviceAccessUrls({ service, nodes: shuffle(nodes), endpointSlices: shuffle(slices), ingresses: shuffle(ingresses) })).toEqual(base);
      }
      // Every URL is well-formed: scope/via pairs are the allowed ones.
      for (const u of base) {
        const allowed: Record<string, string[]> = { CLUSTER_DNS: ['IN_CLUSTER'], CLUSTER_IP: ['IN_CLUSTER'], POD: ['IN_CLUSTER'], NODE_PORT: ['PUBLIC', 'NODE_NETWORK'], LOAD_BALANCER: ['PUBLIC'], INGRESS: ['PUBLIC'] };
        expect(allowed[u.via]).toContain(u.scope);
      }
    }
  });
});
