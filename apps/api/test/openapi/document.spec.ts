import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_PATHS } from '../../src/auth/auth-gate.js';
import { rest } from '../support/api-client.js';
import { OPENAPI_PATH } from '../support/contract-check.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

type Op = { parameters?: { name: string; in: string; schema?: { type?: string; minimum?: number; maximum?: number } }[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>; security?: unknown[] };

/**
 * The OpenAPI document is the REST contract. This file checks the document itself;
 * every REST answer the suite receives is checked against it at the end of the run
 * (test/support/contract-check.ts, with the document fetched here).
 */
describe('the OpenAPI document', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let doc: { paths: Record<string, Record<string, Op>>; security: unknown[] };
  const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const res = await api.fetch(`${api.url}${OPENAPI_PATH}`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('is a valid OpenAPI document', async () => {
    const verdict = await new Validator().validate(structuredClone(doc) as Record<string, unknown>);
    expect(verdict.errors).toBeUndefined();
    expect(verdict.valid).toBe(true);
  });

  it('marks exactly the routes that need no token, and asks a token or session of every other', () => {
    expect(doc.security).toEqual([{ bearer: [] }, { session: [] }]);
    const open = operations().filter(({ op }) => Array.isArray(op.security) && op.security.length === 0).map(({ path }) => path);
    expect(new Set(open)).toEqual(new Set([...OPEN_PATHS]));
  });

  it('declares the error answers of every operation with the error shape, 401 and 429 wherever a token is needed', () => {
    for (const { path, method, op } of operations()) {
      // /readyz answers 503 with its readiness report, not an error.
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400 && path !== '/readyz');
      for (const [status, r] of errors) expect(r.content?.['application/json']?.schema?.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/ErrorResponse');
      if (OPEN_PATHS.has(path)) continue;
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '429']));
      if (method !== 'get') expect(Object.keys(op.responses), `${method} ${path}`).toContain('403');
    }
  });

  it('types every parameter; pages take limit 1–100', () => {
    for (const { path, method, op } of operations()) {
      for (const p of op.parameters ?? []) {
        expect(p.schema?.type, `${method} ${path} ${p.in} ${p.name}`).toBeDefined();
        if (p.name === 'limit') expect(p.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
      }
    }
  });

  it('answers a bad page with the REST parameter names', async () => {
    for (const path of ['/services', '/ingresses', '/service-groups', '/diagnostics', '/audit']) {
      const res = await rest(api, 'GET', `${path}?limit=0&cursor=nonsense`);
      expect(res.status, path).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field).sort(), path).toEqual(['cursor', 'limit']);
    }
    const one = await rest(api, 'GET', '/services?limit=500');
    expect(one.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'limit: must be between 1 and 100, got 500' });
  });
});
