import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCluster, insertIngress, insertReadyEndpoint, insertService, serviceRecord } from '../support/seed-catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

async function gql(api: RunningApp, query: string, variables: Record<string, unknown> = {}) {
  const res = await api.fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const SEARCH = `query S($filter: ServiceFilterInput, $first: Int, $after: String, $sort: ServiceSort) {
  services(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { cluster namespace name type }
  }
}`;

describe('catalog service search', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let alpha: string;
  let beta: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    alpha = await insertCluster(d, 'alpha');
    beta = await insertCluster(d, 'beta', 'corp.internal');
    await insertService(d, alpha, serviceRecord('default', 'web', { labels: { app: 'web', tier: 'fe' } }));
    await insertReadyEndpoint(d, alpha, 'default', 'web', '10.244.1.5');
    await insertService(d, beta, serviceRecord('default', 'web', { labels: { app: 'web', tier: 'fe' } }));
    await insertReadyEndpoint(d, beta, 'default', 'web', '10.244.2.5');
    await insertService(d, alpha, serviceRecord('default', 'orphan', { selector: { app: 'does-not-exist' }, labels: {} }));
    await insertService(d, alpha, serviceRecord('team-a', 'api', { labels: { app: 'api', tier: 'be', canary: 'true' } }));
    await insertReadyEndpoint(d, alpha, 'team-a', 'api', '10.244.1.9');
    await insertService(d, alpha, serviceRecord('team-a', 'edge', {
      type: 'LoadBalancer',
      labels: { app: 'edge' },
      k8sCreatedAt: '2020-01-01T00:00:00.000Z',
      ports: [{ position: 0, name: 'https', protocol: 'TCP', port: 443, targetPort: '8443', nodePort: 31443, appProtocol: null }],
    }));
    await insertReadyEndpoint(d, alpha, 'team-a', 'edge', '10.244.1.10');
    await insertService(d, beta, serviceRecord('default', 'alias', { type: 'ExternalName', externalName: 'gone.default.svc.corp.internal', selector: null, clusterIp: null, clusterIps: [], ports: [] }));
    await insertService(d, beta, serviceRecord('default', 'alias-ok', { type: 'ExternalName', externalName: 'web.default.svc.corp.internal.', selector: null, clusterIp: null, clusterIps: [], ports: [] }));
    await insertService(d, beta, serviceRecord('default', 'cname', { type: 'ExternalName', externalName: 'example.com', selector: null, clusterIp: null, clusterIps: [], ports: [] }));
    await insertIngress(d, beta, 'default', 'copycat', [{ host: 'shop.example.org', path: '/', service: 'web', port: 80 }]);
    await insertIngress(d, alpha, 'default', 'site', [
      { host: 'shop.example.org', path: '/', service: 'web', port: 80 },
      { host: 'shop.example.org', path: '/api', service: 'missing', port: 80 },
      { host: null, path: '/status', service: 'web', port: 8080 },
    ], [{ hosts: ['shop.example.org'], secretName: 'shop-tls' }], [{ ip: '203.0.113.7' }]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const names = (body: { data: { services: { nodes: { cluster: string; namespace: string; name: string }[] } } }) =>
    body.data.services.nodes.map((n) => `${n.cluster}/${n.namespace}/${n.name}`);

  it('lists everything in namespace order with a total', async () => {
    const { body } = await gql(api, SEARCH);
    expect(body.errors).toBeUndefined();
    expect(names(body)).toEqual(['beta/default/alias', 'beta/default/alias-ok', 'beta/default/cname', 'alpha/default/orphan', 'alpha/default/web', 'beta/default/web', 'alpha/team-a/api', 'alpha/team-a/edge']);
    expect(body.data.services.totalCount).toBe(8);
  });

  it.each([
    [{ clusters: ['beta'], types: ['ClusterIP'] }, ['beta/default/web']],
    [{ namespaces: ['team-a'] }, ['alpha/team-a/api', 'alpha/team-a/edge']],
    [{ types: ['LoadBalancer'] }, ['alpha/team-a/edge']],
    [{ labelSelector: 'tier=fe' }, ['alpha/default/web', 'beta/default/web']],
    [{ labelSelector: 'tier in (fe,be),!canary' }, ['alpha/default/web', 'beta/default/web']],
    [{ labelSelector: 'tier notin (fe)', clusters: ['alpha'] }, ['alpha/default/orphan', 'alpha/team-a/api', 'alpha/team-a/edge']],
    [{ search: 'orph' }, ['alpha/default/orphan']],
    [{ search: 'canary' }, ['alpha/team-a/api']],
    [{ search: 'shop.example' }, ['alpha/default/web', 'beta/default/web']],
    [{ hasDiagnostics: true }, ['beta/default/alias', 'alpha/default/orphan', 'alpha/team-a/edge']],
    [{ hasDiagnostics: false, clusters: ['alpha'] }, ['alpha/default/web', 'alpha/team-a/api']],
  ])('filters %o', async (filter, expected) => {
    const { body } = await gql(api, SEARCH, { filter });
    expect(body.errors).toBeUndefined();
    expect(names(body)).toEqual(expected);
    expect(body.data.services.totalCount).toBe(expected.length);
  });

  // A search with no other filter sorts, pages and counts its hits without reading their
  // rows (a faster plan); with any other filter it takes the general one. Both must agree.
  it.each(['NAME', 'NAMESPACE', 'CLUSTER', 'CREATED'])('pages a search sorted by %s exactly as the general plan does, a page at a time', async (sort) => {
    const walk = async (filter: Record<string, unknown>) => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let i = 0; i < 20; i++) {
        const res: { body: any } = await gql(api, SEARCH, { filter, first: 1, after, sort });
        expect(res.body.errors).toBeUndefined();
        seen.push(...names(res.body));
        total = res.body.data.services.totalCount;
        if (!res.body.data.services.pageInfo.hasNextPage) break;
        after = res.body.data.services.pageInfo.endCursor;
      }
      return { seen, total };
    };
    for (const [search, scope] of [['e', {}], ['web', {}], ['a', { clusters: ['alpha'] }], ['shop', { namespaces: ['default'] }]] as const) {
      const fast = await walk({ search, ...scope });
      // Every type: the same rows, through the general plan.
      const general = await walk({ search, ...scope, types: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] });
      expect(fast.seen.length).toBeGreaterThan(0);
      expect(fast).toEqual(general);
      expect(fast.total).toBe(fast.seen.length);
    }
  });

  it('serves the same search over REST', async () => {
    const res = await api.fetch(`${api.url}/api/v1/services?cluster=alpha&label=${encodeURIComponent('tier in (fe,be)')}&sort=NAME`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.items.map((s: { namespace: string; name: string }) => `${s.namespace}/${s.name}`)).toEqual(['team-a/api', 'default/web']);
    expect(body.totalCount).toBe(2);
    expect(body.nextCursor).toBeNull();
    expect(body.items[1].accessUrls.map((u: { url: string }) => u.url)).toContain('http://web.default.svc.cluster.local:80');
  });

  it('pages without duplicates or gaps while services are added and removed', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    for (;;) {
      const res: { body: { data: { services: { pageInfo: { hasNextPage: boolean; endCursor: string } } } } } = await gql(api, SEARCH, { first: 2, after, sort: 'NAME' });
      seen.push(...names(res.body as never));
      if (page === 0) {
        // Behind the cursor (sorts first): must not appear; ahead of it: must appear once.
        await insertService(api.database, alpha, serviceRecord('default', 'aaa-late'));
        await insertService(api.database, alpha, serviceRecord('default', 'zzz-late'));
      }
      page++;
      if (!res.body.data.services.pageInfo.hasNextPage) break;
      after = res.body.data.services.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'beta/default/alias', 'beta/default/alias-ok', 'alpha/team-a/api', 'beta/default/cname', 'alpha/team-a/edge',
      'alpha/default/orphan', 'alpha/default/web', 'beta/default/web', 'alpha/default/zzz-late',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('rejects bad arguments naming every field and rule', async () => {
    const { body } = await gql(api, SEARCH, { filter: { labelSelector: 'tier in (fe', types: [] }, first: 500, after: 'garbage' });
    expect(body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    const fields = body.errors[0].extensions.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['after', 'filter.labelSelector', 'first']);
    const rest = await api.fetch(`${api.url}/api/v1/services?limit=0&type=Bogus`);
    expect(rest.status).toBe(422);
    const err = ((await rest.json()) as any).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual(
      expect.arrayContaining([
        // The REST parameters, not the GraphQL arguments (first, types).
        expect.objectContaining({ field: 'limit', message: 'must be between 1 and 100, got 0' }),
        expect.objectContaining({ field: 'type', message: expect.stringContaining('unknown service type "Bogus"') }),
      ]),
    );
  });

  it('answers unknown services with NOT_FOUND, not 500', async () => {
    const rest = await api.fetch(`${api.url}/api/v1/clusters/alpha/namespaces/default/services/nope`);
    expect(rest.status).toBe(404);
    expect(((await rest.json()) as any).error).toMatchObject({ code: 'NOT_FOUND', message: 'service "nope" in namespace "default" of cluster "alpha" not found' });
    const { body } = await gql(api, '{ service(cluster: "alpha", namespace: "default", name: "nope") { name } }');
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('returns one service with its URLs, using the cluster domain', async () => {
    const { body } = await gql(api, '{ service(cluster: "beta", namespace: "default", name: "web") { id name endpointCounts { ready total } accessUrls { url scope via pending } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.service.endpointCounts).toEqual({ ready: 1, total: 1 });
    expect(body.data.service.accessUrls).toContainEqual({ url: 'http://web.default.svc.corp.internal:80', scope: 'IN_CLUSTER', via: 'CLUSTER_DNS', pending: false });
  });

  it('shows the ingresses routing to a service and their URLs', async () => {
    const { body } = await gql(api, `{ service(cluster: "alpha", namespace: "default", name: "web") {
      accessUrls { url scope via pending }
      ingresses { name paths { host path backend { service port serviceFound portFound } } accessUrls { url backendService } } } }`);
    expect(body.errors).toBeUndefined();
    const urls = body.data.service.accessUrls.map((u: { url: string }) => u.url);
    expect(urls).toContain('https://shop.example.org/');
    const [site] = body.data.service.ingresses;
    expect(site.name).toBe('site');
    expect(site.paths).toEqual([
      { host: 'shop.example.org', path: '/', backend: { service: 'web', port: '80', serviceFound: true, portFound: true } },
      { host: 'shop.example.org', path: '/api', backend: { service: 'missing', port: '80', serviceFound: false, portFound: false } },
      { host: null, path: '/status', backend: { service: 'web', port: '8080', serviceFound: true, portFound: false } },
    ]);
    expect(site.accessUrls).toEqual([
      { url: 'https://shop.example.org/', backendService: 'web' },
      { url: 'https://shop.example.org/api', backendService: 'missing' },
      { url: 'http://203.0.113.7/status', backendService: 'web' },
    ]);
  });

  it('lists ingresses over REST with resolved backends', async () => {
    const res = await api.fetch(`${api.url}/api/v1/ingresses?host=shop`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.items.map((i: { cluster: string; name: string }) => `${i.cluster}/${i.name}`)).toEqual(['beta/copycat', 'alpha/site']);
    expect(body.totalCount).toBe(2);
    expect(body.items[1].paths[1].backend).toMatchObject({ service: 'missing', serviceFound: false });
    // beta/copycat routes shop.example.org/ to default/web too: the same app in two clusters, no conflict.
    expect(body.items[1].diagnostics.map((d: { code: string }) => d.code)).toEqual(['INGRESS_BACKEND_SERVICE_MISSING', 'INGRESS_BACKEND_PORT_MISSING']);
    expect(body.items[1].diagnostics[0].hint).toMatch(/^Requests on these paths get an error/);
    const one = await api.fetch(`${api.url}/api/v1/clusters/alpha/namespaces/default/ingresses/site`);
    expect(((await one.json()) as any).accessUrls[0].url).toBe('https://shop.example.org/');
  });
});

describe('node(id)', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const alpha = await insertCluster(api.database, 'alpha');
    await insertService(api.database, alpha, serviceRecord('default', 'web'));
    await insertIngress(api.database, alpha, 'default', 'site', [{ host: 'a.example.org', path: '/', service: 'web', port: 80 }]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('fetches services and ingresses again by their global ids', async () => {
    const list = await gql(api, '{ services { nodes { id } } ingresses { nodes { id } } }');
    const serviceId = list.body.data.services.nodes[0].id;
    const ingressId = list.body.data.ingresses.nodes[0].id;
    const { body } = await gql(api, `query N($a: ID!, $b: ID!) {
      a: node(id: $a) { id __typename ... on Service { name } }
      b: node(id: $b) { id __typename ... on Ingress { name } } }`, { a: serviceId, b: ingressId });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { id: serviceId, __typename: 'Service', name: 'web' }, b: { id: ingressId, __typename: 'Ingress', name: 'site' } });
  });

  it('answers nodes(ids) in order, with null for an unknown id, as its type [Node]! says', async () => {
    const serviceId = (await gql(api, '{ services { nodes { id } } }')).body.data.services.nodes[0].id;
    const { body } = await gql(api, 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['bogus', serviceId] });
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes).toEqual([null, { id: serviceId }]);
    const fields = (await gql(api, '{ __schema { queryType { fields { name type { kind ofType { kind ofType { kind name } } } } } } }')).body.data.__schema.queryType.fields;
    expect(fields.find((f: { name: string }) => f.name === 'nodes').type).toEqual({ kind: 'NON_NULL', ofType: { kind: 'LIST', ofType: { kind: 'INTERFACE', name: 'Node' } } });
  });

  it.each(['bogus', Buffer.from('Service:not-a-uuid').toString('base64url'), Buffer.from('Service:00000000-0000-0000-0000-000000000000').toString('base64url')])(
    'answers unknown id %s with NOT_FOUND',
    async (id) => {
      const { status, body } = await gql(api, 'query N($id: ID!) { node(id: $id) { id } }', { id });
      expect(status).toBe(200);
      expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
      expect(body.errors[0].message).toBe(`object with id "${id}" not found`);
    },
  );
});

