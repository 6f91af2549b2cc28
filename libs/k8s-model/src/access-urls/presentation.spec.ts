import { describe, expect, it } from 'vitest';
import { type AccessUrl, groupAccessUrls, primaryAccessUrl } from '../index.js';

const u = (url: string, scope: AccessUrl['scope'], via: AccessUrl['via'], extra: Partial<AccessUrl> = {}): AccessUrl => ({ url, scope, via, pending: false, ...extra });

describe('primaryAccessUrl', () => {
  it.each<[string, AccessUrl[], string | null]>([
    ['nothing', [], null],
    ['ClusterIP: the FQDN, not the short name or the IP', [u('http://web.shop.svc.cluster.local:80', 'IN_CLUSTER', 'CLUSTER_DNS'), u('http://web:80', 'IN_CLUSTER', 'CLUSTER_DNS'), u('http://10.0.0.5:80', 'IN_CLUSTER', 'CLUSTER_IP')], 'http://web.shop.svc.cluster.local:80'],
    [
      'an ingress host beats the load balancer and node ports',
      [u('http://203.0.113.9:80', 'PUBLIC', 'LOAD_BALANCER'), u('https://shop.example.com/', 'PUBLIC', 'INGRESS'), u('http://198.51.100.1:30080', 'PUBLIC', 'NODE_PORT')],
      'https://shop.example.com/',
    ],
    ['a pending load balancer loses to a working node port', [u('http://<pending>:80', 'PUBLIC', 'LOAD_BALANCER', { pending: true }), u('http://10.0.1.4:31000', 'NODE_NETWORK', 'NODE_PORT')], 'http://10.0.1.4:31000'],
    ['a wildcard host pattern loses to a real host', [u('https://*.example.com/', 'PUBLIC', 'INGRESS', { pattern: true }), u('http://web.shop.svc.cluster.local:80', 'IN_CLUSTER', 'CLUSTER_DNS')], 'http://web.shop.svc.cluster.local:80'],
    ['only pending: shown, so the row says so', [u('http://<pending>:80', 'PUBLIC', 'LOAD_BALANCER', { pending: true })], 'http://<pending>:80'],
    ['node ports: the first node in the rule\u2019s order, external before internal', [u('http://198.51.100.1:30080', 'PUBLIC', 'NODE_PORT'), u('http://198.51.100.2:30080', 'PUBLIC', 'NODE_PORT'), u('http://10.0.1.1:30080', 'NODE_NETWORK', 'NODE_PORT')], 'http://198.51.100.1:30080'],
  ])('%s', (_name, urls, expected) => {
    expect(primaryAccessUrl(urls)?.url ?? null).toBe(expected);
  });
});

describe('groupAccessUrls', () => {
  it('widest scope first, empty scopes left out, order within a scope kept', () => {
    const urls = [u('a', 'IN_CLUSTER', 'CLUSTER_DNS'), u('b', 'PUBLIC', 'INGRESS'), u('c', 'IN_CLUSTER', 'CLUSTER_IP'), u('d', 'PUBLIC', 'LOAD_BALANCER')];
    expect(groupAccessUrls(urls).map((g) => `${g.title}: ${g.urls.map((x) => x.url).join(',')}`)).toEqual(['From the internet: b,d', 'Inside the cluster: a,c']);
  });
});
