import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type Url = { url: string; scope: string; via: string; pending: boolean };
type Svc = { name: string; clusterIP: string | null; ports: { nodePort: number | null }[]; accessUrls: Url[]; diagnostics: { code: string }[] };

const u = (url: string, scope: 'IN_CLUSTER' | 'NODE_NETWORK' | 'PUBLIC', via: string): Url => ({ url, scope, via, pending: false });
const clusterForms = (name: string, ip: string, port: number, scheme = 'http') => [
  u(`${scheme}://${name}.default.svc.cluster.local:${port}`, 'IN_CLUSTER', 'CLUSTER_DNS'),
  u(`${scheme}://${name}.default:${port}`, 'IN_CLUSTER', 'CLUSTER_DNS'),
  u(`${scheme}://${name}:${port}`, 'IN_CLUSTER', 'CLUSTER_DNS'),
  u(`${scheme}://${ip}:${port}`, 'IN_CLUSTER', 'CLUSTER_IP'),
];
// Two nodes: ExternalIP 203.0.113.10/11 (public), InternalIP 10.0.0.10/11 (node network).
const nodePortForms = (nodePort: number) => [
  u(`http://203.0.113.10:${nodePort}`, 'PUBLIC', 'NODE_PORT'),
  u(`http://10.0.0.10:${nodePort}`, 'NODE_NETWORK', 'NODE_PORT'),
  u(`http://203.0.113.11:${nodePort}`, 'PUBLIC', 'NODE_PORT'),
  u(`http://10.0.0.11:${nodePort}`, 'NODE_NETWORK', 'NODE_PORT'),
];

const SERVICES_QUERY = `{ services(first: 50, filter: { clusters: ["seed"], namespaces: ["default"] }, sort: NAME) {
  nodes { name clusterIP ports { nodePort } accessUrls { url scope via pending } diagnostics { code } } } }`;

