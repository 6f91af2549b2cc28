import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yProblemsInBothThemes, haveBrowser, launchBrowser, lookAt, SCREENSHOT_DIR, type SignedIn, signIn } from './support/browser.js';
import type { ProductWithClusters } from './support/product-with-clusters.js';
import { API_ID, startSeedWithWeb, WEB_ID } from './support/seed-with-web.js';

const ADMIN_TOKEN = 'web-reachability-admin-token-0123456789';

const servicePath = (name: string) => `/clusters/eu/namespaces/default/services/${name}`;
const policyPath = (name: string) => `/clusters/eu/namespaces/default/networkpolicies/${name}`;

/** One element in both themes (for looking at a section alone), cut from the whole page so the sticky header does not cover it. */
async function shootElement(page: Page, target: Locator, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, scheme === 'dark');
    const clip = await target.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`), fullPage: true, clip });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(!haveBrowser)('reachability on the dashboard', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let session: SignedIn;

  beforeAll(async () => {
    product = await startSeedWithWeb(ADMIN_TOKEN);
    browser = await launchBrowser();
    session = await signIn(browser, product.webUrl, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await product?.stop();
  });

  it("says on api-service's page that only web can open 80 → 3000/TCP, because of allow-web-to-api, and that the rest cannot", async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('api-service')}`);
    const section = page.getByTestId('reachability');
    expect(await section.getByRole('heading', { level: 2 }).first().textContent()).toBe('Who can reach this');
    expect(await section.getByTestId('reach-isolation').getAttribute('data-isolated')).toBe('true');
    expect(await section.getByTestId('reach-backends').textContent()).toContain('nextgen-api');

    const port = section.getByTestId('reach-port');
    expect(await port.getAttribute('data-port')).toBe('80/TCP');
    expect(await port.getByRole('heading', { level: 3 }).textContent()).toContain('80/TCP → 3000');
    const allowed = port.getByTestId('reach-allowed');
    expect(await allowed.evaluateAll((els) => els.map((e) => e.getAttribute('data-peer')))).toEqual([WEB_ID]);
    expect(await allowed.getByTestId('reach-reason').textContent()).toBe('allowed by default/allow-web-to-api ingress[0]');
    expect(await allowed.getByRole('link', { name: 'default/allow-web-to-api' }).getAttribute('href')).toBe(policyPath('allow-web-to-api'));

    // The full why is a disclosure: closed, then open on Enter.
    const why = allowed.locator('details');
    expect(await why.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await why.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await why.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await why.textContent()).toContain('isolated by default/allow-web-to-api');

    // Every other workload of the cluster cannot, each with the API's reason; folded until asked.
    const api = await product.gql<{ service: { reachableFrom: { ports: { deniedFrom: { peer: { id: string }; why: { summary: string } }[] }[] } } }>(
      '{ service(cluster: "eu", namespace: "default", name: "api-service") { reachableFrom { ports { deniedFrom { peer { id } why { summary } } } } } }',
    );
    const deniedApi = api.service.reachableFrom.ports[0]!.deniedFrom;
    expect(deniedApi.length).toBeGreaterThan(1);
    const folded = port.getByTestId('reach-denied-list');
    const foldedSummary = folded.locator(':scope > summary');
    expect(await foldedSummary.textContent()).toContain(`${deniedApi.length} workloads cannot connect`);
    await foldedSummary.click();
    const denied = folded.getByTestId('reach-denied');
    expect((await denied.evaluateAll((els) => els.map((e) => e.getAttribute('data-peer')))).sort()).toEqual(deniedApi.map((d) => d.peer.id).sort());
    expect(await denied.first().getByTestId('reach-reason').textContent()).toContain(deniedApi[0]!.why.summary);
    expect(await section.getByTestId('namespace-policies').getByRole('link', { name: 'allow-web-to-api' }).count()).toBe(1);

    await shootElement(page, section, 'reach-service-section');
    await page.evaluate(() => window.scrollTo(0, 0));
    const { a11y, h1 } = await lookAt(page, 'reach-service-page');
    expect(h1).toEqual(['api-service']);
    expect(a11y).toEqual([]);
  });

  it('says plainly that nothing isolates a service no policy selects, and why an ExternalName has no answer', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('my-clusterip-service')}`);
    const isolation = page.getByTestId('reachability').getByTestId('reach-isolation');
    expect(await isolation.getAttribute('data-isolated')).toBe('false');
    expect(await isolation.textContent()).toContain('No NetworkPolicy selects the pods behind this service: every pod and address can connect');
    await page.goto(`${product.webUrl}${servicePath('my-externalname-service')}`);
    expect(await page.getByTestId('reachability').textContent()).toContain('Not applicable: an ExternalName service is a DNS alias');
  });

  it('shows what allow-web-to-api selects, its rule in words, and the connection it allows', async () => {
    const { page } = session;
    // From the reason on the service page to the policy page.
    await page.goto(`${product.webUrl}${servicePath('api-service')}`);
    await page.getByTestId('reach-allowed').getByRole('link', { name: 'default/allow-web-to-api' }).click();
    await page.waitForURL((u) => u.pathname === policyPath('allow-web-to-api'));
    const api = (await product.gql<{ networkPolicy: { selectedWorkloads: { id: string; pods: number }[]; allows: { text: string }[] } }>('{ networkPolicy(cluster: "eu", namespace: "default", name: "allow-web-to-api") { selectedWorkloads { id pods } allows { text } } }')).networkPolicy;
    expect(api.selectedWorkloads.map((w) => w.id)).toEqual([API_ID]);

    const selected = page.getByTestId('selected-workload');
    expect(await selected.evaluateAll((els) => els.map((e) => e.getAttribute('data-workload')))).toEqual([API_ID]);
    expect(await selected.textContent()).toContain(String(api.selectedWorkloads[0]!.pods));
    expect(await page.getByTestId('policy-selects').textContent()).toContain('app=api');

    const rule = page.getByTestId('policy-ingress').getByTestId('policy-rule');
    expect(await rule.getAttribute('data-rule')).toBe('ingress[0]');
    const ruleText = (await rule.textContent())!;
    expect(ruleText).toContain('pods matching app=web in namespace default');
    expect(ruleText).toContain('TCP 3000');
    expect(await page.getByTestId('policy-egress').count()).toBe(0);

    const connections = page.getByTestId('policy-allows').getByTestId('connection');
    expect(await connections.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-source')} -> ${e.getAttribute('data-destination')}`))).toEqual([`${WEB_ID} -> ${API_ID}`]);
    expect(await connections.textContent()).toContain(api.allows[0]!.text);

    const yaml = (await page.getByTestId('manifest').locator('pre').textContent())!;
    expect(yaml).toContain('kind: NetworkPolicy');
    expect(yaml).toContain('name: allow-web-to-api');

    const { a11y, h1 } = await lookAt(page, 'reach-policy-page');
    expect(h1).toEqual(['allow-web-to-api']);
    expect(a11y).toEqual([]);
  });

  it('answers an unknown policy with the 404 page', async () => {
    const { page } = session;
    const res = await page.goto(`${product.webUrl}${policyPath('no-such-policy')}`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').allTextContents()).toEqual(['No NetworkPolicy “no-such-policy” here']);
  });

  it('draws the connections policies allow as a topology layer the toggle turns on, kept in the URL and mirrored in the outline', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/topology?cluster=eu&namespace=default`);
    await page.locator('[data-testid="topology-graph"][data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-connection]').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Allowed connections' }).check();
    await page.waitForURL((u) => u.searchParams.get('conn') === '1');
    const edges = page.locator('[data-connection]');
    await edges.first().waitFor({ timeout: 15_000 });
    expect(new Set(await edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-connection'))))).toEqual(new Set(['web [Deployment] → nextgen-api [Deployment]']));
    expect(await page.locator('.react-flow__edge-text').filter({ hasText: 'TCP 3000' }).count()).toBeGreaterThan(0);
    // Pairs no policy isolates are open by default: said, not drawn.
    const legend = (await page.getByTestId('connection-legend').textContent())!;
    expect(legend).toContain('allowed connection (NetworkPolicies)');
    expect(legend).toMatch(/\d+ pairs open by default/);
    await shootElement(page, page.locator('main'), 'reach-topology-layer');
    expect(await a11yProblemsInBothThemes(page)).toEqual([]);

    await page.getByRole('group', { name: 'View as' }).getByRole('button', { name: 'Outline' }).click();
    await page.getByRole('button', { name: 'Expand all' }).click();
    const lines = page.getByRole('tree').getByTestId('outline-connections');
    await lines.first().waitFor();
    expect(await lines.first().textContent()).toBe('can connect to nextgen-api [Deployment]: TCP 3000');
    expect(new URL(page.url()).searchParams.get('conn')).toBe('1');
  });

  it('made no console errors and no failed requests beyond the 404 asked for', () => {
    expect(session.errors.filter((e) => !/: GET \/clusters\/eu\/namespaces\/default\/networkpolicies\/no-such-policy → 404$/.test(e))).toEqual([]);
  });
});
