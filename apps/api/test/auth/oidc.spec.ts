import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { type FakeProvider, startFakeProvider } from './fake-oidc-provider.js';

const CLIENT = { id: 'switchboard', secret: 'client-secret-for-tests' };

describe('OpenID Connect sign-in', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let idp: FakeProvider;
  let sim: SimCluster;

  beforeAll(async () => {
    idp = await startFakeProvider(CLIENT);
    sim = await startCluster({ name: 'prod', scenario: 'seed' });
    await sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    db = await createTestDatabase();
    // The callback URL is where the browser comes back; the test follows it by hand.
    api = await startTestApp(db.config({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret, OIDC_REDIRECT_URL: 'http://dashboard.test/api/v1/auth/oidc/callback' }));
    await registerCluster(api, 'prod', sim.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await idp?.stop();
    await db?.dispose();
  });

  /** Plays the browser: our login → provider → our callback. Returns the callback's answer and the cookies. */
  async function signIn(returnTo = '/services', tamper?: (callback: URL) => void): Promise<{ status: number; location: string; cookie: string }> {
    const start = await fetch(`${api.url}/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const pending = start.headers.getSetCookie().find((c) => c.startsWith('sb_oidc='))!;
    expect(pending).toMatch(/HttpOnly/);
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const callback = new URL(atProvider.headers.get('location')!);
    tamper?.(callback);
    const back = await fetch(`${api.url}${callback.pathname}${callback.search}`, { redirect: 'manual', headers: { cookie: pending.split(';')[0]! } });
    const cookie = back.headers.getSetCookie().filter((c) => c.startsWith('sb_session=') || c.startsWith('sb_csrf=')).map((c) => c.split(';')[0]).join('; ');
    return { status: back.status, location: back.headers.get('location') ?? '', cookie };
  }

  it('advertises the provider', async () => {
    const res = await fetch(`${api.url}/api/v1/auth/providers`);
    expect((await res.json()) as any).toEqual({ token: true, oidc: { enabled: true, loginUrl: '/api/v1/auth/oidc/login' } });
  });

  it('signs an operator in with role and grants from the claims and sends them back where they were', async () => {
    idp.claims = { email: 'alice@example.com', switchboard_role: ['viewer', 'operator'], switchboard_grants: ['prod/team-a', 'nowhere/x', 'prod/Bad Pattern'] };
    const r = await signIn('/services?cluster=prod');
    expect(r.status).toBe(302);
    expect(r.location).toBe('/services?cluster=prod');
    const me = await rest(api, 'GET', '/auth/me', undefined, { authorization: '', cookie: r.cookie });
    expect(me.body).toMatchObject({ name: 'alice@example.com', kind: 'oidc', role: 'operator', session: true, grants: [{ cluster: 'prod', namespace: 'team-a' }] });
    const csrf = /sb_csrf=([^;]+)/.exec(r.cookie)![1]!;
    const inGrant = await rest(api, 'POST', '/clusters/prod/namespaces/team-a/services?dryRun=true', { name: 'x', ports: [{ port: 80 }] }, { authorization: '', cookie: r.cookie, 'x-csrf-token': csrf });
    expect(inGrant.status).toBe(200);
    const outside = await rest(api, 'POST', '/clusters/prod/namespaces/default/services?dryRun=true', { name: 'x', ports: [{ port: 80 }] }, { authorization: '', cookie: r.cookie, 'x-csrf-token': csrf });
    expect(outside.status).toBe(403);
    const audit = (await rest(api, 'GET', '/audit?limit=10')).body.items as { actor: string; actorRole: string }[];
    expect(audit[0]).toMatchObject({ actor: 'oidc:alice@example.com', actorRole: 'operator' });
  });

  it('refuses a user without a role claim, a forged signature, a wrong nonce and a foreign state, starting no session', async () => {
    idp.claims = { email: 'bob@example.com' };
    const noRole = await signIn();
    expect(noRole.cookie).toBe('');
    expect(decodeURIComponent(noRole.location)).toMatch(/^\/login\?error=.*gave no Switchboard role \(claim "switchboard_role"/);

    idp.claims = { email: 'eve@example.com', switchboard_role: 'admin' };
    idp.forgeNext = true;
    const forged = await signIn();
    expect(forged.cookie).toBe('');
    expect(decodeURIComponent(forged.location)).toContain('the ID token signature does not verify');

    idp.wrongNonceNext = true;
    const replayed = await signIn();
    expect(decodeURIComponent(replayed.location)).toContain('nonce');

    const foreign = await signIn('/', (u) => u.searchParams.set('state', 'attacker-state'));
    expect(foreign.cookie).toBe('');
    expect(decodeURIComponent(foreign.location)).toContain('state mismatch');
  });

  it('only returns to paths on this site', async () => {
    idp.claims = { email: 'carol@example.com', switchboard_role: 'viewer' };
    expect((await signIn('https://evil.example/steal')).location).toBe('/');
    expect((await signIn('//evil.example')).location).toBe('/');
  });
});
