import { describe, expect, it } from 'vitest';
import { normalizeService, validateClusterInput, validateClusterUpdate, validateExposeInput, validateTokenInput, formatIssues, validateServiceInput } from '../index.js';
import { kService } from '../../test/builders.js';

const rules = (xs: { field: string; rule: string }[]) => xs.map((i) => `${i.field}:${i.rule}`);

describe('validateExposeInput', () => {
  const clusterIp = normalizeService(kService('web', { clusterIP: '10.0.0.1', ports: [{ name: 'http', port: 80 }] })).record;
  const headless = normalizeService(kService('db', { clusterIP: 'None', ports: [{ port: 5432 }] })).record;
  const ext = normalizeService(kService('ext', { type: 'ExternalName', externalName: 'example.com' })).record;
  it.each<[string, unknown, typeof clusterIp | undefined, string[]]>([
    ['NodePort with fixed port', { via: 'NODE_PORT', nodePort: 30080 }, clusterIp, []],
    ['LoadBalancer', { via: 'LOAD_BALANCER' }, clusterIp, []],
    ['Ingress with TLS', { via: 'INGRESS', host: 'app.example.com', path: '/app', pathType: 'Prefix', ingressClassName: 'nginx', tls: { secretName: 'app-tls' } }, clusterIp, []],
    ['Ingress with defaults', { via: 'INGRESS' }, clusterIp, []],
    ['Ingress to a headless service', { via: 'INGRESS', host: 'db.example.com' }, headless, []],
    ['missing via', {}, undefined, ['via:required']],
    ['bad via', { via: 'HOST_PORT' }, undefined, ['via:notSupported']],
    ['node port out of range', { via: 'NODE_PORT', nodePort: 80 }, undefined, ['nodePort:range']],
    ['node port with ingress', { via: 'INGRESS', nodePort: 30001 }, undefined, ['nodePort:forbidden']],
    ['ingress fields with NodePort', { via: 'NODE_PORT', host: 'a.example.com', tls: { secretName: 'x' } }, undefined, ['host:forbidden', 'tls:forbidden']],
    ['path without slash', { via: 'INGRESS', path: 'app' }, undefined, ['path:absolutePath']],
    ['bad host', { via: 'INGRESS', host: '10.1.1.1' }, undefined, ['host:ipHost']],
    ['tls without host', { via: 'INGRESS', tls: { secretName: 'x' } }, undefined, ['host:required']],
    ['tls without secret', { via: 'INGRESS', host: 'a.example.com', tls: {} }, undefined, ['tls.secretName:required']],
    ['headless via NodePort', { via: 'NODE_PORT' }, headless, ['via:forbidden']],
    ['ExternalName via LoadBalancer', { via: 'LOAD_BALANCER' }, ext, ['via:forbidden']],
    ['unknown port', { via: 'NODE_PORT', port: 'grpc' }, clusterIp, ['port:notFound']],
  ])('%s', (_l, input, svc, expected) => expect(rules(validateExposeInput(input, svc))).toEqual(expected));
});

describe('validateClusterInput', () => {
  it.each<[string, unknown, string[]]>([
    ['kubeconfig + context', { name: 'prod-eu', kubeconfig: 'apiVersion: v1', context: 'prod', labels: { env: 'prod' }, clusterDomain: 'cluster.local' }, []],
    ['server + token + CA', { name: 'dev', server: 'https://10.0.0.1:6443', token: 't', caData: 'LS0tLS1CRUdJTg==' }, []],
    ['in cluster', { name: 'local', inCluster: true }, []],
    ['no way to connect', { name: 'x' }, ['kubeconfig:required']],
    ['two ways', { name: 'x', kubeconfig: 'k', inCluster: true }, ['inCluster:forbidden']],
    ['server without token', { name: 'x', server: 'https://k8s.example.com' }, ['token:required']],
    ['bad server URL', { name: 'x', server: 'k8s.example.com', token: 't' }, ['server:url']],
    ['context without kubeconfig', { name: 'x', inCluster: true, context: 'c' }, ['context:forbidden']],
    ['bad name', { name: 'Prod EU', inCluster: true }, ['name:dns1123Label']],
    ['bad CA', { name: 'x', server: 'https://a', token: 't', caData: 'not base64!' }, ['caData:base64']],
    ['bad domain', { name: 'x', inCluster: true, clusterDomain: 'Cluster.Local' }, ['clusterDomain:dns1123Subdomain']],
    ['bad labels', { name: 'x', inCluster: true, labels: { env: 'a b' } }, ['labels["env"]:labelValue']],
  ])('%s', (_l, input, expected) => expect(rules(validateClusterInput(input))).toEqual(expected));
});

