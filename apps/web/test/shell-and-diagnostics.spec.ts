import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-shell-admin-token-0123456789abc';

interface Finding {
  code: string;
  severity: string;
  object: { kind: string; cluster: string; namespace: string; name: string };
}

describe.skipIf(!haveBrowser)('the shell and the diagnostics page', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let session: SignedIn;

  beforeAll(async () => {
    product = await startProductWithClusters(ADMIN_TOKEN, [
      { sim: { name: 'alpha', scenario: 'seed' }, displayName: 'Alpha' },
      { sim: { name: 'beta', scenario: 'seed', loadBalancer: false }, displayName: 'Beta' },
    ]);
    browser = await launchBrowser();
    session = await signIn(browser, product.webUrl, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await product?.stop();
  });

  const rowsOnPage = async () =>
    session.page.locator('[data-testid="diagnostics-table"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll('td');
        return `${cells[0]!.textContent!.trim()} ${cells[1]!.querySelector('a')?.textContent?.trim()} ${cells[1]!.textContent}`;
      }),
    );

  it('lists every finding the API computes, each linking to its object, with what to do', async () => {
    const { page } = session;
    const api = await product.gql<{ diagnostics: { totalCount: number; nodes: (Finding & { hint: string })[] } }>('{ diagnostics(first: 100) { totalCount nodes { code severity hint object { kind cluster namespace name } } } }');
    expect(api.diagnostics.totalCount).toBeGreaterThan(2);
    await page.goto(`${product.webUrl}/diagnostics`);
    const rows = page.locator('[data-testid="diagnostics-table"] tbody tr');
    expect(await rows.count()).toBe(api.diagnostics.totalCount);
    for (const [i, d] of api.diagnostics.nodes.entries()) {
      const row = rows.nth(i);
      expect(await row.textContent()).toContain(d.hint);
      const link = row.getByRole('link', { name: d.object.name });
      expect(await link.getAttribute('href')).toBe(`/clusters/${d.object.cluster}/namespaces/${d.object.namespace}/${d.object.kind === 'Service' ? 'services' : 'ingresses'}/${d.object.name}`);
    }
    const { a11y, h1 } = await lookAt(page, 'diagnostics');
    expect(h1).toEqual(['Diagnostics']);
    expect(a11y).toEqual([]);
  });

  it('filters by severity and cluster in the URL: reload keeps the view, Back restores the last one', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/diagnostics`);
    await page.getByRole('button', { name: /^Errors/ }).click();
    await page.waitForURL(/severity=ERROR/);
    await page.getByLabel('Cluster').selectOption('beta');
    await page.waitForURL(/cluster=beta/);
    const api = await product.gql<{ diagnostics: { nodes: Finding[] } }>('{ diagnostics(first: 100, severities: [ERROR], clusters: ["beta"]) { nodes { code severity object { kind cluster namespace name } } } }');
    const expected = api.diagnostics.nodes.length;
    expect(expected).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="diagnostics-table"] tbody tr').length === n, expected);
    expect((await rowsOnPage()).every((r) => r.startsWith('Error') && r.includes('Beta'))).toBe(true);
    await page.reload();
    expect(new URL(page.url()).searchParams.get('cluster')).toBe('beta');
    expect(await page.getByLabel('Cluster').inputValue()).toBe('beta');
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('cluster') === null && u.searchParams.get('severity') === 'ERROR');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="diagnostics-table"] tbody tr')].some((r) => r.textContent!.includes('Alpha')));
    await lookAt(page, 'diagnostics-errors');
  });

  it('names an unknown filter value instead of failing', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/diagnostics?severity=SEVERE`);
    expect(await page.getByRole('status').filter({ hasText: 'Ignored' }).textContent()).toContain('severity "SEVERE" (one of ERROR, WARNING, INFO)');
    expect(await page.locator('[data-testid="diagnostics-table"] tbody tr').count()).toBeGreaterThan(0);
  });

  it('follows the system theme until the user picks one, and keeps the choice', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${product.webUrl}/login#token=${ADMIN_TOKEN}`);
    await page.waitForURL(`${product.webUrl}/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.getByTestId('theme-toggle').click();
    expect((await lookAt(page, 'theme-choice')).a11y).toEqual([]);
    await page.getByText('Light', { exact: true }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Light' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    await context.close();
  });

  it('jumps to any service in any cluster from the command palette', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/diagnostics`);
    // Hydrated (the live connection is up) before the shortcut can work.
    await page.locator('[data-testid="live-indicator"][data-state="connected"]').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: /Search services/ });
    await input.fill('my-nodeport');
    const option = page.getByRole('option', { name: /my-nodeport-service.*beta/ });
    await option.waitFor();
    await lookAt(page, 'command-palette');
    await option.click();
    await page.waitForURL(/\/clusters\/beta\/namespaces\/default\/services\/my-nodeport-service$/);
  });

  it('shows the deployment status and a helpful page for unknown addresses', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/status`);
    expect(await page.getByTestId('overall-status').textContent()).toBe('All systems ready');
    const status = await lookAt(page, 'status');
    expect(status.a11y).toEqual([]);
    const res = await page.goto(`${product.webUrl}/no/such/page`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('There is no page here');
    const missing = await lookAt(page, 'not-found');
    expect(missing.a11y).toEqual([]);
    expect(session.errors.filter((e) => !e.includes('/no/such/page'))).toEqual([]);
  });
});
