import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoService } from '../../src/demo/demo.service.js';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type ClusterBody = { id: string; name: string; server: string; status: string; labels: { key: string; value: string }[] };
const label = (c: ClusterBody, key: string) => c.labels.find((l) => l.key === key)?.value;

async function demoClustersReady(api: RunningApp): Promise<ClusterBody[]> {
  return waitFor(async () => {
    const { body } = await rest<ClusterBody[]>(api, 'GET', '/clusters');
    return body.length === 3 && body.every((c) => c.status === 'READY') ? body : undefined;
  }, 'three demo clusters READY', 40_000);
}

describe('demo mode', () => {
  let db: TestDatabase;
  let api: RunningApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('starts three simulated clusters with distinct regions, registered with labels', async () => {
    api = await startTestApp(db.config({ SWITCHBOARD_DEMO: 'auto', SYNC_LEASE_SECONDS: '3' }));
    await api.app.get(DemoService).whenStarted();
    const clusters = await demoClustersReady(api);
    expect(clusters.map((c) => c.name)).toEqual(['prod-eu', 'prod-us', 'staging']);
    expect(clusters.map((c) => label(c, 'region'))).toEqual(['eu-west-1', 'us-east-1', 'eu-central-1']);
    expect(clusters.map((c) => label(c, 'environment'))).toEqual(['prod', 'prod', 'staging']);
    expect(api.app.get(DemoService).simulators()).toHaveLength(3);
    // Seed scenarios plus the generated spread: well over a hundred services.
    expect((await rest(api, 'GET', '/services?limit=1')).body.totalCount).toBeGreaterThan(100);
  });

  it('re-points the clusters of an earlier run at their new simulators on restart', async () => {
    const before = (await rest<ClusterBody[]>(api!, 'GET', '/clusters')).body;
    await api!.close();
    api = await startTestApp(db.config({ SWITCHBOARD_DEMO: 'auto', SYNC_LEASE_SECONDS: '3' }));
    await api.app.get(DemoService).whenStarted();
    const after = await demoClustersReady(api);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    for (const [i, c] of after.entries()) expect(c.server).not.toBe(before[i]!.server);
  });

  it('stays off once a cluster of your own is registered (auto), and with SWITCHBOARD_DEMO=0', async () => {
    const sims = api!.app.get(DemoService).simulators();
    // Register one of the simulators under another name: a "real" cluster of the user's.
    const own = await rest(api!, 'POST', '/clusters', { name: 'mine', server: sims[0]!.url, token: sims[0]!.token, caData: sims[0]!.caData });
    expect(own.status).toBe(201);
    await api!.close();
    api = await startTestApp(db.config({ SWITCHBOARD_DEMO: 'auto' }));
    await api.app.get(DemoService).whenStarted();
    expect(api.app.get(DemoService).simulators()).toHaveLength(0);
    await api.close();
    api = await startTestApp(db.config({ SWITCHBOARD_DEMO: '0' }));
    expect(api.app.get(DemoService).simulators()).toHaveLength(0);
  });
});
