import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { Kubectl } from '../support/kubectl.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { registerCluster } from '../support/register-cluster.js';

const RESULT = `dryRun replayed deleted changes { action kind name diff manifest } ingress { name ingressClassName accessUrls { url } paths { host path backend { service port serviceFound portFound } } }`;

describe('self-service: ingresses with several rules and paths (GraphQL and REST, checked with kubectl)', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let kubectl: Kubectl;

  beforeAll(async () => {
    sim = await startCluster({ name: 'sim', nodes: 1 });
    await sim.apply([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 8080 }] } },
    ]);
    kubectl = new Kubectl(sim.kubeconfig());
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'sim', sim.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
    kubectl?.dispose();
  });

  it('creates, updates and deletes an ingress over GraphQL', async () => {
    const create = await gql(
      api,
      `mutation { createIngress(cluster: "sim", namespace: "shop", input: {
        name: "shop", ingressClassName: "nginx",
        rules: [
          { host: "shop.example.com", paths: [{ path: "/", pathType: Prefix, service: "web", port: "80" }, { path: "/api", pathType: Prefix, service: "api", port: "http" }] },
          { host: "admin.example.com", paths: [{ path: "/", pathType: Exact, service: "web", port: "http" }] }
        ],
        tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }]
      }) { ${RESULT} } }`,
    );
    expect(create.errors).toBeUndefined();
    const ing = create.data.createIngress.ingress;
    expect(ing.accessUrls.map((u: { url: string }) => u.url).sort()).toEqual(['http://admin.example.com/', 'https://shop.example.com/', 'https://shop.example.com/api']);
    expect(ing.paths.every((p: { backend: { serviceFound: boolean; portFound: boolean } }) => p.backend.serviceFound && p.backend.portFound)).toBe(true);
    const live = await kubectl.getJson('ingress', 'shop', 'shop');
    expect(live.spec.rules).toHaveLength(2);
    expect(live.spec.rules[0].http.paths[1]).toEqual({ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } });

    const update = await gql(api, `mutation { updateIngress(cluster: "sim", namespace: "shop", name: "shop", input: { tls: null, labels: [{ key: "team", value: "shop" }] }) { ${RESULT} } }`);
    expect(update.errors).toBeUndefined();
    expect(update.data.updateIngress.changes[0].diff).toContain('- spec.tls');
    const after = await kubectl.getJson('ingress', 'shop', 'shop');
    expect(after.spec.tls).toBeUndefined();
    expect(after.spec.rules).toEqual(live.spec.rules);
    expect(after.metadata.labels).toEqual({ team: 'shop' });
    expect(update.data.updateIngress.ingress.accessUrls.map((u: { url: string }) => u.url)).toContain('http://shop.example.com/api');

    const bad = await gql(api, `mutation { updateIngress(cluster: "sim", namespace: "shop", name: "shop", input: { tls: [{ hosts: ["other.example.com"], secretName: "x" }] }) { ${RESULT} } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'tls[0].hosts[0]', rule: 'hostNotInRules' })] });
    expect((await kubectl.getJson('ingress', 'shop', 'shop')).spec.tls).toBeUndefined();

    const del = await gql(api, `mutation { deleteIngress(cluster: "sim", namespace: "shop", name: "shop") { ${RESULT} } }`);
    expect(del.data.deleteIngress).toMatchObject({ deleted: true, ingress: null });
    expect(await kubectl.names('ingresses', 'shop')).toEqual([]);
    expect((await rest(api, 'GET', '/clusters/sim/namespaces/shop/ingresses/shop')).status).toBe(404);
  });

  it('creates, dry-runs an update, updates and deletes an ingress over REST', async () => {
    const body = { name: 'rest-ing', rules: [{ host: 'r.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }] }] };
    const created = await rest(api, 'POST', '/clusters/sim/namespaces/shop/ingresses', body);
    expect(created.status).toBe(201);
    expect(created.body.ingress.accessUrls.map((u: { url: string }) => u.url)).toEqual(['http://r.example.com/']);
    expect((await rest(api, 'POST', '/clusters/sim/namespaces/shop/ingresses', body)).body.error.code).toBe('ALREADY_EXISTS');

    const change = { rules: [{ host: 'r.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }, { path: '/v2', pathType: 'Prefix', service: 'api', port: 8080 }] }] };
    const dry = await rest(api, 'PATCH', '/clusters/sim/namespaces/shop/ingresses/rest-ing?dryRun=true', change);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, ingress: null });
    expect(dry.body.changes[0].diff).toContain('+ spec.rules[0].http.paths[1]');
    expect((await kubectl.getJson('ingress', 'shop', 'rest-ing')).spec.rules[0].http.paths).toHaveLength(1);

    const upd = await rest(api, 'PATCH', '/clusters/sim/namespaces/shop/ingresses/rest-ing', change);
    expect(upd.status).toBe(200);
    expect(upd.body.ingress.accessUrls.map((u: { url: string }) => u.url)).toEqual(['http://r.example.com/', 'http://r.example.com/v2']);
    expect((await kubectl.getJson('ingress', 'shop', 'rest-ing')).spec.rules[0].http.paths).toHaveLength(2);

    expect((await rest(api, 'DELETE', '/clusters/sim/namespaces/shop/ingresses/rest-ing?dryRun=true')).body).toMatchObject({ dryRun: true, deleted: false });
    expect(await kubectl.names('ingresses', 'shop')).toEqual(['rest-ing']);
    expect((await rest(api, 'DELETE', '/clusters/sim/namespaces/shop/ingresses/rest-ing')).body.deleted).toBe(true);
    expect(await kubectl.names('ingresses', 'shop')).toEqual([]);
  });

  it('refuses to route a host + path another ingress already serves', async () => {
    await rest(api, 'POST', '/clusters/sim/namespaces/shop/ingresses', { name: 'taken', rules: [{ host: 't.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }] }] });
    const res = await rest(api, 'POST', '/clusters/sim/namespaces/shop/services/api/expose', { via: 'INGRESS', host: 't.example.com', ingressName: 'other' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: [expect.objectContaining({ field: 'path', rule: 'duplicate' })] });
    expect(await kubectl.names('ingresses', 'shop')).toEqual(['taken']);
  });

  it('a dry run answers the URLs the change would give, changing nothing; the ingress classes seen in a cluster are listed', async () => {
    const dry = await gql(
      api,
      `mutation { exposeService(cluster: "sim", namespace: "shop", name: "web", dryRun: true, input: { via: INGRESS, host: "web.example.com", path: "/shop", tls: { secretName: "web-tls" } }) {
        dryRun service { name } changes { action kind name accessUrls { url scope via } } } }`,
    );
    expect(dry.errors).toBeUndefined();
    expect(dry.data.exposeService).toMatchObject({ dryRun: true, service: null });
    expect(dry.data.exposeService.changes).toEqual([{ action: 'CREATE', kind: 'Ingress', name: 'web', accessUrls: [{ url: 'https://web.example.com/shop', scope: 'PUBLIC', via: 'INGRESS' }] }]);
    expect(await kubectl.names('ingresses', 'shop')).not.toContain('web');

    const nodePort = await rest(api, 'POST', '/clusters/sim/namespaces/shop/services/api/expose?dryRun=true', { via: 'NODE_PORT', nodePort: 31080 });
    expect(nodePort.status).toBe(200);
    const urls = nodePort.body.changes[0].accessUrls as { url: string; via: string }[];
    const nodeUrls = urls.filter((u) => u.via === 'NODE_PORT').map((u) => u.url);
    expect(nodeUrls.length).toBeGreaterThan(0);
    for (const u of nodeUrls) expect(u).toMatch(/^http:\/\/[\d.]+:31080$/);
    expect(urls.map((u) => u.url)).toContain('http://api.shop.svc.cluster.local:8080');
    expect((await kubectl.getJson('service', 'shop', 'api')).spec.type).toBe('ClusterIP');

    await rest(api, 'POST', '/clusters/sim/namespaces/shop/ingresses', { name: 'classed', ingressClassName: 'traefik', rules: [{ host: 'c.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }] }] });
    const classes = await gql(api, `{ ingressClasses(cluster: "sim") { name ingressCount } }`);
    expect(classes.data.ingressClasses).toEqual([{ name: 'traefik', ingressCount: 1 }]);
    expect((await rest(api, 'GET', '/clusters/sim/ingress-classes')).body).toEqual([{ name: 'traefik', ingressCount: 1 }]);
    const unknown = await rest(api, 'GET', '/clusters/nope/ingress-classes');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
