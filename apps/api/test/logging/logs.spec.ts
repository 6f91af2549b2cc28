import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { logFormatOf } from '../../src/logging/root-logger.js';
import { captureOutput } from '../clusters/capture-output.js';
import { rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type Line = { level: string; time: string; msg: string; requestId?: string; req?: { method: string; route: string }; res?: { status: number }; responseTime?: number; caller?: string; operation?: string; cluster?: string; kind?: string; context?: string };

// What a log pipeline receives: one JSON object per line, requests and sync events findable by field.
describe('logs: JSON lines', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  const output = captureOutput();
  /** Node's own warnings (on stderr: "(node:123) DeprecationWarning…") are not the API's log lines. */
  const apiLines = () => output.text().split('\n').filter((l) => l && !/^\(node:\d+\)|^\(Use `node/.test(l));
  const lines = (): Line[] => apiLines().map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    sim = await startCluster({ name: 'logged', scenario: 'seed' });
    db = await createTestDatabase();
    api = await startTestApp(db.config({ LOG_LEVEL: 'info', LOG_FORMAT: 'json', SYNC_LEASE_SECONDS: '3' }));
  });
  afterAll(async () => {
    await api?.close();
    output.stop();
    await sim?.stop();
    await db?.dispose();
  });

  it('logs each request once it ends: its id (the client\'s, returned), route without the query, status, duration, caller', async () => {
    const res = await api.fetch(`${api.url}/api/v1/clusters?limit=5`, { headers: { 'X-Request-Id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const line = await waitFor(() => lines().find((l) => l.requestId === 'trace-42'), 'the request line');
    expect(line).toMatchObject({ level: 'info', req: { method: 'GET', route: '/api/v1/clusters' }, res: { status: 200 }, caller: expect.stringMatching(/^token:/), msg: 'GET /api/v1/clusters 200' });
    expect(typeof line.responseTime).toBe('number');
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('gives requests without a usable id a new one, and logs refusals too (no caller)', async () => {
    const anonymous = await fetch(`${api.url}/api/v1/clusters`, { headers: { 'X-Request-Id': 'has spaces\tand tabs' } });
    expect(anonymous.status).toBe(401);
    const id = anonymous.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await waitFor(() => lines().find((l) => l.requestId === id), 'the refusal line');
    expect(line).toMatchObject({ res: { status: 401 } });
    expect(line.caller).toBeUndefined();
  });

  it('names the GraphQL operation', async () => {
    const res = await api.fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Request-Id': 'gql-1' }, body: JSON.stringify({ query: 'query CardsOfTheOverview { clusters { name } }', operationName: 'CardsOfTheOverview' }) });
    expect(res.status).toBe(200);
    expect(await waitFor(() => lines().find((l) => l.requestId === 'gql-1'), 'the GraphQL line')).toMatchObject({ operation: 'CardsOfTheOverview', req: { route: '/graphql' } });
  });

  it('sync lines carry their cluster and kind', async () => {
    await registerCluster(api, 'logged', sim.kubeconfig());
    await waitFor(async () => (await rest(api, 'GET', '/clusters/logged')).body.status === 'READY', 'READY', 30_000);
    expect(lines().find((l) => l.msg.startsWith('syncing cluster logged'))).toMatchObject({ cluster: 'logged' });
    await sim.stop();
    const warning = await waitFor(() => lines().find((l) => l.level === 'warn' && l.cluster === 'logged' && l.kind), 'a sync warning with cluster and kind', 30_000);
    expect(warning.msg).toMatch(/retrying/);
  });

  it('writes only JSON lines, none with a credential', () => {
    const text = output.text();
    for (const raw of apiLines()) expect(() => JSON.parse(raw), raw).not.toThrow();
    expect(text).not.toContain(sim.token);
    expect(text).not.toMatch(/authorization|cookie/i);
  });
});

describe('logs: the format', () => {
  it('is readable on a terminal and JSON elsewhere unless LOG_FORMAT says otherwise', () => {
    expect(logFormatOf(loadConfig({}), true)).toBe('pretty');
    expect(logFormatOf(loadConfig({}), false)).toBe('json');
    expect(logFormatOf(loadConfig({ LOG_FORMAT: 'json' }), true)).toBe('json');
    expect(logFormatOf(loadConfig({ LOG_FORMAT: 'pretty' }), false)).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
