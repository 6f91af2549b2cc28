import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../src/change-feed/change-feed.service.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

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

describe('GraphQL subscriptions over graphql-ws', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, lazy: false });
  });
  afterAll(async () => {
    await client?.dispose();
    await api?.close();
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

  it('delivers cluster status transitions', async () => {
    const sub = collect(client, 'subscription { clusterStatusChanged { cluster kind status lastError } }', 1);
    await sub.ready;
    await api.app.get(ChangeFeed).publishClusterStatus({ cluster: 'alpha', kind: 'SERVICE', status: 'DEGRADED', lastError: 'watch closed' });
    expect(await sub.events).toEqual([{ clusterStatusChanged: { cluster: 'alpha', kind: 'SERVICE', status: 'DEGRADED', lastError: 'watch closed' } }]);
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
