import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { KIND_SPECS } from '../../src/sync/kind-specs.js';

const CLUSTERS = 24;
const PAUSED = 6;

/**
 * A replica's lease round (every third of SYNC_LEASE_SECONDS) writes only what
 * changed: its leases are renewed in one statement whatever their number, and the
 * sync states of paused clusters are not rewritten.
 */
describe('sync: lease rounds', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'many', nodes: 1, bookmarkIntervalMs: 500 });
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_LEASE_SECONDS: '3', SYNC_WATCH_IDLE_SECONDS: '600' }));
    // One simulator behind every registration: the rounds, not the clusters, are measured.
    for (let i = 0; i < CLUSTERS; i++) expect((await rest(api, 'POST', '/clusters', { kubeconfig: sim.kubeconfig(), name: `c${i}` })).status).toBe(201);
    for (let i = 0; i < PAUSED; i++) expect((await rest(api, 'PATCH', `/clusters/c${i}`, { paused: true })).status).toBe(200);
    await waitFor(async () => {
      const clusters = (await rest(api, 'GET', '/clusters')).body as { status: string; syncStates: { status: string }[] }[];
      const ready = clusters.filter((c) => c.syncStates.length === KIND_SPECS.length && c.syncStates.every((s) => s.status === 'READY'));
      const paused = clusters.filter((c) => c.syncStates.length === KIND_SPECS.length && c.syncStates.every((s) => s.status === 'PAUSED'));
      return ready.length === CLUSTERS - PAUSED && paused.length === PAUSED;
    }, 'every cluster synced or paused', 120_000);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it(`renews ${CLUSTERS - PAUSED} leases and skips ${PAUSED} paused clusters in a few statements per round`, async () => {
    const pausedStates = () => api.database.prisma.clusterSyncState.findMany({ where: { cluster: { paused: true } }, select: { clusterId: true, kind: true, status: true, updatedAt: true }, orderBy: [{ clusterId: 'asc' }, { kind: 'asc' }] });
    const before = await pausedStates();
    expect(before).toHaveLength(PAUSED * KIND_SPECS.length);
    expect(before.every((s) => s.status === 'PAUSED')).toBe(true);
    // Each round starts by reading the clusters with their credentials: that statement delimits rounds.
    const starts: number[] = [];
    const statements: string[] = [];
    const stop = api.database.onQuery((e) => {
      if (e.query.includes('"credentials"')) starts.push(statements.length);
      statements.push(e.query);
    });
    try {
      await waitFor(() => starts.length > 5, 'five whole lease rounds', 30_000);
    } finally {
      stop();
    }
    const rounds = starts.length - 1;
    const perRound = (starts.at(-1)! - starts[0]!) / rounds;
    console.log(`lease rounds with ${CLUSTERS} clusters (${PAUSED} paused): ${perRound.toFixed(1)} statements per round over ${rounds} rounds`);
    expect(perRound).toBeLessThanOrEqual(2);
    expect(await pausedStates()).toEqual(before);
  });
});