describe('diagnostics', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    const alpha = await insertCluster(d, 'alpha');
    const beta = await insertCluster(d, 'beta');
    await insertService(d, alpha, serviceRecord('default', 'web'));
    await insertReadyEndpoint(d, alpha, 'default', 'web', '10.244.1.5');
    await insertService(d, alpha, serviceRecord('default', 'orphan', { selector: { app: 'does-not-exist' } }));
    await insertService(d, alpha, serviceRecord('default', 'alias', { type: 'ExternalName', externalName: 'gone.default.svc.cluster.local', selector: null, ports: [] }));
    await insertService(d, alpha, serviceRecord('default', 'lb', { type: 'LoadBalancer', k8sCreatedAt: '2020-01-01T00:00:00.000Z' }));
    await insertReadyEndpoint(d, alpha, 'default', 'lb', '10.244.1.6');
    await insertIngress(d, alpha, 'default', 'broken', [{ host: 'broken.example.org', path: '/', service: 'missing-service', port: 80 }]);
    await insertIngress(d, alpha, 'default', 'wrong-port', [{ host: 'w.example.org', path: '/', service: 'web', port: 9999 }]);
    await insertIngress(d, alpha, 'default', 'good', [{ host: 'shop.example.org', path: '/', service: 'web', port: 80 }]);
    await insertIngress(d, beta, 'default', 'twin', [{ host: 'shop.example.org', path: '/', service: 'web', port: 80 }]);
    // The same host + path to another backend in another cluster: a real conflict.
    await insertIngress(d, alpha, 'default', 'api', [{ host: 'api.example.org', path: '/', service: 'web', port: 80 }]);
    await insertIngress(d, beta, 'default', 'api-legacy', [{ host: 'api.example.org', path: '/', service: 'legacy', port: 80 }]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const codesOf = async (kind: 'service' | 'ingress', cluster: string, name: string) => {
    const { body } = await gql(api, `{ ${kind}(cluster: "${cluster}", namespace: "default", name: "${name}") { diagnostics { code severity message object { kind cluster namespace name } } } }`);
    expect(body.errors).toBeUndefined();
    return body.data[kind].diagnostics;
  };

  it('flags exactly the broken services', async () => {
    expect(await codesOf('service', 'alpha', 'web')).toEqual([]);
    expect((await codesOf('service', 'alpha', 'orphan')).map((d: { code: string }) => d.code)).toEqual(['SERVICE_SELECTS_NO_PODS']);
    expect((await codesOf('service', 'alpha', 'alias')).map((d: { code: string }) => d.code)).toEqual(['EXTERNAL_NAME_TARGET_MISSING']);
    expect((await codesOf('service', 'alpha', 'lb')).map((d: { code: string }) => d.code)).toEqual(['LOAD_BALANCER_PENDING']);
  });

  it('flags ingress backends that do not exist, and host+path claimed across clusters by different backends only', async () => {
    const broken = await codesOf('ingress', 'alpha', 'broken');
    expect(broken).toEqual([{
      code: 'INGRESS_BACKEND_SERVICE_MISSING', severity: 'ERROR',
      message: 'Ingress default/broken routes broken.example.org/ to service missing-service, which does not exist in namespace default',
      object: { kind: 'Ingress', cluster: 'alpha', namespace: 'default', name: 'broken' },
    }]);
    expect((await codesOf('ingress', 'alpha', 'wrong-port')).map((d: { code: string }) => d.code)).toEqual(['INGRESS_BACKEND_PORT_MISSING']);
    // One app behind one host in two clusters is the multi-cluster pattern.
    expect(await codesOf('ingress', 'alpha', 'good')).toEqual([]);
    expect((await codesOf('ingress', 'beta', 'twin')).map((d: { code: string }) => d.code)).toEqual(['INGRESS_BACKEND_SERVICE_MISSING']);
    const conflict = await codesOf('ingress', 'alpha', 'api');
    expect(conflict).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_HOST_PATH', severity: 'WARNING', message: 'Ingress default/api claims api.example.org/, also claimed by default/api-legacy in cluster beta (routing to default/legacy, not default/web)' }),
    ]);
  });

  it('keeps the hasDiagnostics filter equal to the computed findings for every service', async () => {
    const { body } = await gql(api, '{ services(first: 100) { nodes { name diagnostics { code } } } flagged: services(first: 100, filter: { hasDiagnostics: true }) { nodes { name } } }');
    expect(body.errors).toBeUndefined();
    const computed = body.data.services.nodes.filter((n: { diagnostics: unknown[] }) => n.diagnostics.length > 0).map((n: { name: string }) => n.name).sort();
    expect(body.data.flagged.nodes.map((n: { name: string }) => n.name).sort()).toEqual(computed);
    expect(computed).toEqual(['alias', 'lb', 'orphan']);
  });

  it('answers the health, primary URL and cluster of each service, over GraphQL and REST alike', async () => {
    const { body } = await gql(api, '{ services(first: 100, filter: { clusters: ["alpha"] }, sort: NAME) { nodes { name health primaryAccessUrl { url scope } clusterInfo { name status } } } }');
    expect(body.errors).toBeUndefined();
    const rows = Object.fromEntries(body.data.services.nodes.map((n: { name: string }) => [n.name, n]));
    expect(rows['web']).toMatchObject({ health: 'HEALTHY', primaryAccessUrl: { scope: 'PUBLIC' }, clusterInfo: { name: 'alpha' } });
    expect(rows['web'].primaryAccessUrl.url).toMatch(/^https?:\/\/(shop|api)\.example\.org\/$/);
    expect(rows['orphan']).toMatchObject({ health: 'UNHEALTHY', primaryAccessUrl: { url: 'http://orphan.default.svc.cluster.local:80', scope: 'IN_CLUSTER' } });
    expect(rows['alias'].health).toBe('UNHEALTHY');
    const rest = (await (await api.fetch(`${api.url}/api/v1/clusters/alpha/namespaces/default/services/web`)).json()) as any;
    expect(rest).toMatchObject({ health: 'HEALTHY', primaryAccessUrl: { url: rows['web'].primaryAccessUrl.url } });
  });
});