describe('the seed scenario through the catalog (kube-sim over HTTPS, sync, GraphQL and REST)', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'seed', scenario: 'seed', nodes: 2, nodeAddressBase: { internal: '10.0.0.', external: '203.0.113.' }, bookmarkIntervalMs: 500 });
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    expect((await rest(api, 'POST', '/clusters', { kubeconfig: sim.kubeconfig(), name: 'seed' })).status).toBe(201);
    await waitFor(async () => (await rest(api, 'GET', '/clusters/seed')).body.status === 'READY', 'seed cluster ready');
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it('gives every seed service exactly the access URLs of DESIGN §2, over GraphQL and REST', async () => {
    const { data, errors } = await gql<{ services: { nodes: Svc[] } }>(api, SERVICES_QUERY);
    expect(errors).toBeUndefined();
    const byName = new Map(data.services.nodes.map((s) => [s.name, s]));
    const ip = (n: string) => byName.get(n)!.clusterIP!;
    const nodePort = (n: string) => byName.get(n)!.ports[0]!.nodePort!;
    const nginxPodIps = (sim.list('v1', 'Pod', 'default') as { metadata: { labels?: Record<string, string> }; status: { podIP: string } }[])
      .filter((p) => p.metadata.labels?.role === 'nginx')
      .map((p) => p.status.podIP)
      .sort((a, b) => a.split('.').map(Number).reduce((x, y) => x * 256 + y, 0) - b.split('.').map(Number).reduce((x, y) => x * 256 + y, 0));
    const expected: Record<string, Url[]> = {
      'my-clusterip-service': clusterForms('my-clusterip-service', ip('my-clusterip-service'), 80),
      'my-nodeport-service': [...nodePortForms(30007), ...clusterForms('my-nodeport-service', ip('my-nodeport-service'), 80)],
      'my-loadbalancer-service': [
        u('http://198.51.100.10:80', 'PUBLIC', 'LOAD_BALANCER'),
        ...nodePortForms(nodePort('my-loadbalancer-service')),
        ...clusterForms('my-loadbalancer-service', ip('my-loadbalancer-service'), 80),
      ],
      'my-externalname-service': [u('my-externalname-service.default.svc.cluster.local', 'IN_CLUSTER', 'EXTERNAL_NAME')],
      'headless-svc': [u('http://headless-svc.default.svc.cluster.local:80', 'IN_CLUSTER', 'CLUSTER_DNS'), ...nginxPodIps.map((p) => u(`http://${p}:80`, 'IN_CLUSTER', 'POD'))],
      'app-service': [u('https://learn.nextgenplayground.org/', 'PUBLIC', 'INGRESS'), ...clusterForms('app-service', ip('app-service'), 80)],
      'api-service': [u('https://learn.nextgenplayground.org/api', 'PUBLIC', 'INGRESS'), ...clusterForms('api-service', ip('api-service'), 80)],
      'orphan-service': clusterForms('orphan-service', ip('orphan-service'), 80),
      'hello-svc': [...nodePortForms(nodePort('hello-svc')), ...clusterForms('hello-svc', ip('hello-svc'), 8080)],
      kubernetes: clusterForms('kubernetes', ip('kubernetes'), 443, 'https'),
    };
    expect([...byName.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(nodePort('hello-svc')).toBeGreaterThanOrEqual(30000);
    expect(nginxPodIps).toHaveLength(3);
    for (const [name, urls] of Object.entries(expected)) {
      expect(byName.get(name)!.accessUrls, name).toEqual(urls);
      const detail = await rest(api, 'GET', `/clusters/seed/namespaces/default/services/${name}`);
      expect(detail.body.accessUrls.map((x: Url & { note?: string }) => ({ url: x.url, scope: x.scope, via: x.via, pending: x.pending })), `REST ${name}`).toEqual(urls);
    }
  });

  it('gives the ingresses their https URLs and routes, and flags exactly the broken objects', async () => {
    const { data } = await gql(api, `{ ingresses(clusters: ["seed"]) { nodes { name accessUrls { url backendService backendPort } diagnostics { code } } }
      services(first: 50, filter: { clusters: ["seed"] }) { nodes { name diagnostics { code } } } }`);
    expect(data.ingresses.nodes).toEqual([
      { name: 'app-ingress', diagnostics: [], accessUrls: [
        { url: 'https://learn.nextgenplayground.org/', backendService: 'app-service', backendPort: '80' },
        { url: 'https://learn.nextgenplayground.org/api', backendService: 'api-service', backendPort: '80' },
      ] },
      { name: 'broken-ingress', diagnostics: [{ code: 'INGRESS_BACKEND_SERVICE_MISSING' }], accessUrls: [{ url: 'http://broken.example.org/', backendService: 'missing-service', backendPort: '80' }] },
    ]);
    const flagged = data.services.nodes.filter((s: Svc) => s.diagnostics.length).map((s: Svc) => `${s.name}:${s.diagnostics.map((d) => d.code).join()}`);
    expect(flagged).toEqual(['orphan-service:SERVICE_SELECTS_NO_PODS']);
    const all = await rest(api, 'GET', '/diagnostics?cluster=seed');
    expect(all.body.items.map((d: { object: { name: string }; code: string }) => `${d.object.name}:${d.code}`)).toEqual([
      'broken-ingress:INGRESS_BACKEND_SERVICE_MISSING',
      // allow-web-to-api lets only app=web pods in, and the seed runs none.
      'api-service:SERVICE_UNREACHABLE',
      'orphan-service:SERVICE_SELECTS_NO_PODS',
    ]);
  });

  it('pushes a cluster change to GraphQL subscribers', async () => {
    const client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    try {
      const got = new Promise<{ kind: string; objects: string[] }>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription { catalogChanged(filter: { clusters: ["seed"], kinds: [SERVICE] }) { kind op objects } }' },
          { next: (v) => resolve((v.data as { catalogChanged: { kind: string; objects: string[] } }).catalogChanged), error: reject, complete: () => undefined },
        );
      });
      await new Promise((r) => setTimeout(r, 300));
      await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'edited', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
      expect(await got).toMatchObject({ kind: 'SERVICE', objects: ['default/edited'] });
    } finally {
      await client.dispose();
    }
  });
});
