import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../src/change-feed/change-feed.service.js';
import { rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/** Subscribes and resolves with the first `count` events. */
function collect(client: Client, query: string, count: number): { events: Promise<unknown[]>; ready: Promise<void> } {
  const got: unknown[] = [];
  const events = new Promise<unknown[]>((resolve, reject) => {
    const stop = client.subscribe(
      { query },
      {
        next: (v) => {
          got.push(v.data);
          if (got.length === count) {
            stop();
            resolve(got);
          }
        },
        error: reject,
        complete: () => resolve(got),
      },
    );
  });
  // The server subscribes to the feed when the operation starts; give it a moment.
  const ready = new Promise<void>((r) => setTimeout(r, 300));
  return { events, ready };
}

type StatusEvent = { cluster: string; kind: string | null; status: string; lastError: string | null };

/** Every event of a subscription, as it arrives. */
function record<T>(client: Client, query: string, pick: (data: Record<string, unknown>) => T): { events: T[]; stop: () => void } {
  const events: T[] = [];
  const stop = client.subscribe({ query }, { next: (v) => events.push(pick(v.data as Record<string, unknown>)), error: () => undefined, complete: () => undefined });
  return { events, stop };
}

describe('GraphQL subscriptions over graphql-ws', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let client: Client;
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'wobbly', bookmarkIntervalMs: 200 });
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_WATCH_IDLE_SECONDS: '5' }));
    client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, lazy: false });
  });
  afterAll(async () => {
    await client?.dispose();
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it('delivers committed catalog changes, filtered by cluster and namespace', async () => {
    const sub = collect(client, 'subscription { catalogChanged(filter: { clusters: ["alpha"], namespaces: ["shop"] }) { cluster kind op objects } }', 1);
    await sub.ready;
    const feed = api.app.get(ChangeFeed);
    await feed.publish({ cluster: 'beta', kind: 'SERVICE', op: 'UPSERT', objects: ['shop/web'] });
    await feed.publish({ cluster: 'alpha', kind: 'SERVICE', op: 'UPSERT', objects: ['default/web'] });
    await feed.publish({ cluster: 'alpha', kind: 'SERVICE', op: 'DELETE', objects: ['default/x', 'shop/cart'] });
    expect(await sub.events).toEqual([{ catalogChanged: { cluster: 'alpha', kind: 'SERVICE', op: 'DELETE', objects: ['shop/cart'] } }]);
  });

  it('reports a cluster that becomes unreachable, and READY again once it is back', async () => {
    await registerCluster(api, 'wobbly', sim.kubeconfig());
    const sub = record(client, 'subscription { clusterStatusChanged(clusters: ["wobbly"]) { cluster kind status lastError } }', (d) => d['clusterStatusChanged'] as StatusEvent);
    try {
      await sim.faults.down();
      let failing: StatusEvent[] = [];
      try {
        // The loops retry while it is down: DEGRADED at once, ERROR after a few attempts.
        failing = await waitFor(() => {
          const bad = sub.events.filter((e) => e.status === 'DEGRADED' || e.status === 'ERROR');
          return bad.length ? bad : undefined;
        }, 'a DEGRADED or ERROR status change', 20_000);
      } finally {
        await sim.faults.up();
      }
      expect(failing[0]).toMatchObject({ cluster: 'wobbly', kind: expect.any(String), lastError: expect.any(String) });
      const broken = new Set(failing.map((e) => e.kind));
      await waitFor(() => [...broken].every((kind) => sub.events.some((e, i) => e.kind === kind && e.status === 'READY' && i > sub.events.findIndex((f) => f.kind === kind && f.status !== 'READY'))), 'READY again for every kind that failed', 60_000);
      expect((await rest(api, 'GET', '/clusters/wobbly')).body.status).toBe('READY');
    } finally {
      sub.stop();
    }
  });

  it('reports a cluster paused, resumed and removed', async () => {
    const sub = record(client, 'subscription { clusterStatusChanged(clusters: ["wobbly"]) { cluster kind status lastError } }', (d) => d['clusterStatusChanged'] as StatusEvent);
    const whole = () => sub.events.filter((e) => e.kind === null).map((e) => e.status);
    try {
      // The subscription may not be listening yet when the first pause commits: resume and pause again until one arrives.
      for (let attempt = 0; !whole().includes('PAUSED'); attempt++) {
        if (attempt === 10) throw new Error('no PAUSED status change after 10 pauses');
        if (attempt) expect((await rest(api, 'PATCH', '/clusters/wobbly', { paused: false })).status).toBe(200);
        expect((await rest(api, 'PATCH', '/clusters/wobbly', { paused: true })).status).toBe(200);
        await waitFor(() => whole().includes('PAUSED'), 'PAUSED', 2_000).catch(() => undefined);
      }
      expect((await rest(api, 'PATCH', '/clusters/wobbly', { paused: false })).status).toBe(200);
      await waitFor(() => whole().at(-1) === 'PENDING', 'PENDING after resuming');
      await waitFor(() => sub.events.some((e, i) => e.kind === 'SERVICE' && e.status === 'READY' && i > sub.events.findLastIndex((f) => f.status === 'PENDING')), 'the kinds READY after resuming');
      expect((await rest(api, 'DELETE', '/clusters/wobbly')).status).toBe(200);
      await waitFor(() => whole().at(-1) === 'REMOVED', 'REMOVED');
    } finally {
      sub.stop();
    }
  });

  it('splits changes too large for one notification without losing objects', async () => {
    const objects = Array.from({ length: 2000 }, (_, i) => `ns-${i % 7}/service-with-a-long-name-${i}`);
    const got: string[] = [];
    const done = new Promise<void>((resolve) => {
      const stop = client.subscribe(
        { query: 'subscription { catalogChanged(filter: { kinds: [POD] }) { objects } }' },
        {
          next: (v) => {
            got.push(...(v.data as { catalogChanged: { objects: string[] } }).catalogChanged.objects);
            if (got.length >= objects.length) {
              stop();
              resolve();
            }
          },
          error: () => resolve(),
          complete: () => resolve(),
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    await api.app.get(ChangeFeed).publish({ cluster: 'alpha', kind: 'POD', op: 'UPSERT', objects });
    await done;
    expect(got.sort()).toEqual([...objects].sort());
  });
});
