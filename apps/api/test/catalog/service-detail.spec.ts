import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gql, rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type Endpoint = { address: string; ready: boolean; serving: boolean; terminating: boolean; pod: string | null; node: string | null; zone: string | null; slice: string; ports: { name: string; port: number | null; protocol: string }[] };

// What the dashboard's service and ingress pages ask for (apps/web/features/{service,ingress}/queries.ts),
// in one request each: the statement budget below is measured on these.
const URL_FIELDS = 'url scope via pending pattern note host port';
const SERVICE_PAGE = `query($cluster: String!, $namespace: String!, $name: String!) { service(cluster: $cluster, namespace: $namespace, name: $name) {
  id cluster namespace name uid type headless clusterIP clusterIPs externalIPs externalName sessionAffinity externalTrafficPolicy resourceVersion createdAt syncedAt health
  selector { key value } labels { key value } annotations { key value } ports { name port targetPort nodePort protocol appProtocol } loadBalancerIngress { ip hostname }
  endpointCounts { ready total } accessUrls { ${URL_FIELDS} } primaryAccessUrl { ${URL_FIELDS} }
  endpoints { address ready serving terminating pod hostname node zone slice ports { name port protocol } }
  podsWithoutEndpoint { name ip phase ready terminating node zone reason }
  diagnostics { code severity message hint }
  ingresses { id cluster namespace name tls { hosts secretName } paths { host path pathType backend { service port resource serviceFound portFound } } accessUrls { url host path pending pattern backendService backendPort } }
  group { clusters consistent health types members { cluster health service { id cluster namespace name type headless ports { port protocol } endpointCounts { ready total } primaryAccessUrl { url scope pending pattern } } } }
  clusterInfo { name displayName status syncStates { kind status lastError lastEventAt } }
  manifest } }`;
const INGRESS_PAGE = `query($cluster: String!, $namespace: String!, $name: String!) { ingress(cluster: $cluster, namespace: $namespace, name: $name) {
  id cluster namespace name uid ingressClassName createdAt pathCount labels { key value } annotations { key value } loadBalancerIngress { ip hostname } tls { hosts secretName }
  paths { host path pathType backend { service port resource serviceFound portFound } }
  accessUrls { ${URL_FIELDS} path backendService backendPort } diagnostics { code severity message hint }
  clusterInfo { name displayName status syncStates { kind status lastError lastEventAt } }
  manifest } }`;

const DETAIL = `query D($name: String!) { service(cluster: "seed", namespace: "default", name: $name) {
  endpointCounts { ready total }
  endpoints { address ready serving terminating pod hostname node zone slice ports { name port protocol appProtocol } }
  podsWithoutEndpoint { name ip phase ready terminating node zone reason }
  manifest } }`;

/** What the cluster's own EndpointSlices say, in the API's shape (the truth the field is compared with). */
function endpointsInCluster(sim: SimCluster, service: string): Endpoint[] {
  const slices = (sim.list('discovery.k8s.io/v1', 'EndpointSlice', 'default') as any[]).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
  return slices
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .flatMap((s) =>
      (s.endpoints ?? []).map((e: any) => ({
        address: e.addresses[0],
        ready: e.conditions.ready,
        serving: e.conditions.serving,
        terminating: e.conditions.terminating,
        pod: e.targetRef?.kind === 'Pod' ? e.targetRef.name : null,
        node: e.nodeName ?? null,
        zone: e.zone ?? null,
        slice: s.metadata.name,
        ports: (s.ports ?? []).map((p: any) => ({ name: p.name ?? '', port: p.port ?? null, protocol: p.protocol, appProtocol: p.appProtocol ?? null })),
      })),
    );
}

