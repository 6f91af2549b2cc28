import { describe, expect, it } from 'vitest';
import { rng } from '../../test/builders.js';
import {
  ingressManifest,
  ingressManifestFromRecord,
  normalizeIngress,
  normalizeService,
  serviceManifest,
  serviceUpdateManifest,
  validateServiceInput,
  type IngressInput,
  type IngressManifest,
  type ServiceInput,
  type ServiceManifest,
  type ServiceRecord,
} from '../index.js';

/**
 * What the API server adds to a Service it stores (the defaults listed in
 * KUBERNETES-NOTES): identity, a cluster IP unless headless or ExternalName, protocol
 * and targetPort defaults, node ports for NodePort/LoadBalancer, policies, empty status.
 */
function serverDefaults(m: ServiceManifest, n = 1, old?: ServiceRecord): unknown {
  const spec: Record<string, unknown> = { ...m.spec };
  const type = m.spec.type;
  // On update an unset node port keeps the old one of the same port name (patchAllocatedValues).
  const oldNodePort = (name: string | undefined) => old?.ports.find((p) => p.name === (name ?? ''))?.nodePort ?? undefined;
  if (type !== 'ExternalName') {
    const ip = m.spec.clusterIP ?? `10.96.0.${10 + n}`;
    Object.assign(spec, { clusterIP: ip, clusterIPs: [ip], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' });
    if (type === 'NodePort' || type === 'LoadBalancer') spec['externalTrafficPolicy'] = 'Cluster';
    if (type === 'LoadBalancer') spec['allocateLoadBalancerNodePorts'] = true;
    spec['ports'] = (m.spec.ports ?? []).map((p, i) => ({
      ...p,
      protocol: p.protocol ?? 'TCP',
      targetPort: p.targetPort ?? p.port,
      ...(type === 'NodePort' || type === 'LoadBalancer' ? { nodePort: p.nodePort ?? oldNodePort(p.name) ?? 30100 + i } : {}),
    }));
  } else spec['sessionAffinity'] = 'None';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...m.metadata, uid: `uid-${m.metadata.name}`, resourceVersion: String(100 + n), creationTimestamp: '2026-01-01T00:00:00Z' },
    spec,
    status: { loadBalancer: {} },
  };
}

const base = {
  namespace: 'shop',
  uid: 'uid-web',
  resourceVersion: '101',
  k8sCreatedAt: '2026-01-01T00:00:00.000Z',
  externalIps: [],
  externalName: null,
  selector: null,
  externalTrafficPolicy: null,
  publishNotReadyAddresses: false,
  loadBalancerClass: null,
  loadBalancerIngress: [],
  labels: {},
  annotations: {},
};
const port = (position: number, name: string, p: number, targetPort: string, extra: { nodePort?: number; protocol?: string; appProtocol?: string } = {}) => ({
  position,
  name,
  protocol: extra.protocol ?? 'TCP',
  port: p,
  targetPort,
  nodePort: extra.nodePort ?? null,
  appProtocol: extra.appProtocol ?? null,
});
const cip = { clusterIp: '10.96.0.11', clusterIps: ['10.96.0.11'], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', headless: false };

describe('round trip: input → manifest → server defaults → catalog record', () => {
  it.each<[string, ServiceInput, ServiceRecord]>([
    [
      'ClusterIP',
      { name: 'web', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'http' }, { name: 'metrics', port: 9090 }], labels: { team: 'a' }, annotations: { note: 'x' } },
      { ...base, ...cip, name: 'web', type: 'ClusterIP', selector: { app: 'web' }, labels: { team: 'a' }, annotations: { note: 'x' }, ports: [port(0, 'http', 80, 'http', { appProtocol: 'http' }), port(1, 'metrics', 9090, '9090')] },
    ],
    [
      'NodePort, one fixed node port, one allocated',
      { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP' }] },
      { ...base, ...cip, name: 'web', type: 'NodePort', selector: { app: 'web' }, externalTrafficPolicy: 'Cluster', ports: [port(0, 'http', 80, '8080', { nodePort: 30080 }), port(1, 'dns', 53, '53', { protocol: 'UDP', nodePort: 30101 })] },
    ],
    [
      'LoadBalancer',
      { name: 'web', type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8443 }] },
      { ...base, ...cip, name: 'web', type: 'LoadBalancer', selector: { app: 'web' }, externalTrafficPolicy: 'Cluster', ports: [port(0, '', 443, '8443', { nodePort: 30100 })] },
    ],
    [
      'headless',
      { name: 'web', headless: true, selector: { app: 'web' }, ports: [{ name: 'pg', port: 5432 }] },
      { ...base, ...cip, name: 'web', type: 'ClusterIP', headless: true, clusterIp: 'None', clusterIps: ['None'], selector: { app: 'web' }, ports: [port(0, 'pg', 5432, '5432')] },
    ],
    [
      'ExternalName',
      { name: 'web', type: 'ExternalName', externalName: 'db.example.com' },
      { ...base, name: 'web', type: 'ExternalName', headless: false, clusterIp: null, clusterIps: [], sessionAffinity: 'None', internalTrafficPolicy: null, externalName: 'db.example.com', ports: [] },
    ],
  ])('%s', (_l, input, expected) => {
    const created = serviceManifest(input, { namespace: 'shop' });
    const record = normalizeService(serverDefaults(created)).record;
    expect(record).toEqual(expected);
    // Restating the stored record (an update without changes) changes nothing the
    // catalog sees, and sends the create's body again except for the allocated node
    // ports, which stay the server's.
    const update = serviceUpdateManifest(record, {});
    if (!update.ok) throw new Error(update.message);
    expect(normalizeService(serverDefaults(update.manifest, 1, record)).record).toEqual(expected);
    const withoutNodePorts = (m: ServiceManifest) => ({ ...m, spec: { ...m.spec, ports: m.spec.ports?.map(({ nodePort: _n, ...p }) => p) } });
    expect(withoutNodePorts(update.manifest)).toEqual(withoutNodePorts(created));
  });
});

