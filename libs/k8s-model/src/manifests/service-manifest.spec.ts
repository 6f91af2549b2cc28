import { describe, expect, it } from 'vitest';
import { kService } from '../../test/builders.js';
import {
  normalizeService,
  serviceInputFromRecord,
  serviceManifest,
  serviceUpdateManifest,
  validateServiceInput,
  type ServiceInput,
  type ServiceManifest,
  type ServiceRecord,
} from '../index.js';

const NS = { namespace: 'shop' };
const meta = (name: string, extra: object = {}) => ({ name, namespace: 'shop', ...extra });

describe('serviceManifest', () => {
  it.each<[string, ServiceInput, ServiceManifest]>([
    [
      'ClusterIP with defaults left to the server',
      { name: 'web', selector: { app: 'web' }, ports: [{ port: 80 }] },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ protocol: 'TCP', port: 80 }] } },
    ],
    [
      'ClusterIP, every port field, labels and annotations',
      {
        name: 'web',
        type: 'ClusterIP',
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
          { name: 'metrics', port: 9090, targetPort: 9091 },
        ],
        labels: { team: 'a' },
        annotations: { 'example.com/owner': 'a' },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('web', { labels: { team: 'a' }, annotations: { 'example.com/owner': 'a' } }),
        spec: {
          type: 'ClusterIP',
          selector: { app: 'web' },
          ports: [
            { name: 'http', protocol: 'TCP', appProtocol: 'http', port: 80, targetPort: 'http' },
            { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: 9091 },
          ],
        },
      },
    ],
    [
      'numeric-string target port becomes a number',
      { name: 'web', ports: [{ port: 80, targetPort: '8080' }] },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'ClusterIP', ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }] } },
    ],
    [
      'NodePort with a fixed node port',
      { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] } },
    ],
    [
      'NodePort with nodePort 0 (allocate) sends none',
      { name: 'web', type: 'NodePort', ports: [{ port: 80, nodePort: 0 }] },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'NodePort', ports: [{ protocol: 'TCP', port: 80 }] } },
    ],
    [
      'LoadBalancer, UDP',
      { name: 'dns', type: 'LoadBalancer', selector: { app: 'dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('dns'), spec: { type: 'LoadBalancer', selector: { app: 'dns' }, ports: [{ name: 'dns', protocol: 'UDP', port: 53 }] } },
    ],
    [
      'ExternalName: no selector, ports or cluster IP',
      { name: 'ext', type: 'ExternalName', externalName: 'db.example.com' },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('ext'), spec: { type: 'ExternalName', externalName: 'db.example.com' } },
    ],
    [
      'headless with ports',
      { name: 'db', headless: true, selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('db'), spec: { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', protocol: 'TCP', port: 5432 }] } },
    ],
    [
      'headless without ports',
      { name: 'db', headless: true, selector: { app: 'db' } },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('db'), spec: { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' } } },
    ],
    [
      'empty maps and nulls are not sent',
      { name: 'web', type: null, selector: {}, ports: [{ port: 80, name: null, targetPort: null, appProtocol: null, nodePort: null, protocol: null }], labels: {}, annotations: null },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'ClusterIP', ports: [{ protocol: 'TCP', port: 80 }] } },
    ],
  ])('%s', (_label, input, expected) => {
    expect(validateServiceInput(input)).toEqual([]);
    // toStrictEqual: no undefined-valued keys either (they would be sent as absent, but say "owned").
    expect(serviceManifest(input, NS)).toStrictEqual(expected);
  });

  it('never copies the kubectl last-applied annotation', () => {
    const m = serviceManifest({ name: 'web', ports: [{ port: 80 }], annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', a: 'b' } }, NS);
    expect(m.metadata.annotations).toEqual({ a: 'b' });
  });

  it('copies maps instead of aliasing the input', () => {
    const input: ServiceInput = { name: 'web', selector: { app: 'web' }, ports: [{ port: 80 }], labels: { a: 'b' } };
    const m = serviceManifest(input, NS);
    m.spec.selector!['x'] = 'y';
    m.metadata.labels!['x'] = 'y';
    expect(input.selector).toEqual({ app: 'web' });
    expect(input.labels).toEqual({ a: 'b' });
  });
});

const record = (spec: Record<string, unknown>, labels?: Record<string, string>): ServiceRecord =>
  normalizeService(kService('web', spec, { ns: 'shop', ...(labels ? { labels } : {}) })).record;

const clusterIp = () =>
  record(
    {
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
        { name: 'grpc', protocol: 'TCP', port: 9000, targetPort: 9000, appProtocol: 'kubernetes.io/h2c' },
      ],
    },
    { team: 'a' },
  );

