import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoService } from '../../src/demo/demo.service.js';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

describe('demo mode', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SWITCHBOARD_DEMO: 'auto' }));
    await api.app.get(DemoService).whenStarted();
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('starts three simulated clusters in distinct regions and fills the catalog', async () => {
    const clusters = await waitFor(async () => {
      const { body } = await rest(api, 'GET', '/clusters');
      return body.length === 3 && body.every((c: { status: string }) => c.status === 'READY') ? body : undefined;
    }, 'three demo clusters ready', 30_000);
    const region = (c: { labels: { key: string; value: string }[] }) => c.labels.find((l) => l.key === 'region')?.value;
    expect(clusters.map((c: { name: string }) => c.name)).toEqual(['prod-eu', 'prod-us', 'staging']);
    expect(new Set(clusters.map(region)).size).toBe(3);
    const lb = await rest(api, 'GET', '/services?type=LoadBalancer&namespace=default&sort=CLUSTER');
    const pending = lb.body.items.map((s: { cluster: string; loadBalancerIngress: unknown[] }) => [s.cluster, s.loadBalancerIngress.length > 0]);
    expect(pending).toEqual([['prod-eu', true], ['prod-us', true], ['staging', false]]);
    const all = await rest(api, 'GET', '/services?limit=1');
    expect(all.body.totalCount).toBeGreaterThan(100);
  });
});
