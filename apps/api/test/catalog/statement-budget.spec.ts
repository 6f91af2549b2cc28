import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCluster, insertIngress, insertReadyEndpoint, insertService, serviceRecord } from '../support/seed-catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

// DataLoader batching keeps every catalog query within a fixed number of SQL
// statements however many services a page holds (the budget: 5).
describe('SQL statements per catalog query', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    // No sync engine: its lease rounds would be counted with the query's statements.
    api = await startTestApp(db.config({ ROLE: 'api' }));
    const d = api.database;
    for (const cluster of ['alpha', 'beta', 'gamma']) {
      const id = await insertCluster(d, cluster);
      for (let i = 0; i < 15; i++) {
        const type = i % 3 === 0 ? 'NodePort' : 'ClusterIP';
        await insertService(d, id, serviceRecord('shop', `svc-${i}`, { type, headless: i === 4, clusterIp: i === 4 ? 'None' : '10.96.0.10' }));
        if (i % 2) await insertReadyEndpoint(d, id, 'shop', `svc-${i}`, `10.244.0.${i}`);
      }
      await insertIngress(d, id, 'shop', 'site', [{ host: `${cluster}.example.org`, path: '/', service: 'svc-1', port: 80 }]);
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  async function statementsFor(run: () => Promise<Response>): Promise<number> {
    let n = 0;
    const stop = api.database.onQuery(() => n++);
    try {
      const res = await run();
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
    } finally {
      stop();
    }
    return n;
  }

  const gql = (query: string) => () =>
    api.fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it.each([
    ['a 45-service page with URLs, diagnostics and ingresses', gql('{ services(first: 50) { totalCount nodes { name accessUrls { url } diagnostics { code } ingresses { name } } } }'), 5],
    ['a filtered, searched page', gql('{ services(filter: { clusters: ["beta"], search: "svc-1", labelSelector: "app" }, first: 20) { totalCount nodes { name accessUrls { url } diagnostics { code } } } }'), 5],
    ['one service with URLs, diagnostics and ingresses', gql('{ service(cluster: "alpha", namespace: "shop", name: "svc-3") { accessUrls { url } diagnostics { code } ingresses { name } } }'), 5],
    ['the REST search page', () => api.fetch(`${api.url}/api/v1/services?namespace=shop&limit=50`), 5],
    ['the REST service detail', () => api.fetch(`${api.url}/api/v1/clusters/alpha/namespaces/shop/services/svc-4`), 5],
    ["a cluster's network policies", gql('{ networkPolicies(cluster: "alpha") { name ingress { peers { podSelector { matchLabels { key } } } } } }'), 1],
    ["a cluster's workloads with their pods", gql('{ workloads(cluster: "alpha") { kind name pods } }'), 1],
  ])('%s', async (_name, run, budget) => {
    expect(await statementsFor(run)).toBeLessThanOrEqual(budget);
  });
});