describe('validateClusterUpdate', () => {
  it.each<[string, unknown, string[]]>([
    ['rename, relabel, domain, pause', { name: 'prod-eu', displayName: 'Production EU', labels: { env: 'prod' }, clusterDomain: 'corp.internal', paused: true }, []],
    ['nothing', {}, []],
    ['empty display name', { displayName: '' }, ['displayName:tooLong']],
    ['bad name and domain', { name: 'Prod EU', clusterDomain: 'Not_A_Domain' }, ['name:dns1123Label', 'clusterDomain:dns1123Subdomain']],
    ['bad label value', { labels: { env: 'a b' } }, ['labels["env"]:labelValue']],
    ['connection fields', { server: 'https://a', token: 't' }, ['server:forbidden', 'token:forbidden']],
    ['paused not a flag', { paused: 'yes' }, ['paused:type']],
  ])('%s', (_l, input, expected) => expect(rules(validateClusterUpdate(input))).toEqual(expected));
});

describe('validateTokenInput', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it.each<[string, unknown, string[]]>([
    ['operator with grants', { name: 'ci', role: 'operator', grants: [{ cluster: 'prod', namespace: 'team-*' }, { cluster: '*', namespace: '*' }], expiresAt: '2027-01-01T00:00:00Z' }, []],
    ['viewer, no grants', { name: 'dash', role: 'viewer' }, []],
    ['viewer reading its grants only', { name: 'dash', role: 'viewer', readScope: 'GRANTS', grants: [{ namespace: 'team-a' }] }, []],
    ['missing role', { name: 'x' }, ['role:required']],
    ['bad role', { name: 'x', role: 'root' }, ['role:notSupported']],
    ['bad grant', { name: 'x', role: 'operator', grants: [{ cluster: 'Prod', namespace: 'Team A' }] }, ['grants[0].cluster:dns1123Label', 'grants[0].namespace:invalidPattern']],
    ['grant with unknown field', { name: 'x', role: 'operator', grants: [{ namespace: 'a', verbs: ['*'] }] }, ['grants[0].verbs:forbidden']],
    ['operator without grants', { name: 'x', role: 'operator' }, ['grants:required']],
    ['admin with grants', { name: 'x', role: 'admin', grants: [{ namespace: 'a' }] }, ['grants:forbidden']],
    ['GRANTS read scope without grants', { name: 'x', role: 'viewer', readScope: 'GRANTS' }, ['grants:required']],
    ['bad read scope', { name: 'x', role: 'viewer', readScope: 'SOME' }, ['readScope:notSupported']],
    ['name with spaces around', { name: ' x ', role: 'viewer' }, ['name:invalidName']],
    ['unknown field', { name: 'x', role: 'viewer', password: 'p' }, ['password:forbidden']],
    ['expired', { name: 'x', role: 'admin', expiresAt: '2026-01-01T00:00:00Z' }, ['expiresAt:past']],
    ['too far ahead', { name: 'x', role: 'admin', expiresAt: '2040-01-01T00:00:00Z' }, ['expiresAt:range']],
    ['not a timestamp', { name: 'x', role: 'admin', expiresAt: 'tomorrow' }, ['expiresAt:timestamp']],
  ])('%s', (_l, input, expected) => expect(rules(validateTokenInput(input, now))).toEqual(expected));
});

describe('formatIssues', () => {
  it('reads like the API server', () => {
    expect(formatIssues('Service', 'web', validateServiceInput({ name: 'web', ports: [{ port: 70000 }] }))).toBe('Service "web" is invalid: ports[0].port: must be between 1 and 65535, got 70000');
  });
});
