import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { type RunningApp, startTestApp } from './support/test-app.js';

describe('a freshly started API', () => {
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

  it('answers /healthz', async () => {
    const res = await api.fetch(`${api.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toEqual({ status: 'ok' });
  });

  it('is ready once the database is migrated', async () => {
    const res = await api.fetch(`${api.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 'ready', ready: true, database: { reachable: true }, migrations: { pending: [] } });
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it('serves GraphQL at /graphql', async () => {
    const res = await api.fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ system { version role database { kind ready migrationsPending } } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.system).toMatchObject({ role: 'all', database: { ready: true, migrationsPending: [] } });
  });

  it('serves REST under /api/v1 and the OpenAPI document', async () => {
    const sys = await api.fetch(`${api.url}/api/v1/system`);
    expect(sys.status).toBe(200);
    expect(((await sys.json()) as any).database.ready).toBe(true);
    const doc = await api.fetch(`${api.url}/api/docs-json`);
    expect(doc.status).toBe(200);
    const openapi = (await doc.json()) as any;
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toContain('/api/v1/system');
  });

  it('answers unknown routes with the error shape and a stable code', async () => {
    const res = await api.fetch(`${api.url}/api/v1/no-such-thing`);
    expect(res.status).toBe(404);
    expect((await res.json()) as any).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: [] } });
  });

  it('gives GraphQL validation errors a code', async () => {
    const res = await api.fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ system { noSuchField } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
