import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootstrapAdminService } from '../../src/auth/bootstrap/bootstrap-admin.service.js';
import { rest } from '../support/api-client.js';
import { captureOutput } from '../clusters/capture-output.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const NO_CONFIGURED_ADMIN = { SWITCHBOARD_ADMIN_TOKEN: '', SWITCHBOARD_DASHBOARD_URL: 'https://switchboard.example.test' };

/** Starts an app and returns what it printed while setting up the first admin (kept out of the leak scan: it prints a secret by design). */
async function startAndRead(db: TestDatabase, env: Record<string, string>): Promise<{ api: RunningApp; printed: string }> {
  const out = captureOutput({ record: false });
  try {
    const api = await startTestApp(db.config(env));
    await api.app.get(BootstrapAdminService).whenDone();
    return { api, printed: out.text() };
  } finally {
    out.stop();
  }
}

describe('the first admin of a fresh installation', () => {
  let db: TestDatabase;
  let api: RunningApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('is generated and printed once with its sign-in link, stored only as a hash', async () => {
    const first = await startAndRead(db, NO_CONFIGURED_ADMIN);
    api = first.api;
    const token = /\b(sbt_[A-Za-z0-9_-]{40,})/.exec(first.printed)?.[1];
    expect(token, first.printed).toBeDefined();
    expect(first.printed).toContain(`sign in: https://switchboard.example.test/login#token=${token}`);
    const me = await rest<{ name: string; role: string }>(api, 'GET', '/auth/me', undefined, bearer(token!));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'bootstrap admin', role: 'admin' });
    const rows = await api.database.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "ApiToken" t`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token!.slice(4));

    // A restart prints nothing: an admin exists.
    await api.close();
    const second = await startAndRead(db, NO_CONFIGURED_ADMIN);
    api = second.api;
    expect(second.printed).not.toMatch(/sbt_/);
    expect((await rest(api, 'GET', '/auth/me', undefined, bearer(token!))).status).toBe(200);
  });

  it('is not generated when SWITCHBOARD_ADMIN_TOKEN is configured', async () => {
    await api?.close();
    const other = await createTestDatabase();
    try {
      const started = await startAndRead(other, {});
      api = started.api;
      expect(started.printed).not.toMatch(/sbt_/);
      const rows = await api.database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "ApiToken"`);
      expect(rows[0]!.n).toBe(0);
      await api.close();
      api = undefined;
    } finally {
      await other.dispose();
    }
  });

  it('in demo mode is a day-long sign-in link, replaced at every start', async () => {
    const demoDb = await createTestDatabase();
    try {
      const first = await startAndRead(demoDb, { ...NO_CONFIGURED_ADMIN, SWITCHBOARD_DEMO: 'auto' });
      api = first.api;
      const link = /(https:\/\/switchboard\.example\.test\/login#token=(sbt_[A-Za-z0-9_-]+))/.exec(first.printed);
      expect(link, first.printed).not.toBeNull();
      expect(first.printed).toContain('Demo login (admin, valid 24 h');
      const me = await rest<{ role: string; expiresAt: string }>(api, 'GET', '/auth/me', undefined, bearer(link![2]!));
      expect(me.body.role).toBe('admin');
      const hours = (Date.parse(me.body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23);
      expect(hours).toBeLessThanOrEqual(24);
      await api.close();
      const second = await startAndRead(demoDb, { ...NO_CONFIGURED_ADMIN, SWITCHBOARD_DEMO: 'auto' });
      api = second.api;
      const next = /login#token=(sbt_[A-Za-z0-9_-]+)/.exec(second.printed)?.[1];
      expect(next).toBeDefined();
      expect(next).not.toBe(link![2]);
      const old = await rest<{ error: { message: string } }>(api, 'GET', '/auth/me', undefined, bearer(link![2]!));
      expect(old.status).toBe(401);
      expect(old.body.error.message).toMatch(/revoked/);
      expect((await rest(api, 'GET', '/auth/me', undefined, bearer(next!))).status).toBe(200);
      await api.close();
      api = undefined;
    } finally {
      await demoDb.dispose();
    }
  });
});