describe('a service\u2019s endpoints, pods without endpoint and mirrored YAML', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let copy: SimCluster;

  beforeAll(async () => {
    // A second cluster with the same services: every service is in a two-member group.
    [sim, copy] = await Promise.all([
      startCluster({ name: 'seed', scenario: 'seed', nodes: 2, bookmarkIntervalMs: 500 }),
      startCluster({ name: 'copy', scenario: 'seed', nodes: 2, loadBalancer: false, bookmarkIntervalMs: 500 }),
    ]);
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    // One MyApp pod turns not ready (still an endpoint, ready: false); one is bound to a node
    // that never starts it, so it gets no IP and cannot be an endpoint at all.
    const myapp = (sim.list('v1', 'Pod', 'default') as any[]).filter((p) => p.metadata.labels?.app === 'MyApp').map((p) => p.metadata.name as string).sort();
    await sim.setPodReady('default', myapp[0]!, false);
    await sim.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'myapp-stuck', namespace: 'default', labels: { app: 'MyApp' } }, spec: { nodeName: 'seed-node-2', containers: [{ name: 'app', image: 'myapp:1' }] } });
    await registerCluster(api, 'seed', sim.kubeconfig());
    await registerCluster(api, 'copy', copy.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await copy?.stop();
    await db?.dispose();
  });

  it('lists every endpoint as the EndpointSlices do, ready or not, with pod, node and zone', async () => {
    const { data, errors } = await waitFor(async () => {
      const r = await gql(api, DETAIL, { name: 'my-clusterip-service' });
      return r.data?.service.podsWithoutEndpoint.length && r.data.service.endpoints.some((e: Endpoint) => !e.ready) ? r : null;
    }, 'the not-ready and the stuck pod mirrored');
    expect(errors).toBeUndefined();
    const svc = data.service;
    const expected = endpointsInCluster(sim, 'my-clusterip-service');
    expect(expected).toHaveLength(3);
    expect(svc.endpoints.map(({ hostname: _h, ...e }: Endpoint & { hostname: unknown }) => e)).toEqual(expected);
    expect(svc.endpoints.filter((e: Endpoint) => e.ready)).toHaveLength(2);
    expect(svc.endpointCounts).toEqual({ ready: 2, total: 3 });
    for (const e of svc.endpoints as Endpoint[]) {
      expect(e.node).toMatch(/^seed-node-\d$/);
      expect(e.zone).toBeTruthy();
      expect(e.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP', appProtocol: null }]);
    }
    expect(svc.podsWithoutEndpoint).toEqual([
      { name: 'myapp-stuck', ip: null, phase: 'Pending', ready: false, terminating: false, node: 'seed-node-2', zone: expect.any(String), reason: 'no pod IP yet (phase Pending): its containers or network are still being set up' },
    ]);
  });

  it('has no endpoints or pods for an ExternalName service, and none missing for a service without trouble', async () => {
    const ext = await gql(api, DETAIL, { name: 'my-externalname-service' });
    expect(ext.data.service).toMatchObject({ endpoints: [], podsWithoutEndpoint: [] });
    const app = await gql(api, DETAIL, { name: 'app-service' });
    expect(app.data.service.endpoints).toHaveLength(2);
    expect(app.data.service.podsWithoutEndpoint).toEqual([]);
  });

  it('renders the mirrored object as Kubernetes YAML that matches the cluster\u2019s object', async () => {
    const { data } = await gql(api, DETAIL, { name: 'my-nodeport-service' });
    const yaml = parse(data.service.manifest);
    const live = sim.get('v1', 'Service', 'default', 'my-nodeport-service') as any;
    expect(yaml).toMatchObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-nodeport-service', namespace: 'default', uid: live.metadata.uid, resourceVersion: live.metadata.resourceVersion },
      spec: { type: 'NodePort', clusterIP: live.spec.clusterIP, selector: { app: 'MyApp' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30007, protocol: 'TCP' }] },
      status: { loadBalancer: {} },
    });
    expect(Date.parse(yaml.metadata.creationTimestamp)).toBe(Date.parse(live.metadata.creationTimestamp));
    expect(data.service.manifest.split('\n')[0]).toBe('apiVersion: v1');
  });

  it('gives the REST detail route the same fields, and leaves them out of search pages', async () => {
    const graph = await gql(api, DETAIL, { name: 'my-clusterip-service' });
    const detail = await rest(api, 'GET', '/clusters/seed/namespaces/default/services/my-clusterip-service');
    expect(detail.status).toBe(200);
    expect(detail.body.endpoints).toEqual(graph.data.service.endpoints);
    expect(detail.body.podsWithoutEndpoint).toEqual(graph.data.service.podsWithoutEndpoint);
    expect(detail.body.manifest).toBe(graph.data.service.manifest);
    const page = await rest(api, 'GET', '/services?cluster=seed&limit=5');
    expect(page.body.items[0]).not.toHaveProperty('manifest');
    expect(page.body.items[0]).not.toHaveProperty('endpoints');
  });

  it('gives an ingress its YAML over GraphQL and REST', async () => {
    const { data } = await gql(api, '{ ingress(cluster: "seed", namespace: "default", name: "app-ingress") { manifest } }');
    const yaml = parse(data.ingress.manifest);
    expect(yaml).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'app-ingress', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
      spec: { ingressClassName: 'nginx', tls: [{ hosts: ['learn.nextgenplayground.org'], secretName: 'tls-secret' }] },
    });
    expect(yaml.spec.rules[0].http.paths.map((p: any) => `${p.path}→${p.backend.service.name}`)).toEqual(['/→app-service', '/api→api-service']);
    const detail = await rest(api, 'GET', '/clusters/seed/namespaces/default/ingresses/app-ingress');
    expect(detail.body.manifest).toBe(data.ingress.manifest);
  });

  // The pages re-run these on every live refresh, so each costs a fixed number of statements
  // however many endpoints, ingresses or group members there are: one per kind the page
  // reads (the service, its group, slices, nodes, ingresses, pods, ingress backends'
  // ports, clusters and their sync states), plus one per kind for the group members'
  // primary URLs, which GraphQL resolves one level deeper (a second DataLoader batch).
  describe('with the mirrors paused (so no sync write is counted)', () => {
    beforeAll(async () => {
      for (const name of ['seed', 'copy']) {
        expect((await rest(api, 'PATCH', `/clusters/${name}`, { paused: true })).status).toBe(200);
        await waitFor(async () => {
          const c = (await rest(api, 'GET', `/clusters/${name}`)).body;
          return c.status === 'PAUSED' && c.syncStates.every((k: { status: string }) => k.status === 'PAUSED');
        }, `${name} paused`);
      }
    });

    it.each([
      ['the service page of a NodePort service', SERVICE_PAGE, 'my-nodeport-service', 11],
      ['the service page of a headless service', SERVICE_PAGE, 'headless-svc', 10],
      ['the service page of a service behind an ingress', SERVICE_PAGE, 'app-service', 10],
      ['the ingress page', INGRESS_PAGE, 'app-ingress', 5],
    ])('%s runs a fixed number of SQL statements', async (_what, query, name, budget) => {
      const statements: string[] = [];
      // Lease rounds go on while paused (they read the clusters with their credentials); they are not the page's.
      const stop = api.database.onQuery((e) => {
        if (!e.query.includes('"ClusterLease"') && !e.query.includes('"credentials"')) statements.push(e.query.replace(/\s+/g, ' ').trim().slice(0, 120));
      });
      let res;
      try {
        res = await gql(api, query, { cluster: 'seed', namespace: 'default', name });
      } finally {
        stop();
      }
      expect(res.errors).toBeUndefined();
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(budget);
    });
  });
});