describe('serviceInputFromRecord', () => {
  it('states what the record holds, leaving server defaults out', () => {
    expect(serviceInputFromRecord(clusterIp())).toStrictEqual({
      name: 'web',
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
        { name: 'grpc', port: 9000, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
      ],
      labels: { team: 'a' },
    });
  });

  it('keeps allocated node ports only when asked (rollback)', () => {
    const np = record({ type: 'NodePort', clusterIP: '10.96.0.11', ports: [{ port: 80, targetPort: 80, nodePort: 31234, protocol: 'TCP' }] });
    expect(serviceInputFromRecord(np).ports).toStrictEqual([{ port: 80, protocol: 'TCP' }]);
    expect(serviceInputFromRecord(np, { nodePorts: true }).ports).toStrictEqual([{ port: 80, protocol: 'TCP', nodePort: 31234 }]);
  });
});

describe('serviceUpdateManifest', () => {
  const ok = (r: ReturnType<typeof serviceUpdateManifest>) => {
    if (!r.ok) throw new Error(r.message);
    return r.manifest;
  };

  it('no change restates the current state (SSA removes what we stop sending)', () => {
    const m = ok(serviceUpdateManifest(clusterIp(), {}));
    expect(m).toStrictEqual(serviceManifest(serviceInputFromRecord(clusterIp()), NS));
    expect(m.spec).toStrictEqual({
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
        { name: 'grpc', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c', port: 9000 },
      ],
    });
  });

  it.each<[string, Partial<ServiceInput>, (m: ServiceManifest) => unknown, unknown]>([
    ['ports replaced', { ports: [{ port: 8080 }] }, (m) => m.spec.ports, [{ protocol: 'TCP', port: 8080 }]],
    ['selector replaced', { selector: { app: 'web2' } }, (m) => m.spec.selector, { app: 'web2' }],
    ['selector cleared with null', { selector: null }, (m) => 'selector' in m.spec, false],
    ['labels replaced', { labels: { team: 'b' } }, (m) => m.metadata.labels, { team: 'b' }],
    ['to NodePort with a fixed port', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }] }, (m) => [m.spec.type, m.spec.ports], ['NodePort', [{ name: 'http', protocol: 'TCP', port: 80, nodePort: 30080 }]]],
    ['to LoadBalancer keeps ports', { type: 'LoadBalancer' }, (m) => [m.spec.type, m.spec.ports?.length], ['LoadBalancer', 2]],
    ['to ExternalName drops selector and ports', { type: 'ExternalName', externalName: 'example.com' }, (m) => m.spec, { type: 'ExternalName', externalName: 'example.com' }],
  ])('%s', (_l, change, pick, expected) => {
    expect(pick(ok(serviceUpdateManifest(clusterIp(), change)))).toEqual(expected);
  });

  it('from ExternalName to ClusterIP drops externalName', () => {
    const ext = record({ type: 'ExternalName', externalName: 'example.com' });
    expect(ok(serviceUpdateManifest(ext, { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80 }] })).spec).toStrictEqual({
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [{ protocol: 'TCP', port: 80 }],
    });
  });

  it('NodePort → ClusterIP sends no node ports (the server drops the allocated ones)', () => {
    const np = record({ type: 'NodePort', clusterIP: '10.96.0.11', ports: [{ port: 80, targetPort: 80, nodePort: 31234, protocol: 'TCP' }] });
    expect(ok(serviceUpdateManifest(np, { type: 'ClusterIP' })).spec).toStrictEqual({ type: 'ClusterIP', ports: [{ protocol: 'TCP', port: 80 }] });
  });

  it('sends resourceVersion as a precondition when given', () => {
    expect(ok(serviceUpdateManifest(clusterIp(), {}, { resourceVersion: '42' })).metadata.resourceVersion).toBe('42');
  });

  it.each<[string, () => ServiceRecord, Partial<ServiceInput>, 'invalid' | 'recreateRequired', string[]]>([
    ['ClusterIP → headless', clusterIp, { headless: true }, 'recreateRequired', ['headless|immutable']],
    ['headless → ClusterIP', () => record({ clusterIP: 'None', selector: { app: 'db' } }), { headless: false, ports: [{ port: 80 }] }, 'recreateRequired', ['headless|immutable']],
    ['headless → NodePort', () => record({ clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] }), { type: 'NodePort' }, 'recreateRequired', ['type|immutable']],
    ['rename', clusterIp, { name: 'web2' }, 'recreateRequired', ['name|immutable']],
    ['bad port', clusterIp, { ports: [{ port: 70000 }] }, 'invalid', ['ports[0].port|range']],
    ['node port on ClusterIP', clusterIp, { ports: [{ port: 80, nodePort: 30080 }] }, 'invalid', ['ports[0].nodePort|forbidden']],
    ['ExternalName without a name', clusterIp, { type: 'ExternalName' }, 'invalid', ['externalName|required']],
  ])('refuses %s', (_l, current, change, reason, fields) => {
    const r = serviceUpdateManifest(current(), change);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.issues.map((i) => `${i.field}|${i.rule}`)).toEqual(fields);
    expect(r.message).toMatch(/^Service "web" is invalid: /);
  });
});
