import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

type ErrorBody = { error: { code: string; details: { field: string; rule?: string }[] } };
type AuditRow = { action: string; outcome: string; errorCode: string | null; dryRun: boolean };

const NS = '/clusters/sim/namespaces/team-a';
const svc = { name: 'web', ports: [{ port: 80 }] };

/**
 * A REST mutation refused while its query or body is read is treated like any other
 * refusal: a FAILED audit row with its code, and a hit on the caller's rate limit —
 * exactly as the same mistake over GraphQL.
 */
describe('self-service: REST requests refused before they reach the cluster', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config({ RATE_LIMIT_MUTATIONS: '12' }));
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const cases: [string, string, string, unknown, string, string][] = [
    ['?dryRun=maybe', 'POST', `${NS}/services?dryRun=maybe`, svc, 'createService', 'dryRun'],
    ['?force=perhaps on an update', 'PATCH', `${NS}/services/web?force=perhaps`, { ports: [{ port: 81 }] }, 'updateService', 'force'],
    ['?dryRun=maybe on a delete', 'DELETE', `${NS}/services/web?dryRun=maybe`, undefined, 'deleteService', 'dryRun'],
    ['a JSON array as the body', 'POST', `${NS}/services`, [svc], 'createService', ''],
    ['a JSON array as an expose body', 'POST', `${NS}/services/web/expose`, [{ via: 'NODE_PORT' }], 'exposeService', ''],
    ['a string as the unexpose body', 'POST', `${NS}/services/web/unexpose`, 'INGRESS', 'unexposeService', ''],
    ['labels that are not an object', 'POST', `${NS}/services`, { ...svc, labels: 'app=web' }, 'createService', 'labels'],
    ['annotations that are not an object, on an ingress', 'POST', `${NS}/ingresses`, { name: 'site', annotations: 7, defaultBackend: { service: 'web', port: 80 } }, 'createIngress', 'annotations'],
  ];

  it.each(cases)('%s → VALIDATION_FAILED naming it, and a FAILED audit row', async (_what, method, path, body, action, field) => {
    const res = await rest<ErrorBody>(api, method, path, body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d) => d.field)).toContain(field);
    const audit = (await rest(api, 'GET', `/audit?action=${action}&limit=1`)).body.items as AuditRow[];
    expect(audit[0]).toMatchObject({ action, outcome: 'FAILED', errorCode: 'VALIDATION_FAILED' });
  });

  it('counts every refused request against the rate limit', async () => {
    // The limit is 12 a minute: the table above used 8.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rest(api, 'POST', `${NS}/services?dryRun=maybe`, svc)).status);
    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    const audit = (await rest(api, 'GET', '/audit?outcome=FAILED&limit=100')).body.items as AuditRow[];
    expect(audit.filter((e) => e.errorCode === 'RATE_LIMITED')).toHaveLength(1);
  });
});