describe('service groups', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    const alpha = await insertCluster(d, 'alpha');
    const beta = await insertCluster(d, 'beta');
    await insertService(d, alpha, serviceRecord('shop', 'checkout'));
    await insertReadyEndpoint(d, alpha, 'shop', 'checkout', '10.244.1.5');
    await insertService(d, beta, serviceRecord('shop', 'checkout'));
    await insertService(d, alpha, serviceRecord('shop', 'solo'));
    await insertReadyEndpoint(d, alpha, 'shop', 'solo', '10.244.1.6');
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('groups one namespace/name across clusters: one broken member degrades the group', async () => {
    const { body } = await gql(api, `{ serviceGroups(minClusters: 2) { totalCount nodes {
      namespace name clusters consistent health readyEndpoints members { cluster health service { cluster accessUrls { url } } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.serviceGroups.totalCount).toBe(1);
    const [g] = body.data.serviceGroups.nodes;
    expect(g).toMatchObject({ namespace: 'shop', name: 'checkout', clusters: ['alpha', 'beta'], consistent: true, health: 'DEGRADED', readyEndpoints: 1 });
    expect(g.members.map((m: { cluster: string; health: string }) => [m.cluster, m.health])).toEqual([['alpha', 'HEALTHY'], ['beta', 'UNHEALTHY']]);
    expect(g.members[0].service.accessUrls[0].url).toBe('http://checkout.shop.svc.cluster.local:80');
  });

  it('answers "where is X reachable, in every cluster, and is anything broken" in one query', async () => {
    const { body } = await gql(api, `{ services(filter: { search: "checkout" }) { nodes { cluster accessUrls { url scope } diagnostics { code } group { clusters health } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.services.nodes.map((n: { cluster: string; diagnostics: { code: string }[] }) => [n.cluster, n.diagnostics.map((d) => d.code)])).toEqual([
      ['alpha', []],
      ['beta', ['SERVICE_SELECTS_NO_PODS']],
    ]);
    expect(body.data.services.nodes[0].group).toEqual({ clusters: ['alpha', 'beta'], health: 'DEGRADED' });
  });

  it('serves groups over REST', async () => {
    const res = await api.fetch(`${api.url}/api/v1/service-groups?namespace=shop`);
    const body = (await res.json()) as any;
    expect(body.items.map((g: { name: string; clusters: string[] }) => `${g.name}:${g.clusters.join('+')}`)).toEqual(['checkout:alpha+beta', 'solo:alpha']);
  });
});

describe('topology', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    const alpha = await insertCluster(d, 'alpha');
    await insertService(d, alpha, serviceRecord('default', 'web'));
    await insertReadyEndpoint(d, alpha, 'default', 'web', '10.244.1.5');
    await insertService(d, alpha, serviceRecord('default', 'other'));
    await insertIngress(d, alpha, 'default', 'site', [
      { host: 'a.example.org', path: '/', service: 'web', port: 80 },
      { host: 'a.example.org', path: '/gone', service: 'missing', port: 80 },
    ]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('draws a service neighbourhood with stable ids, marking missing backends', async () => {
    const { body } = await gql(api, `{ topology(service: { cluster: "alpha", namespace: "default", name: "web" }) {
      nodes { id kind status } edges { source target kind } } }`);
    expect(body.errors).toBeUndefined();
    const ids = body.data.topology.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['cluster:alpha', 'ns:alpha/default', 'ing:alpha/default/site', 'svc:alpha/default/web']));
    expect(ids).not.toContain('svc:alpha/default/other');
    expect(body.data.topology.edges).toContainEqual({ source: 'ing:alpha/default/site', target: 'svc:alpha/default/web', kind: 'ROUTES' });
  });

  it('serves the graph over REST and rejects a service without its cluster', async () => {
    const res = await api.fetch(`${api.url}/api/v1/topology?cluster=alpha&namespace=default`);
    expect(res.status).toBe(200);
    const graph = (await res.json()) as any;
    expect(graph.nodes.find((n: { id: string }) => n.id === 'svc:alpha/default/missing')).toMatchObject({ status: 'MISSING' });
    const bad = await api.fetch(`${api.url}/api/v1/topology?service=web`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.details.map((d: { field: string }) => d.field)).toEqual(['cluster', 'namespace']);
    const unknown = await api.fetch(`${api.url}/api/v1/topology?cluster=alpha&namespace=default&service=nope`);
    expect(unknown.status).toBe(404);
  });
});

