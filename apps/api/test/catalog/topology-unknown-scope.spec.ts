import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCluster, insertReadyEndpoint, insertService, serviceRecord } from '../support/seed-catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

// A topology scope that names a cluster or namespace that does not exist is refused with
// NOT_FOUND naming it, so the dashboard can say what is wrong instead of drawing nothing.
describe('topology scope', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const alpha = await insertCluster(api.database, 'alpha');
    await insertService(api.database, alpha, serviceRecord('shop', 'web'));
    await insertReadyEndpoint(api.database, alpha, 'shop', 'web', '10.244.1.5');
    await insertCluster(api.database, 'empty');
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const gql = async (query: string) => {
    const res = await api.fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data: { topology: { nodes: { id: string }[] } } | null; errors?: { message: string; extensions: { code: string } }[] };
  };

  it.each([
    ['an unknown cluster', '{ topology(cluster: "nope") { nodes { id } } }', 'cluster "nope" not found'],
    ['an unknown namespace of a cluster', '{ topology(cluster: "alpha", namespace: "nope") { nodes { id } } }', 'namespace "nope" in cluster "alpha" not found'],
    ['a namespace no cluster has', '{ topology(namespace: "nope") { nodes { id } } }', 'namespace "nope" in any cluster not found'],
  ])('refuses %s with NOT_FOUND naming it', async (_name, query, message) => {
    const body = await gql(query);
    expect(body.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['NOT_FOUND', message]]);
  });

  it('answers known scopes, an empty cluster included, and says the same over REST', async () => {
    const shop = await gql('{ topology(cluster: "alpha", namespace: "shop") { nodes { id } } }');
    expect(shop.errors).toBeUndefined();
    expect(shop.data!.topology.nodes.map((n) => n.id)).toContain('svc:alpha/shop/web');
    const empty = await gql('{ topology(cluster: "empty") { nodes { id } } }');
    expect(empty.data!.topology.nodes.map((n) => n.id)).toEqual(['cluster:empty']);
    const rest = await api.fetch(`${api.url}/api/v1/topology?cluster=nope`);
    expect(rest.status).toBe(404);
    expect(((await rest.json()) as { error: { message: string } }).error.message).toBe('cluster "nope" not found');
  });
});
