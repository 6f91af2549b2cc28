import net from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../src/change-feed/change-feed.service.js';
import { rest } from '../support/api-client.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type Closed = { code: number; reason: string };

/** A subscription over graphql-ws; `closed` resolves with the close code and reason the server chose. */
function subscribe(url: string, connectionParams: Record<string, unknown>, headers: Record<string, string> = {}): { events: unknown[]; connected: Promise<void>; closed: Promise<Closed> } {
  const events: unknown[] = [];
  let connected!: () => void;
  let closed!: (c: Closed) => void;
  const result = { events, connected: new Promise<void>((r) => (connected = r)), closed: new Promise<Closed>((r) => (closed = r)) };
  const withHeaders = class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
  const client = createClient({
    url: url.replace('http', 'ws') + '/graphql',
    webSocketImpl: withHeaders,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { connected: () => connected(), closed: (e) => closed({ code: (e as Closed).code, reason: String((e as Closed).reason) }) },
  });
  client.subscribe({ query: 'subscription { clusterStatusChanged { cluster status } }' }, { next: (v) => events.push(v.data), error: () => undefined, complete: () => undefined });
  return result;
}

/**
 * A TCP relay between a client and the API whose server-to-client direction can be
 * held: the API's writes back up, as behind a client that stopped reading.
 */
async function startHoldingRelay(target: string): Promise<{ url: string; hold(on: boolean): void; stop(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const upstreams = new Set<net.Socket>();
  let holding = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    upstreams.add(upstream);
    if (holding) upstream.pause();
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      upstreams.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    hold(on) {
      holding = on;
      for (const u of upstreams) on ? u.pause() : u.resume();
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const u of upstreams) u.destroy();
        server.close(() => r());
      }),
  };
}

describe('GraphQL subscriptions: credentials and slow subscribers', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const newToken = async (name: string, extra: Record<string, unknown> = {}) => (await rest(api, 'POST', '/tokens', { name, role: 'viewer', ...extra })).body as { token: string; apiToken: { id: string } };

  it('closes the socket with 4403 when its token is revoked', async () => {
    const t = await newToken('to-revoke');
    const sub = subscribe(api.url, { authorization: `Bearer ${t.token}` });
    await sub.connected;
    expect((await rest(api, 'DELETE', `/tokens/${t.apiToken.id}`)).status).toBe(200);
    expect(await sub.closed).toEqual({ code: 4403, reason: 'the token was revoked' });
  });

  it('closes the socket with 4401 when its token expires', async () => {
    const t = await newToken('short-lived', { expiresAt: new Date(Date.now() + 3_000).toISOString() });
    const sub = subscribe(api.url, { authorization: `Bearer ${t.token}` });
    await sub.connected;
    expect(await sub.closed).toEqual({ code: 4401, reason: 'the token expired' });
  });

  it('closes the socket with 4403 when its dashboard session signs out', async () => {
    const t = await newToken('dashboard');
    const login = await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: t.token }) });
    const csrfToken = ((await login.json()) as { csrfToken: string }).csrfToken;
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const sub = subscribe(api.url, {}, { cookie });
    await sub.connected;
    expect((await rest(api, 'POST', '/auth/logout', undefined, { authorization: '', cookie, 'x-csrf-token': csrfToken })).status).toBe(204);
    expect(await sub.closed).toEqual({ code: 4403, reason: 'the session was signed out' });
  });

  it('gives a subscriber that stopped reading a bounded backlog: what it missed arrives as RELIST per cluster and kind', async () => {
    const relay = await startHoldingRelay(api.url);
    const received: { cluster: string; kind: string; op: string; objects: string[] }[] = [];
    const client = createClient({ url: relay.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    try {
      client.subscribe(
        { query: 'subscription { catalogChanged { cluster kind op objects } }' },
        { next: (v) => received.push((v.data as { catalogChanged: (typeof received)[number] }).catalogChanged), error: () => undefined, complete: () => undefined },
      );
      const feed = api.app.get(ChangeFeed);
      // Until the subscription is listening, nothing arrives: publish until something does.
      await waitFor(async () => {
        await feed.publish({ cluster: 'probe', kind: 'SERVICE', op: 'UPSERT', objects: ['default/probe'] });
        return received.length > 0;
      }, 'the subscription listening');
      relay.hold(true);
      // Each change as large as one notification: socket buffers hold a few thousand, the backlog far fewer.
      const names = Array.from({ length: 150 }, (_, i) => `team-${i % 9}/a-service-with-a-rather-long-name-${i}`);
      const published = 4_000;
      for (let i = 0; i < published; i++) await feed.publish({ cluster: i % 2 ? 'east' : 'west', kind: i % 3 ? 'POD' : 'SERVICE', op: 'UPSERT', objects: names });
      const before = received.length;
      relay.hold(false);
      await feed.publish({ cluster: 'done', kind: 'INGRESS', op: 'UPSERT', objects: ['default/last'] });
      await waitFor(() => received.some((c) => c.cluster === 'done'), 'the last change after the backlog', 60_000);
      const backlog = received.slice(before);
      expect(backlog.length).toBeLessThan(published);
      const relists = backlog.filter((c) => c.op === 'RELIST').map((c) => `${c.cluster}/${c.kind}`);
      expect(new Set(relists)).toEqual(new Set(['east/POD', 'east/SERVICE', 'west/POD', 'west/SERVICE']));
      expect(backlog.at(-1)).toEqual({ cluster: 'done', kind: 'INGRESS', op: 'UPSERT', objects: ['default/last'] });
    } finally {
      await client.dispose();
      await relay.stop();
    }
  });
});