describe('round trip, property: any valid input survives create → store → restate', () => {
  it('300 random service inputs', () => {
    const r = rng(6);
    for (let n = 0; n < 300; n++) {
      const type = r.pick(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const);
      const headless = type === 'ClusterIP' && r.bool(0.2);
      const count = type === 'ExternalName' ? 0 : r.int(headless ? 0 : 1, 3);
      const ports = Array.from({ length: count }, (_, i) => ({
        ...(count > 1 || r.bool() ? { name: `p${i}` } : {}),
        port: 1000 * (i + 1) + r.int(0, 99),
        ...(r.bool() ? { targetPort: r.bool() ? r.int(1, 65535) : `t${i}` } : {}),
        ...(r.bool(0.3) ? { protocol: r.pick(['TCP', 'UDP', 'SCTP'] as const) } : {}),
        ...(r.bool(0.2) ? { appProtocol: 'http' } : {}),
        ...((type === 'NodePort' || type === 'LoadBalancer') && r.bool(0.3) ? { nodePort: 30000 + 100 * i + r.int(0, 99) } : {}),
      }));
      const input: ServiceInput = {
        name: `svc-${n}`,
        ...(type !== 'ClusterIP' || r.bool() ? { type } : {}),
        ...(headless ? { headless } : {}),
        ...(type !== 'ExternalName' && r.bool(0.8) ? { selector: { app: `a${n}` } } : {}),
        ...(type === 'ExternalName' ? { externalName: 'x.example.com' } : {}),
        ...(count ? { ports } : {}),
        ...(r.bool(0.3) ? { labels: { team: 't' } } : {}),
        ...(r.bool(0.3) ? { annotations: { note: 'n' } } : {}),
      };
      expect(validateServiceInput(input), JSON.stringify(input)).toEqual([]);
      const record = normalizeService(serverDefaults(serviceManifest(input, { namespace: 'shop' }), n)).record;
      const update = serviceUpdateManifest(record, {});
      if (!update.ok) throw new Error(`${JSON.stringify(input)}: ${update.message}`);
      expect(normalizeService(serverDefaults(update.manifest, n, record)).record, JSON.stringify(input)).toEqual(record);
      // The restated body is the create's body, up to defaults and allocated node ports.
      expect(update.manifest.spec.type).toBe(input.type ?? 'ClusterIP');
      expect(update.manifest.spec.ports?.length ?? 0).toBe(count);
    }
  });
});

describe('round trip: ingress input → manifest → stored → manifest', () => {
  it.each<[string, IngressInput]>([
    ['simple', { name: 'web', rules: [{ host: 'web.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }] }] }],
    [
      'everything',
      {
        name: 'edge',
        ingressClassName: 'nginx',
        defaultBackend: { service: 'fallback', port: 'http' },
        rules: [
          { host: 'a.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'a', port: 80 }, { path: '/api', pathType: 'Exact', service: 'api', port: 'grpc' }] },
          { host: null, paths: [{ pathType: 'ImplementationSpecific', service: 'b', port: 8080 }] },
        ],
        tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }],
        labels: { team: 'a' },
        annotations: { x: 'y' },
      },
    ],
  ])('%s', (_l, input) => {
    const m: IngressManifest = ingressManifest(input, { namespace: 'shop' });
    const stored = { ...m, metadata: { ...m.metadata, uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' }, status: { loadBalancer: {} } };
    expect(ingressManifestFromRecord(normalizeIngress(stored).record)).toStrictEqual(m);
  });
});
