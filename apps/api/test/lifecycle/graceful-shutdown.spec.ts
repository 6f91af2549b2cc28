import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriberSockets } from '../../src/auth/subscriber-sockets.service.js';
import { HealthController } from '../../src/health/health.controller.js';
import { GracefulShutdown } from '../../src/lifecycle/graceful-shutdown.service.js';
import { withAuth } from '../support/api-client.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/**
 * What SIGTERM does before the process exits (main.ts runs GracefulShutdown, then
 * app.close()): subscribers are told to reconnect, new connections are refused, the
 * readiness probe fails, and a request already being received is still answered.
 * The multi-process behaviour (leases, load) is in test/scale-out.
 */
describe('graceful shutdown', () => {
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

  it('closes subscriptions with 1012, refuses new connections, answers the request in flight, then finishes', async () => {
    const port = Number(new URL(api.url).port);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => undefined,
        on: {
          closed: (e) => {
            const { code, reason } = e as { code: number; reason: string };
            resolve({ code, reason });
          },
        },
      });
      client.subscribe({ query: 'subscription { clusterStatusChanged { cluster status } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    await waitFor(() => api.app.get(SubscriberSockets).openCount() === 1, 'the subscription is open');

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ query: '{ clusters { name } }' });
    let finishBody: () => void = () => undefined;
    const answer = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', agent: false, headers: withAuth({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }) }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      finishBody = () => req.end(body.slice(10));
    });
    const shutdown = api.app.get(GracefulShutdown);
    await waitFor(() => shutdown.requestsInFlight === 1, 'the request is in flight');

    let drained = false;
    const drain = shutdown.run('SIGTERM').then(() => (drained = true));
    expect(await closed).toEqual({ code: 1012, reason: 'service restart: reconnect' });
    const refused = await fetch(`${api.url}/healthz`).then(
      () => 'answered',
      (err: Error & { cause?: { code?: string } }) => err.cause?.code,
    );
    expect(refused).toBe('ECONNREFUSED');
    let probe: { status: number; body: { status: string; reason?: string } } | undefined;
    const res = { status: (s: number) => ({ json: (b: { status: string; reason?: string }) => (probe = { status: s, body: b }) }) };
    await api.app.get(HealthController).readyz(res as never);
    expect(probe).toMatchObject({ status: 503, body: { status: 'not ready', reason: 'shutting down' } });
    expect(drained).toBe(false);

    finishBody();
    const got = await answer;
    expect(got.status).toBe(200);
    expect(JSON.parse(got.text)).toEqual({ data: { clusters: [] } });
    expect(got.connection).toBe('close');
    await drain;
    expect(drained).toBe(true);
  });
});
