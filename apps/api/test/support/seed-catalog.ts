import type { ServiceRecord } from '@switchboard/k8s-model';
import type { DatabaseService } from '../../src/database/database.service.js';

/**
 * Writes catalog rows straight into the real test database, for read-side tests
 * that need exact, large or changing data sets without a cluster behind them.
 */
export async function insertCluster(db: DatabaseService, name: string, clusterDomain = 'cluster.local'): Promise<string> {
  const c = await db.prisma.cluster.create({
    data: { name, displayName: name, server: `https://${name}.invalid`, authKind: 'TOKEN', credentials: new Uint8Array([0]), clusterDomain },
  });
  return c.id;
}

export function serviceRecord(namespace: string, name: string, over: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    namespace,
    name,
    uid: `uid-${namespace}-${name}`,
    type: 'ClusterIP',
    headless: false,
    clusterIp: '10.96.0.10',
    clusterIps: ['10.96.0.10'],
    externalIps: [],
    externalName: null,
    selector: { app: name },
    sessionAffinity: 'None',
    externalTrafficPolicy: null,
    internalTrafficPolicy: 'Cluster',
    publishNotReadyAddresses: false,
    loadBalancerClass: null,
    loadBalancerIngress: [],
    labels: { app: name },
    annotations: {},
    resourceVersion: '1',
    k8sCreatedAt: '2026-01-01T00:00:00.000Z',
    ports: [{ position: 0, name: '', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: null, appProtocol: null }],
    ...over,
  };
}

export async function insertService(db: DatabaseService, clusterId: string, r: ServiceRecord): Promise<string> {
  const { ports, k8sCreatedAt, selector, loadBalancerIngress, ...rest } = r;
  const s = await db.prisma.service.create({
    data: {
      ...rest,
      clusterId,
      selector: selector ?? undefined,
      loadBalancerIngress: loadBalancerIngress as object[],
      k8sCreatedAt: new Date(k8sCreatedAt),
      ports: { create: ports.map((p) => ({ ...p })) },
    },
  });
  return s.id;
}

export async function insertReadyEndpoint(db: DatabaseService, clusterId: string, namespace: string, service: string, ip: string): Promise<void> {
  await db.prisma.endpointSlice.create({
    data: {
      clusterId,
      namespace,
      name: `${service}-${ip.replace(/\./g, '')}`,
      uid: `slice-${service}-${ip}`,
      serviceName: service,
      addressType: 'IPv4',
      ports: [{ name: '', port: 8080, protocol: 'TCP', appProtocol: null }],
      resourceVersion: '1',
      k8sCreatedAt: new Date('2026-01-01T00:00:00Z'),
      endpoints: { create: [{ position: 0, address: ip, addresses: [ip], ready: true, serving: true, terminating: false }] },
    },
  });
}

export async function insertIngress(
  db: DatabaseService,
  clusterId: string,
  namespace: string,
  name: string,
  rules: { host: string | null; path: string; service: string; port: number }[],
  tls: { hosts: string[]; secretName: string }[] = [],
  loadBalancerIngress: { ip?: string; hostname?: string }[] = [],
): Promise<void> {
  await db.prisma.ingress.create({
    data: {
      clusterId,
      namespace,
      name,
      uid: `ing-${namespace}-${name}`,
      ingressClassName: 'nginx',
      loadBalancerIngress,
      resourceVersion: '1',
      k8sCreatedAt: new Date('2026-01-01T00:00:00Z'),
      rules: {
        create: rules.map((r, position) => ({
          position,
          clusterId,
          namespace,
          host: r.host,
          path: r.path,
          pathType: 'Prefix',
          backendService: r.service,
          backendPortNumber: r.port,
        })),
      },
      tls: { create: tls.map((t, position) => ({ position, ...t })) },
    },
  });
}

/** `count` running pods named `<prefix>-<n>` in one statement (for size limits). */
export async function insertPods(db: DatabaseService, clusterId: string, namespace: string, prefix: string, count: number): Promise<void> {
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "Pod" ("clusterId", namespace, name, uid, "podIp", phase, ready, "resourceVersion", "k8sCreatedAt")
     SELECT $1::uuid, $2, $3 || '-' || n, $3 || '-uid-' || n, '10.244.0.1', 'Running', true, '1', now() FROM generate_series(1, $4::int) AS n`,
    clusterId,
    namespace,
    prefix,
    count,
  );
}
