import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCluster, insertReadyEndpoint, insertService, serviceRecord } from '../support/seed-catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

async function gql(api: RunningApp, query: string, variables: Record<string, unknown> = {}) {
  const res = await api.fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as any;
}

const SEARCH = `query S($filter: ServiceFilterInput) { services(filter: $filter, first: 100, sort: NAME) { totalCount nodes { cluster namespace name } } }`;
const GROUPS = `query G($filter: ServiceFilterInput, $minClusters: Int, $first: Int, $after: String) {
  serviceGroups(filter: $filter, minClusters: $minClusters, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { namespace name clusters members { cluster } }
  }
}`;

// The catalog page's filters: kinds (Headless told apart from ClusterIP, which the
// `types` filter cannot do) and the same filters on the grouped view.
describe('catalog kinds filter and filtered service groups', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    const alpha = await insertCluster(d, 'alpha');
    const beta = await insertCluster(d, 'beta');
    await insertService(d, alpha, serviceRecord('shop', 'web'));
    await insertReadyEndpoint(d, alpha, 'shop', 'web', '10.244.1.5');
    await insertService(d, beta, serviceRecord('shop', 'web', { type: 'NodePort', ports: [{ position: 0, name: '', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: 30080, appProtocol: null }] }));
    await insertService(d, alpha, serviceRecord('shop', 'db', { headless: true, clusterIp: 'None', clusterIps: ['None'], labels: { app: 'db', tier: 'data' } }));
    await insertService(d, beta, serviceRecord('shop', 'db', { headless: true, clusterIp: 'None', clusterIps: ['None'], labels: { app: 'db', tier: 'data' } }));
    await insertReadyEndpoint(d, beta, 'shop', 'db', '10.244.2.7');
    await insertService(d, alpha, serviceRecord('shop', 'cache'));
    await insertReadyEndpoint(d, alpha, 'shop', 'cache', '10.244.1.8');
    await insertService(d, beta, serviceRecord('ops', 'alias', { type: 'ExternalName', externalName: 'example.com', selector: null, clusterIp: null, clusterIps: [], ports: [] }));
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const names = (body: any) => body.data.services.nodes.map((n: { cluster: string; namespace: string; name: string }) => `${n.cluster}/${n.namespace}/${n.name}`);

  it.each([
    [['Headless'], ['alpha/shop/db', 'beta/shop/db']],
    [['ClusterIP'], ['alpha/shop/cache', 'alpha/shop/web']],
    [['Headless', 'NodePort'], ['alpha/shop/db', 'beta/shop/db', 'beta/shop/web']],
    [['ExternalName', 'LoadBalancer'], ['beta/ops/alias']],
  ])('services of kinds %o', async (kinds, expected) => {
    const body = await gql(api, SEARCH, { filter: { kinds } });
    expect(body.errors).toBeUndefined();
    expect(names(body)).toEqual(expected);
    expect(body.data.services.totalCount).toBe(expected.length);
  });

  it('combines kinds with the other filters, and serves them over REST as ?kind=', async () => {
    const body = await gql(api, SEARCH, { filter: { kinds: ['Headless'], clusters: ['beta'], hasDiagnostics: false } });
    expect(names(body)).toEqual(['beta/shop/db']);
    const res = await api.fetch(`${api.url}/api/v1/services?kind=Headless,NodePort&cluster=beta&sort=NAME`);
    expect(res.status).toBe(200);
    const rest = (await res.json()) as any;
    expect(rest.items.map((s: { name: string }) => s.name)).toEqual(['db', 'web']);
    expect(rest.totalCount).toBe(2);
  });

  it('refuses an unknown kind naming the field and the kinds there are', async () => {
    const res = await api.fetch(`${api.url}/api/v1/services?kind=Headles`);
    expect(res.status).toBe(422);
    const err = ((await res.json()) as any).error;
    // Named as the REST parameter (`kinds` over GraphQL).
    expect(err.details).toEqual([expect.objectContaining({ field: 'kind', message: expect.stringContaining('unknown service kind "Headles"; expected one of ClusterIP, Headless') })]);
  });

  it('groups only services matching the filter, listing every member of a matching group', async () => {
    // beta's web is a NodePort: its group matches, and alpha's ClusterIP member comes along.
    const nodePort = await gql(api, GROUPS, { filter: { kinds: ['NodePort'] } });
    expect(nodePort.errors).toBeUndefined();
    expect(nodePort.data.serviceGroups.totalCount).toBe(1);
    expect(nodePort.data.serviceGroups.nodes[0]).toMatchObject({ namespace: 'shop', name: 'web', clusters: ['alpha', 'beta'] });

    const alphaOnly = await gql(api, GROUPS, { filter: { clusters: ['alpha'] } });
    expect(alphaOnly.data.serviceGroups.nodes.map((g: { name: string; clusters: string[] }) => `${g.name}:${g.clusters.join('+')}`)).toEqual(['cache:alpha', 'db:alpha+beta', 'web:alpha+beta']);

    // minClusters counts every cluster of the group, not only the matching members.
    const spread = await gql(api, GROUPS, { filter: { clusters: ['alpha'] }, minClusters: 2 });
    expect(spread.data.serviceGroups.nodes.map((g: { name: string }) => g.name)).toEqual(['db', 'web']);
    expect(spread.data.serviceGroups.totalCount).toBe(2);

    const searched = await gql(api, GROUPS, { filter: { labelSelector: 'tier=data', search: 'shop' } });
    expect(searched.data.serviceGroups.nodes.map((g: { name: string }) => g.name)).toEqual(['db']);

    const troubled = await gql(api, GROUPS, { filter: { hasDiagnostics: true } });
    // alpha's db and beta's web have no ready endpoint: findings, so their groups are listed with every member.
    expect(troubled.data.serviceGroups.nodes.map((g: { name: string; members: { cluster: string }[] }) => `${g.name}:${g.members.map((m) => m.cluster).join('+')}`)).toEqual(['db:alpha+beta', 'web:alpha+beta']);
  });

  it('pages filtered groups by cursor and answers the same over REST', async () => {
    const first = await gql(api, GROUPS, { filter: { namespaces: ['shop'] }, first: 2 });
    expect(first.data.serviceGroups.nodes.map((g: { name: string }) => g.name)).toEqual(['cache', 'db']);
    expect(first.data.serviceGroups.pageInfo.hasNextPage).toBe(true);
    const second = await gql(api, GROUPS, { filter: { namespaces: ['shop'] }, first: 2, after: first.data.serviceGroups.pageInfo.endCursor });
    expect(second.data.serviceGroups.nodes.map((g: { name: string }) => g.name)).toEqual(['web']);
    expect(second.data.serviceGroups.pageInfo.hasNextPage).toBe(false);

    const res = await api.fetch(`${api.url}/api/v1/service-groups?kind=Headless&label=${encodeURIComponent('tier in (data)')}`);
    expect(res.status).toBe(200);
    const rest = (await res.json()) as any;
    expect(rest.items.map((g: { name: string; clusters: string[] }) => `${g.name}:${g.clusters.join('+')}`)).toEqual(['db:alpha+beta']);
    const bad = await api.fetch(`${api.url}/api/v1/service-groups?label=${encodeURIComponent('tier in (data')}`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.details[0].field).toBe('label');
  });
});
