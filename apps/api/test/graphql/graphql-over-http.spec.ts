import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

describe('GraphQL over HTTP', () => {
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

  it('passes every MUST of the GraphQL-over-HTTP audit', async () => {
    const results = await auditServer({ url: `${api.url}/graphql`, fetchFn: (url: string, init?: RequestInit) => api.fetch(url, init) });
    const failedMusts = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failedMusts).toEqual([]);
  });

  it('answers a GET query', async () => {
    const res = await api.fetch(`${api.url}/graphql?query=${encodeURIComponent('{ system { version } }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    expect(((await res.json()) as any).data.system.version).toBeTruthy();
  });

  it('refuses a mutation over GET with 405', async () => {
    const res = await api.fetch(`${api.url}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(res.status).toBe(405);
  });

  it('answers a syntax error with 400 and a code', async () => {
    const res = await api.fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ system { ' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('GraphQL query limits', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_COST: '500' }));
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const post = async (query: string) => {
    const res = await api.fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('refuses a query deeper than the limit, saying how deep', async () => {
    const ok = await post('{ system { version role } __schema { types { fields { type { ofType { name } } } } } }');
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const deep = await post('fragment F on Service { ports { port } } query Deep { services { nodes { ...F } } }');
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(deep.body.errors[0].message).toBe('Operation "Deep" is 4 levels deep; the limit is 3');
    expect(deep.body.data).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const { status, body } = await post('{ a: system { version } b: system { version } c: system { version } d: system { version } }');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
    expect(body.errors[0].message).toBe('The operation uses 4 aliases; the limit is 3');
    expect(body.data).toBeUndefined();
  });

  it('refuses a query whose estimated cost is over the limit', async () => {
    const { status, body } = await post('{ services(first: 100) { nodes { name namespace cluster uid type headless } } }');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(body.errors[0].message).toMatch(/^The operation has an estimated cost of \d+; the limit is 500/);
  });

  it('answers wrong variable types and unknown arguments with codes, not 500', async () => {
    const res = await api.fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'query Q($n: Int) { services(first: $n) { totalCount } }', variables: { n: 'ten' } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('Int cannot represent non-integer value: "ten"');
    const unknown = await post('{ services(bogus: 1) { totalCount } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
