import { describe, expect, it } from 'vitest';
import { seedCluster } from '../../test/seed.js';
import { ingressAccessUrls, serviceAccessUrls } from '../index.js';

// Expected URLs of every seed service and ingress (DESIGN §2), in the documented order.
const c = seedCluster();
const urlsOf = (name: string) => {
  const service = c.services.find((s) => s.name === name)!;
  return serviceAccessUrls({ service, clusterDomain: c.clusterDomain, nodes: c.nodes, endpointSlices: c.endpointSlices, pods: c.pods, ingresses: c.ingresses }).map((u) => [u.url, u.scope, u.via, u.pending]);
};
const cluster = (svc: string, ip: string, scheme = 'http', port = 80) => [
  [`${scheme}://${svc}.default.svc.cluster.local:${port}`, 'IN_CLUSTER', 'CLUSTER_DNS', false],
  [`${scheme}://${svc}.default:${port}`, 'IN_CLUSTER', 'CLUSTER_DNS', false],
  [`${scheme}://${svc}:${port}`, 'IN_CLUSTER', 'CLUSTER_DNS', false],
  [`${scheme}://${ip}:${port}`, 'IN_CLUSTER', 'CLUSTER_IP', false],
];
const nodePorts = (np: number, scheme = 'http') => [
  [`${scheme}://203.0.113.10:${np}`, 'PUBLIC', 'NODE_PORT', false],
  [`${scheme}://192.168.49.2:${np}`, 'NODE_NETWORK', 'NODE_PORT', false],
  [`${scheme}://192.168.49.3:${np}`, 'NODE_NETWORK', 'NODE_PORT', false],
];

const expected: [string, unknown[][]][] = [
  ['kubernetes', cluster('kubernetes', '10.96.0.1', 'https', 443)],
  ['my-clusterip-service', cluster('my-clusterip-service', '10.96.0.10')],
  ['my-nodeport-service', [...nodePorts(30007), ...cluster('my-nodeport-service', '10.96.0.11')]],
  ['my-loadbalancer-service', [['http://172.18.255.1:80', 'PUBLIC', 'LOAD_BALANCER', false], ...nodePorts(31080), ...cluster('my-loadbalancer-service', '10.96.0.12')]],
  ['my-externalname-service', [['my-externalname-service.default.svc.cluster.local', 'IN_CLUSTER', 'EXTERNAL_NAME', false]]],
  [
    'headless-svc',
    [
      ['http://headless-svc.default.svc.cluster.local:80', 'IN_CLUSTER', 'CLUSTER_DNS', false],
      ['http://10.244.0.13:80', 'IN_CLUSTER', 'POD', false],
      ['http://10.244.0.14:80', 'IN_CLUSTER', 'POD', false],
      ['http://10.244.0.15:80', 'IN_CLUSTER', 'POD', false],
    ],
  ],
  ['app-service', [['https://learn.nextgenplayground.org/', 'PUBLIC', 'INGRESS', false], ...cluster('app-service', '10.96.0.13')]],
  ['api-service', [['https://learn.nextgenplayground.org/api', 'PUBLIC', 'INGRESS', false], ...cluster('api-service', '10.96.0.14')]],
  ['orphan-service', cluster('orphan-service', '10.96.0.15')],
  ['hello-svc', [...nodePorts(30500), ...cluster('hello-svc', '10.96.0.16', 'http', 8080)]],
];

describe('access URLs of the seed scenarios', () => {
  it('covers every seed service', () => {
    expect(expected.map(([n]) => n).sort()).toEqual(c.services.map((s) => s.name).sort());
  });
  it.each(expected)('%s', (name, urls) => {
    expect(urlsOf(name)).toEqual(urls);
  });

  it('ExternalName says it is a CNAME, not a proxy', () => {
    const service = c.services.find((s) => s.name === 'my-externalname-service')!;
    expect(serviceAccessUrls({ service })[0]!.note).toBe('CNAME alias for example.com; no proxying: clients connect to example.com directly');
  });

  it('pending load balancer while no address is assigned', () => {
    const p = seedCluster({ pendingLoadBalancers: true });
    const service = p.services.find((s) => s.name === 'my-loadbalancer-service')!;
    const urls = serviceAccessUrls({ service, nodes: p.nodes });
    expect(urls[0]).toEqual({ url: 'http://<pending>:80', scope: 'PUBLIC', via: 'LOAD_BALANCER', pending: true, port: 80, note: 'load balancer address not assigned yet' });
    expect(urls.filter((u) => u.pending)).toHaveLength(1);
    expect(urls.filter((u) => u.via === 'NODE_PORT')).toHaveLength(3);
  });

  it('ingress URLs link each path to its backend service and port', () => {
    const byName = Object.fromEntries(c.ingresses.map((i) => [i.name, ingressAccessUrls(i).map((u) => ({ url: u.url, scope: u.scope, via: u.via, pending: u.pending, backend: u.backend }))]));
    expect(byName).toEqual({
      'app-ingress': [
        { url: 'https://learn.nextgenplayground.org/', scope: 'PUBLIC', via: 'INGRESS', pending: false, backend: { service: 'app-service', portNumber: 80, portName: null } },
        { url: 'https://learn.nextgenplayground.org/api', scope: 'PUBLIC', via: 'INGRESS', pending: false, backend: { service: 'api-service', portNumber: 80, portName: null } },
      ],
      'broken-ingress': [{ url: 'http://broken.example.org/', scope: 'PUBLIC', via: 'INGRESS', pending: false, backend: { service: 'missing-service', portNumber: 80, portName: null } }],
    });
  });

  it('uses the per-cluster domain', () => {
    const d = seedCluster({ clusterDomain: 'prod.internal' });
    const service = d.services.find((s) => s.name === 'my-clusterip-service')!;
    expect(serviceAccessUrls({ service, clusterDomain: d.clusterDomain })[0]!.url).toBe('http://my-clusterip-service.default.svc.prod.internal:80');
  });
});
