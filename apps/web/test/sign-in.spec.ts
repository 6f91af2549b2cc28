import { existsSync } from 'node:fs';
import http from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProduct, startProduct } from './support/running-product.js';

const CHROMIUM = '/usr/bin/chromium';
const ADMIN_TOKEN = 'web-test-admin-token-0123456789abcdef';
// Screenshots for a person to look at: SCREENSHOT_DIR=/some/folder npm test -- --project web
const shots = process.env.SCREENSHOT_DIR;

// CI installs chromium (.ci/run); elsewhere the browser tests need it too, but say so instead of failing.
const haveBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!haveBrowser) console.warn(`[web] ${CHROMIUM} not found: the dashboard's browser tests are skipped (apt-get install -y chromium)`);

describe.skipIf(!haveBrowser)('signing in to the dashboard', () => {
  let product: RunningProduct;
  let browser: Browser;
  let viewerToken: string;

  const shot = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    product = await startProduct(ADMIN_TOKEN);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const res = await fetch(`${product.apiUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'dana (read only)', role: 'viewer' }),
    });
    expect(res.status).toBe(201);
    viewerToken = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('sends a visitor without a session to sign-in, and refuses a wrong token with the reason', async () => {
    const page = await browser.newPage();
    await page.goto(`${product.webUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/');
    await page.fill('#token', 'sbt_this-is-not-a-real-token-at-all');
    await page.click('button[type=submit]');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/token/i);
    await shot(page, 'login-refused');
    // Nothing was signed in.
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('sb_session');
    await page.close();
  });

  it('signs in from the demo link, wipes the token from the address bar and keeps the session cookie from scripts', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${product.webUrl}/login#token=${ADMIN_TOKEN}`);
    await page.waitForURL(`${product.webUrl}/`);
    expect(await page.getByTestId('identity').textContent()).toContain('admin (SWITCHBOARD_ADMIN_TOKEN) · admin');
    await page.goto(`${product.webUrl}/status`);
    expect(await page.getByTestId('overall-status').textContent()).toBe('All systems ready');
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    expect(await page.evaluate(() => window.history.length)).toBeGreaterThan(0);
    const scriptCookies = await page.evaluate(() => document.cookie);
    expect(scriptCookies).toContain('sb_csrf=');
    expect(scriptCookies).not.toContain('sb_session');
    const session = (await context.cookies()).find((c) => c.name === 'sb_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await shot(page, 'status-signed-in');
    await context.close();
  });

  it('shows a typed-in viewer token as a viewer, and signing out ends the session on the server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${product.webUrl}/login`);
    await page.fill('#token', viewerToken);
    await page.press('#token', 'Enter');
    await page.waitForURL(`${product.webUrl}/`);
    expect(await page.getByTestId('identity').textContent()).toContain('dana (read only) · viewer');
    const cookie = (await context.cookies()).filter((c) => c.name.startsWith('sb_')).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${product.webUrl}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
    await page.getByTestId('identity').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login$/);
    // The old cookie is dead even if someone kept a copy.
    expect((await fetch(`${product.webUrl}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
    await page.goto(`${product.webUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});

describe.skipIf(!haveBrowser)('the dashboard as the API in front of a browser', () => {
  let product: RunningProduct;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    product = await startProduct(ADMIN_TOKEN);
    const res = await fetch(`${product.webUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: ADMIN_TOKEN }) });
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie();
    cookie = set.map((c) => c.split(';')[0]).join('; ');
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    expect(set.find((c) => c.startsWith('sb_session='))).toMatch(/HttpOnly/i);
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('refuses a change made with the session cookie alone (CSRF), and accepts it with the header', async () => {
    const body = JSON.stringify({ name: 'ci bot', role: 'viewer' });
    const forged = await fetch(`${product.webUrl}/api/v1/tokens`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    const real = await fetch(`${product.webUrl}/api/v1/tokens`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body });
    expect(real.status).toBe(201);
  });

  it('answers GraphQL with the signed-in identity and nobody else', async () => {
    const query = JSON.stringify({ query: '{ me { name role session } }' });
    const signedIn = await fetch(`${product.webUrl}/graphql`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: query });
    expect(await signedIn.json()).toEqual({ data: { me: { name: 'admin (SWITCHBOARD_ADMIN_TOKEN)', role: 'admin', session: true } } });
    const anonymous = await fetch(`${product.webUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(anonymous.status).toBe(401);
  });

  it('rate-limits sign-ins by the address the dashboard saw, not by one a client claims', async () => {
    // Ten sign-ins a minute per address (the default); each attempt claims another address.
    const login = (from: string, claimed: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`${product.webUrl}/api/v1/auth/login`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'x-forwarded-for': claimed } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ token: 'sbt_not-a-token-of-this-installation' }));
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push(await login('127.0.0.2', `203.0.113.${i}`));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Another browser is not punished for it.
    expect(await login('127.0.0.3', '203.0.113.1')).toBe(401);
  });

  it('sends security headers with its pages and puts no credential in its bundle or logs', async () => {
    const page = await fetch(`${product.webUrl}/login`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const staticDir = fileURLToPath(new URL('../.next/static', import.meta.url));
    const files = (await readdir(staticDir, { recursive: true })).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = await readFile(path.join(staticDir, f), 'utf8');
      expect(text, f).not.toContain(ADMIN_TOKEN);
      expect(text, f).not.toMatch(/\b(sbt|ksim)_[A-Za-z0-9_-]{20,}/);
    }
    expect(product.output()).not.toContain(ADMIN_TOKEN);
    expect(product.output()).not.toMatch(/\bsbt_[A-Za-z0-9_-]{20,}/);
  });
});