describe('catalog-wide diagnostics', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    const alpha = await insertCluster(d, 'alpha');
    await insertService(d, alpha, serviceRecord('default', 'web'));
    await insertReadyEndpoint(d, alpha, 'default', 'web', '10.244.1.5');
    await insertService(d, alpha, serviceRecord('default', 'orphan-service', { selector: { app: 'does-not-exist' } }));
    await insertService(d, alpha, serviceRecord('team-b', 'orphan-two', { selector: { app: 'nothing' } }));
    await insertIngress(d, alpha, 'default', 'broken-ingress', [{ host: 'broken.example.org', path: '/', service: 'missing-service', port: 80 }]);
    await insertIngress(d, alpha, 'default', 'app-ingress', [{ host: 'learn.example.org', path: '/', service: 'web', port: 80 }]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('lists every finding in a stable order with counts, page by page', async () => {
    const all = await gql(api, '{ diagnostics { totalCount bySeverity { errors warnings } nodes { code object { namespace name } } } }');
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.diagnostics.totalCount).toBe(3);
    expect(all.body.data.diagnostics.bySeverity).toEqual({ errors: 1, warnings: 2 });
    expect(all.body.data.diagnostics.nodes.map((n: { code: string; object: { namespace: string; name: string } }) => `${n.object.namespace}/${n.object.name}:${n.code}`)).toEqual([
      'default/broken-ingress:INGRESS_BACKEND_SERVICE_MISSING',
      'default/orphan-service:SERVICE_SELECTS_NO_PODS',
      'team-b/orphan-two:SERVICE_SELECTS_NO_PODS',
    ]);
    const first = await gql(api, '{ diagnostics(first: 2) { pageInfo { hasNextPage endCursor } nodes { object { name } } } }');
    const next = await gql(api, `{ diagnostics(first: 2, after: "${first.body.data.diagnostics.pageInfo.endCursor}") { pageInfo { hasNextPage } nodes { object { name } } } }`);
    expect(next.body.data.diagnostics.nodes).toEqual([{ object: { name: 'orphan-two' } }]);
    expect(next.body.data.diagnostics.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by namespace, severity and code over REST', async () => {
    const res = await api.fetch(`${api.url}/api/v1/diagnostics?namespace=default&severity=WARNING`);
    const body = (await res.json()) as any;
    expect(body.items.map((d: { object: { name: string } }) => d.object.name)).toEqual(['orphan-service']);
    const bad = await api.fetch(`${api.url}/api/v1/diagnostics?severity=LOUD`);
    expect(bad.status).toBe(422);
  });
});

describe('namespaces', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const alpha = await insertCluster(api.database, 'alpha');
    await api.database.prisma.namespace.create({
      data: { clusterId: alpha, name: 'shop', uid: 'ns-shop', phase: 'Active', labels: { team: 'shop' }, resourceVersion: '1', k8sCreatedAt: new Date() },
    });
    await insertService(api.database, alpha, serviceRecord('shop', 'cart'));
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('lists namespaces with their object counts over GraphQL and REST', async () => {
    const { body } = await gql(api, '{ namespaces { cluster name phase labels { key value } serviceCount ingressCount podCount } }');
    expect(body.data.namespaces).toEqual([{ cluster: 'alpha', name: 'shop', phase: 'Active', labels: [{ key: 'team', value: 'shop' }], serviceCount: 1, ingressCount: 0, podCount: 0 }]);
    const rest = await (await api.fetch(`${api.url}/api/v1/namespaces?cluster=beta`)).json();
    expect(rest).toEqual([]);
  });
});
