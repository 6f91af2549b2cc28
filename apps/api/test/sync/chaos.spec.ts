import { rng, type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitForEqualCatalog } from './catalog-vs-cluster.js';

describe('sync chaos: random changes with faults across three clusters', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sims: SimCluster[] = [];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    sims = await Promise.all(['red', 'green', 'blue'].map((name) => startCluster({ name, scenario: 'seed', bookmarkIntervalMs: 200, historyWindow: 50 })));
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_LEASE_SECONDS: '3', SYNC_WATCH_IDLE_SECONDS: '2' }));
    for (const sim of sims) {
      expect((await rest(api, 'POST', '/clusters', { kubeconfig: sim.kubeconfig() })).status).toBe(201);
      ids.set(sim.name, (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: sim.name } })).id);
    }
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: catalog equals every cluster object by object`, async () => {
      const random = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      for (let step = 0; step < 60; step++) {
        const sim = pick(sims);
        const r = random();
        const name = `svc-${seed}-${Math.floor(random() * 8)}`;
        try {
          if (r < 0.35) {
            await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { step: String(step) } }, spec: { selector: { app: 'MyApp' }, ports: [{ port: 80 + Math.floor(random() * 5), targetPort: 8080 }] } });
          } else if (r < 0.55) {
            await sim.delete('v1', 'Service', 'default', name);
          } else if (r < 0.7) {
            await sim.scale('default', 'myapp-deployment', Math.floor(random() * 5));
          } else if (r < 0.76) sim.faults.dropWatches();
          else if (r < 0.8) sim.faults.expireNextWatches(2);
          else if (r < 0.84) sim.faults.compact();
          else if (r < 0.88) sim.faults.failNext(3, random() < 0.5 ? 503 : 429, 0);
          else if (r < 0.92) sim.faults.freezeWatches(random() < 0.5);
          else if (r < 0.95) {
            await sim.faults.down();
            await new Promise((res) => setTimeout(res, 100));
            await sim.faults.up();
          }
        } catch {
          // deleting a missing service is part of the randomness
        }
        if (step % 10 === 0) await new Promise((res) => setTimeout(res, 20));
      }
      for (const sim of sims) sim.faults.freezeWatches(false);
      // Quiescence: every row of every kind of every cluster equals the cluster, column by column.
      for (const sim of sims) await waitForEqualCatalog(api.database, ids.get(sim.name)!, sim, 30_000);
    });
  }
});
