import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const NONE = { authorization: '' };
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('authentication: tokens, sessions, CSRF, headers', () => {
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

  it('answers 401 everywhere but /healthz and /readyz without credentials', async () => {
    for (const path of ['/healthz', '/readyz']) expect((await fetch(`${api.url}${path}`)).status).toBe(200);
    for (const path of ['/api/v1/services', '/api/v1/clusters', '/api/v1/system', '/api/v1/audit', '/api/v1/tokens', '/api/docs-json', '/api/docs', '/metrics', '/api/v1/no-such-route']) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="switchboard"');
      if (path.startsWith('/api/v1')) expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
    }
    const q = await gql(api, '{ __typename }', {}, NONE);
    expect(q.status).toBe(401);
    expect(q.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const bad = await rest(api, 'GET', '/services', undefined, bearer('not-a-token'));
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toBe('the token is not valid');
    const basic = await rest(api, 'GET', '/services', undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(basic.body.error.message).toBe('the Authorization header must be "Bearer <token>"');
  });

  it('shows a new token once, stores only its hash, records its last use, and refuses it once revoked or expired', async () => {
    const created = await rest(api, 'POST', '/tokens', { name: 'ci', role: 'viewer' });
    expect(created.status).toBe(201);
    const secret = created.body.token as string;
    expect(secret).toMatch(/^sbt_[A-Za-z0-9_-]{43}$/);
    expect(created.body.apiToken).toMatchObject({ name: 'ci', role: 'viewer', status: 'ACTIVE', prefix: secret.slice(0, 10), lastUsedAt: null });
    const id = created.body.apiToken.id as string;

    const listed = await rest(api, 'GET', '/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const raw = await api.database.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "ApiToken"');
    expect(JSON.stringify(raw)).not.toContain(secret);
    expect(JSON.stringify(raw)).not.toContain(TEST_ADMIN_TOKEN);

    const me = await rest(api, 'GET', '/auth/me', undefined, bearer(secret));
    expect(me.body).toMatchObject({ name: 'ci', role: 'viewer', kind: 'token', tokenId: id, session: false });
    // Recorded after the request is answered (at most once a minute per token), not within it.
    await waitFor(async () => (await rest(api, 'GET', `/tokens/${id}`)).body.lastUsedAt !== null, "the token's last use recorded");

    const revoked = await rest(api, 'DELETE', `/tokens/${id}`);
    expect(revoked.body.status).toBe('REVOKED');
    const after = await rest(api, 'GET', '/services', undefined, bearer(secret));
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/^the token "ci" was revoked at /);
    expect((await rest(api, 'GET', '/tokens')).body.some((t: { id: string }) => t.id === id)).toBe(false);
    expect((await rest(api, 'GET', '/tokens?includeRevoked=true')).body.some((t: { id: string }) => t.id === id)).toBe(true);

    const soon = await gql(api, 'mutation($e: String) { createToken(input: { name: "short", role: viewer, expiresAt: $e }) { token apiToken { id status } } }', { e: new Date(Date.now() + 3_600_000).toISOString() });
    const short = soon.data.createToken.token as string;
    await api.database.prisma.$executeRawUnsafe(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1::uuid`, soon.data.createToken.apiToken.id);
    const expired = await rest(api, 'GET', '/services', undefined, bearer(short));
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/^the token "short" expired at /);
  });

  it('refuses bad token input with every field named, writing nothing', async () => {
    const before = (await rest(api, 'GET', '/tokens?includeRevoked=true')).body.length;
    const res = await rest(api, 'POST', '/tokens', { name: '', role: 'root', grants: [{ cluster: 'nope', namespace: 'Team A' }], expiresAt: '2001-01-01T00:00:00Z', extra: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`).sort()).toEqual(['expiresAt:past', 'extra:forbidden', 'grants[0].namespace:invalidPattern', 'name:required', 'role:notSupported'].sort());
    const unknownCluster = await rest(api, 'POST', '/tokens', { name: 'x', role: 'operator', grants: [{ cluster: 'nope', namespace: 'team-a' }] });
    expect(unknownCluster.status).toBe(422);
    expect(unknownCluster.body.error.details).toEqual([{ field: 'grants[0].cluster', rule: 'notFound', message: 'grants[0].cluster: no cluster named "nope" is registered' }]);
    const gqlBad = await gql(api, 'mutation { createToken(input: { name: "x", role: operator }) { token } }');
    expect(gqlBad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'grants', rule: 'required' }] });
    expect((await rest(api, 'GET', '/tokens?includeRevoked=true')).body.length).toBe(before);
  });

  it('adds and removes grants, and every token change is in the audit log without its secret', async () => {
    const op = await rest(api, 'POST', '/tokens', { name: 'op', role: 'operator', grants: [{ namespace: 'team-a' }] });
    const id = op.body.apiToken.id as string;
    expect(op.body.apiToken.grants).toEqual([{ id: expect.any(String), cluster: null, namespace: 'team-a' }]);
    const added = await rest(api, 'POST', '/grants', { token: id, namespace: 'team-b-*' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ cluster: null, namespace: 'team-b-*', token: id });
    const bad = await rest(api, 'POST', '/grants', { token: 'nope', namespace: 'Team B', scope: 'all' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`).sort()).toEqual(['namespace:invalidPattern', 'scope:forbidden']);
    expect((await rest(api, 'GET', `/grants?token=${id}`)).body.map((g: { namespace: string }) => g.namespace)).toEqual(['team-a', 'team-b-*']);
    const me = await rest(api, 'GET', '/auth/me', undefined, bearer(op.body.token));
    expect(me.body.grants.map((g: { namespace: string }) => g.namespace)).toEqual(['team-a', 'team-b-*']);
    expect((await rest(api, 'DELETE', `/grants/${added.body.id}`)).status).toBe(200);
    expect((await rest(api, 'GET', `/grants?token=${id}`)).body).toHaveLength(1);
    const badGrant = await rest(api, 'POST', '/grants', { token: id, namespace: 'UPPER' });
    expect(badGrant.body.error.details[0]).toMatchObject({ field: 'namespace', rule: 'invalidPattern' });

    const audit = (await rest(api, 'GET', '/audit?limit=100')).body.items as { action: string; outcome: string; actor: string }[];
    const actions = audit.map((e) => `${e.action}:${e.outcome}`);
    for (const a of ['createToken:SUCCEEDED', 'createToken:FAILED', 'revokeToken:SUCCEEDED', 'createGrant:SUCCEEDED', 'createGrant:FAILED', 'deleteGrant:SUCCEEDED']) expect(actions).toContain(a);
    expect(audit.every((e) => e.actor === 'token:admin (SWITCHBOARD_ADMIN_TOKEN)')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(op.body.token);
  });

  it('signs in to a session cookie that needs the CSRF header for changes and ends on sign-out', async () => {
    const token = (await rest(api, 'POST', '/tokens', { name: 'dash', role: 'admin' })).body.token as string;
    const bad = await rest(api, 'POST', '/auth/login', { token: 'wrong' }, NONE);
    expect(bad.status).toBe(401);
    const login = await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(login.status).toBe(200);
    const body = (await login.json()) as any;
    expect(body).toMatchObject({ identity: { name: 'dash', role: 'admin', kind: 'token' }, csrfToken: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain(token);
    const cookies = login.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('sb_session='))!;
    const csrf = cookies.find((c) => c.startsWith('sb_csrf='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/);
    const cookie = [session, csrf].map((c) => c.split(';')[0]).join('; ');

    const me = await rest(api, 'GET', '/auth/me', undefined, { ...NONE, cookie });
    expect(me.body).toMatchObject({ name: 'dash', session: true });
    const noCsrf = await rest(api, 'POST', '/tokens', { name: 'x', role: 'viewer' }, { ...NONE, cookie });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CSRF_FAILED');
    const gqlNoCsrf = await gql(api, '{ me { name } }', {}, { ...NONE, cookie });
    expect(gqlNoCsrf.errors?.[0]?.extensions.code).toBe('CSRF_FAILED');
    const withCsrf = await rest(api, 'POST', '/tokens', { name: 'from-dashboard', role: 'viewer' }, { ...NONE, cookie, 'x-csrf-token': body.csrfToken });
    expect(withCsrf.status).toBe(201);
    expect((await rest(api, 'POST', '/auth/logout', undefined, { ...NONE, cookie, 'x-csrf-token': body.csrfToken })).status).toBe(204);
    const ended = await rest(api, 'GET', '/auth/me', undefined, { ...NONE, cookie });
    expect(ended.status).toBe(401);
    expect(ended.body.error.message).toMatch(/session has ended/);
    expect(JSON.stringify(await api.database.prisma.$queryRawUnsafe('SELECT * FROM "AuthSession"'))).not.toContain(session.split(';')[0]!.slice('sb_session='.length));
  });

  it('ends the sessions of a revoked token', async () => {
    const created = (await rest(api, 'POST', '/tokens', { name: 'laptop', role: 'viewer' })).body;
    const login = await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: created.token }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await rest(api, 'GET', '/auth/me', undefined, { ...NONE, cookie })).status).toBe(200);
    await rest(api, 'DELETE', `/tokens/${created.apiToken.id}`);
    expect((await rest(api, 'GET', '/auth/me', undefined, { ...NONE, cookie })).status).toBe(401);
  });

  it('sets security headers on every answer and keeps CORS off', async () => {
    for (const res of [await fetch(`${api.url}/api/v1/services`), await api.fetch(`${api.url}/api/v1/services`, { headers: { origin: 'https://evil.example' } })]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const preflight = await fetch(`${api.url}/api/v1/services`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('authenticates GraphQL subscriptions in the graphql-ws handshake', async () => {
    const viewer = (await rest(api, 'POST', '/tokens', { name: 'ws', role: 'viewer' })).body.token as string;
    const attempt = (params?: Record<string, unknown>) =>
      new Promise<string>((resolve) => {
        const client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined,
          on: { connected: () => { resolve('connected'); void client.dispose(); }, closed: (e) => resolve(`closed ${(e as { code: number }).code}`) } });
      });
    expect(await attempt()).toBe('closed 4403');
    expect(await attempt({ authorization: 'Bearer nope' })).toBe('closed 4403');
    expect(await attempt({ authorization: `Bearer ${viewer}` })).toBe('connected');
  });
});

describe('rate limits', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config({ RATE_LIMIT_MUTATIONS: '3', RATE_LIMIT_LOGINS: '4', RATE_LIMIT_AUTH_FAILURES: '5' }));
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('limits mutations per identity, not per address', async () => {
    const other = (await rest(api, 'POST', '/tokens', { name: 'other', role: 'operator', grants: [{ namespace: '*' }] })).body.token as string;
    const attempt = (headers: Record<string, string> = {}) => rest(api, 'POST', '/clusters/nowhere/namespaces/default/services?dryRun=true', { name: 'x', ports: [{ port: 80 }] }, headers);
    for (let i = 0; i < 3; i++) expect((await attempt()).body.error.code).toBe('NOT_FOUND');
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const viaGql = await gql(api, 'mutation { deleteService(cluster: "nowhere", namespace: "default", name: "x", dryRun: true) { dryRun } }');
    expect(viaGql.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect((await attempt(bearer(other))).body.error.code).toBe('NOT_FOUND');
    const audit = (await rest(api, 'GET', '/audit?outcome=FAILED&limit=100')).body.items as { errorCode: string }[];
    expect(audit.filter((e) => e.errorCode === 'RATE_LIMITED')).toHaveLength(2);
  });

  it('limits sign-in attempts and then bad credentials per address (brute force)', async () => {
    const login = (token: string) => rest(api, 'POST', '/auth/login', { token }, NONE);
    for (let i = 0; i < 4; i++) expect((await login(`guess-${i}`)).status).toBe(401);
    const fifth = await login('guess-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.message).toMatch(/too many sign-in attempts from this address; try again in \d+ s/);
    // The four failed logins count as bad credentials too: one more bad bearer token reaches the limit of 5...
    expect((await rest(api, 'GET', '/services', undefined, bearer('guess-6'))).status).toBe(401);
    // ...after which even the right token is refused from this address until the window passes.
    const blocked = await rest(api, 'GET', '/services', undefined, bearer(TEST_ADMIN_TOKEN));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});
