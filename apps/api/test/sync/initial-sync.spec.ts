import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { type Comparison, MIRRORED, waitForEqualCatalog } from './catalog-vs-cluster.js';

/**
 * Objects for what the seed scenarios leave at defaults, so every column of the
 * catalog holds a real value somewhere (a dropped column cannot hide behind a default).
 */
const COVERAGE = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'platform', labels: { team: 'platform' }, annotations: { 'owner.example.com/contact': 'platform@example.com' } } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'db-0', namespace: 'platform', labels: { app: 'db' } },
    spec: { hostname: 'db-0', subdomain: 'db', containers: [{ name: 'db', image: 'db:1', ports: [{ name: 'sql', containerPort: 5432 }] }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'node-agent', namespace: 'platform', labels: { app: 'node-agent' } },
    spec: { hostNetwork: true, containers: [{ name: 'agent', image: 'agent:1' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'platform' },
    spec: { clusterIP: 'None', selector: { app: 'db' }, publishNotReadyAddresses: true, ports: [{ name: 'sql', port: 5432, targetPort: 'sql' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'edge', namespace: 'platform', annotations: { 'lb.example.com/tier': 'premium' } },
    spec: {
      type: 'LoadBalancer',
      loadBalancerClass: 'example.com/lb',
      externalIPs: ['192.0.2.10'],
      sessionAffinity: 'ClientIP',
      externalTrafficPolicy: 'Local',
      selector: { app: 'db' },
      ports: [
        { name: 'https', port: 443, targetPort: 8443, appProtocol: 'https' },
        { name: 'dns', port: 53, protocol: 'UDP' },
      ],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'fallback', namespace: 'platform', labels: { team: 'platform' } },
    spec: {
      defaultBackend: { service: { name: 'db', port: { name: 'sql' } } },
      tls: [{ hosts: ['a.platform.example.org'], secretName: 'a-tls' }, { hosts: ['b.platform.example.org', 'c.platform.example.org'] }],
      rules: [
        {
          host: '*.platform.example.org',
          http: {
            paths: [
              { path: '/static', pathType: 'ImplementationSpecific', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } } },
              { path: '/db', pathType: 'Exact', backend: { service: { name: 'db', port: { name: 'sql' } } } },
            ],
          },
        },
        { host: 'nopaths.platform.example.org' },
      ],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'db-ingress', namespace: 'platform', labels: { team: 'platform' }, annotations: { 'policy.example.com/ticket': 'SEC-1' } },
    spec: {
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'platform' } }, podSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.9.0.0/16'] } }], ports: [{ port: 'sql' }, { protocol: 'TCP', port: 6000, endPort: 6010 }] }],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'UDP', port: 53 }] }],
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'cache', namespace: 'platform', labels: { team: 'platform' } },
    spec: { serviceName: 'cache', replicas: 2, selector: { matchLabels: { app: 'cache' } }, template: { metadata: { labels: { app: 'cache' } }, spec: { containers: [{ name: 'cache', image: 'cache:1' }] } } },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'platform' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } } },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'backup', namespace: 'platform' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'backup' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'backup:1' }] } } } } },
  },
  {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'legacy', namespace: 'platform' },
    spec: { replicas: 1, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'legacy', image: 'legacy:1' }] } } },
  },
];

/** Nothing kube-sim can produce sets these: it deletes pods at once, so none is ever terminating. */
const NEVER_SET = ['Endpoint.terminating', 'Pod.terminating'];

describe('initial sync equals the cluster, column by column', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sims: SimCluster[] = [];
  const ids = new Map<string, string>();
  const compared = new Map<string, Comparison>();

  beforeAll(async () => {
    sims = await Promise.all([
      // The seed scenarios as shipped, with a load-balancer provider.
      startCluster({ name: 'seed', scenario: 'seed' }),
      // The same without a provider (pending addresses) and with pods that never get ready.
      startCluster({ name: 'seed-pending', scenario: 'seed', loadBalancer: false, podReadyDelayMs: 600_000 }),
      // A generated spread (every service type, named ports, TLS) plus the coverage objects.
      startCluster({ name: 'varied', generate: { seed: 4, namespaces: 3, servicesPerNamespace: 14, podsPerService: 2, ingressesPerNamespace: 3 }, loadBalancer: { hostnames: true } }),
    ]);
    const varied = sims[2]!;
    await varied.apply(COVERAGE);
    const node = varied.list('v1', 'Node')[0] as { spec: object };
    await varied.apply({ ...node, spec: { ...node.spec, unschedulable: true } }); // kubectl cordon
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_PAGE_SIZE: '7' })); // small pages: the list really paginates
    for (const sim of sims) {
      await registerCluster(api, sim.name, sim.kubeconfig());
      ids.set(sim.name, (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: sim.name } })).id);
    }
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  for (const name of ['seed', 'seed-pending', 'varied']) {
    it(`${name}: every row of every kind has the cluster's values in every column`, async () => {
      const sim = sims.find((s) => s.name === name)!;
      // Controllers (slices, load-balancer addresses) may still write right after the list.
      const result = await waitForEqualCatalog(api.database, ids.get(name)!, sim);
      for (const m of MIRRORED) expect(result.rows[m.kind], m.kind).toBe(sim.list(m.apiVersion, m.k8sKind).length);
      expect(result.rows.SERVICE).toBeGreaterThan(0);
      compared.set(name, result);
    });
  }

  it('the comparison saw a real value in every column the schema keeps', () => {
    const columns = new Set<string>();
    const exercised = new Set<string>();
    for (const c of compared.values()) {
      for (const col of c.columns) columns.add(col);
      for (const col of c.exercised) exercised.add(col);
    }
    expect(compared.size).toBe(3);
    expect([...columns].filter((c) => !exercised.has(c)).sort()).toEqual(NEVER_SET);
  });

  it('object counts stay exact while the watch applies creates and deletes', async () => {
    const sim = sims.find((s) => s.name === 'varied')!;
    for (const name of ['late-1', 'late-2', 'late-3']) {
      await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'platform' }, spec: { selector: { app: 'db' }, ports: [{ port: 80, targetPort: 5432 }] } });
    }
    await sim.delete('v1', 'Service', 'platform', 'late-2'); // its endpoint slice goes with it
    await sim.scale('payments', 'api', 0);
    await sim.delete('v1', 'Pod', 'platform', 'db-0');
    await waitForEqualCatalog(api.database, ids.get('varied')!, sim);
    const counts = await waitFor(async () => {
      const states = (await rest(api, 'GET', '/clusters/varied')).body.syncStates as { kind: string; objectCount: number }[];
      const wrong = MIRRORED.filter((m) => states.find((s) => s.kind === m.kind)?.objectCount !== sim.list(m.apiVersion, m.k8sKind).length);
      return wrong.length === 0 ? states : undefined;
    }, 'object counts equal the cluster');
    expect(counts).toHaveLength(MIRRORED.length);
  });
});
