import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-overview-admin-token-0123456789';

describe.skipIf(!haveBrowser)('the overview', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let session: SignedIn;

  beforeAll(async () => {
    product = await startProductWithClusters(ADMIN_TOKEN, [
      { sim: { name: 'eu', scenario: 'seed', generate: { seed: 7, namespaces: 2, servicesPerNamespace: 4, podsPerService: 2, ingressesPerNamespace: 1 } }, displayName: 'Europe', labels: { region: 'eu-west-1', env: 'prod' } },
      { sim: { name: 'us', scenario: 'seed', loadBalancer: false }, displayName: 'United States', labels: { region: 'us-east-1', env: 'prod' } },
    ]);
    browser = await launchBrowser();
    session = await signIn(browser, product.webUrl, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await product?.stop();
  });

  it('shows every cluster with the counts the API reports', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/`);
    const api = await product.gql<{ clusters: { name: string; displayName: string; status: string; summary: { services: number; ingresses: number; endpoints: { ready: number; total: number }; diagnostics: { errors: number; warnings: number } } }[] }>(
      '{ clusters { name displayName status summary { services ingresses endpoints { ready total } diagnostics { errors warnings } } } }',
    );
    expect(api.clusters.map((c) => c.name).sort()).toEqual(['eu', 'us']);
    for (const c of api.clusters) {
      const card = page.getByTestId(`cluster-card-${c.name}`);
      await card.waitFor();
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(c.displayName);
      expect(await card.getAttribute('data-status')).toBe('READY');
      const text = (await card.textContent())!;
      expect(text).toContain(`Services${c.summary.services}`);
      expect(text).toContain(`Ready endpoints${c.summary.endpoints.ready} / ${c.summary.endpoints.total}`);
      expect(text).toContain(`Ingresses${c.summary.ingresses}`);
      expect(text).toContain(`${c.summary.diagnostics.errors} error`);
      expect(text).toContain('region:');
    }
    const { a11y, h1 } = await lookAt(page, 'overview');
    expect(h1).toEqual(['Overview']);
    expect(a11y).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('turns a cluster that becomes unreachable DEGRADED or ERROR without a reload, and READY again when it is back', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/`);
    await page.getByTestId('live-indicator').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 });
    const card = page.getByTestId('cluster-card-us');
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));
    await product.clusters['us']!.sim.faults.down();
    try {
      await page.waitForFunction(() => ['DEGRADED', 'ERROR'].includes(document.querySelector('[data-testid="cluster-card-us"]')?.getAttribute('data-status') ?? ''), undefined, { timeout: 30_000 });
      expect(await card.textContent()).toMatch(/Mirror is (retrying|failing)/);
      await lookAt(page, 'overview-cluster-down');
    } finally {
      await product.clusters['us']!.sim.faults.up();
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="cluster-card-us"]')?.getAttribute('data-status') === 'READY', undefined, { timeout: 60_000 });
    // The same document all along: updated live, not reloaded.
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    expect(session.errors.filter((e) => !/WebSocket|ERR_CONNECTION/.test(e))).toEqual([]);
  });
});
