import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-catalog-admin-token-0123456789';

const ROW = `id cluster namespace name type headless endpointCounts { ready total } primaryAccessUrl { url pending pattern }`;
interface ApiRow {
  cluster: string;
  namespace: string;
  name: string;
  type: string;
  headless: boolean;
  endpointCounts: { ready: number; total: number };
  primaryAccessUrl: { url: string; pending: boolean; pattern: boolean } | null;
}

const kindOf = (s: Pick<ApiRow, 'type' | 'headless'>) => (s.type === 'ClusterIP' && s.headless ? 'Headless' : s.type);
const keyOf = (s: Pick<ApiRow, 'cluster' | 'namespace' | 'name'>) => `${s.cluster}/${s.namespace}/${s.name}`;

// Links to pages other branches build (topology, diagnostics, service pages) are
// prefetched by the shell; until those pages exist here they answer 404. The filter
// turns itself off once the page is in the app.
const appDir = fileURLToPath(new URL('../app/(signed-in)/', import.meta.url));
const notBuiltHere = [
  ['/topology', 'topology/page.tsx'],
  ['/diagnostics', 'diagnostics/page.tsx'],
  ['/clusters/', 'clusters/[cluster]/namespaces/[namespace]/services/[name]/page.tsx'],
]
  .filter(([, file]) => !existsSync(appDir + file))
  .map(([prefix]) => prefix!);
const realErrors = (errors: string[]) => errors.filter((e) => !(/ → 404$/.test(e) && notBuiltHere.some((p) => e.includes(`GET ${p}`))));

/** What the rendered rows say, in order: key, kind, ready/total, primary URL. */
function renderedRows(page: Page) {
  return page.$$eval('[data-testid=service-row], [data-testid=member-row]', (rows) =>
    rows.map((r) => {
      const cells = [...r.children] as HTMLElement[];
      return {
        key: r.getAttribute('data-key')!,
        kind: cells[3]!.textContent!.trim(),
        ready: cells[5]!.textContent!.replace(/\s+/g, ' ').trim(),
        url: r.querySelector('[data-testid=primary-url]')?.textContent?.trim() ?? null,
        link: r.querySelector('th a')?.getAttribute('href') ?? null,
      };
    }),
  );
}

const rowKeys = async (page: Page) => (await renderedRows(page)).map((r) => r.key);

describe.skipIf(!haveBrowser)('the service catalog', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let session: SignedIn;

  const services = async (filter: Record<string, unknown> = {}, sort = 'NAMESPACE', first = 100, after: string | null = null) =>
    (
      await product.gql<{ services: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: ApiRow[] } }>(
        `query($filter: ServiceFilterInput, $sort: ServiceSort, $first: Int, $after: String) { services(filter: $filter, sort: $sort, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`,
        { filter, sort, first, after },
      )
    ).services;

  /** Every service of a view, page by page, as the API lists them. */
  const allServices = async (filter: Record<string, unknown>, sort = 'NAMESPACE') => {
    const out: ApiRow[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await services(filter, sort, 100, after);
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  };

  /** The rendered rows are the API's first rows of the same view, in order, with the same facts. */
  const expectRowsMatch = async (page: Page, filter: Record<string, unknown>, sort = 'NAMESPACE') => {
    const api = await services(filter, sort, 100);
    await page.getByTestId('catalog-count').filter({ hasText: new RegExp(`^${api.totalCount.toLocaleString('en-US')} services?`) }).waitFor({ timeout: 10_000 });
    expect(api.totalCount).toBeGreaterThan(0);
    await page.waitForFunction((first) => document.querySelector('[data-testid=service-row]')?.getAttribute('data-key') === first, keyOf(api.nodes[0]!), { timeout: 10_000 });
    const rows = await renderedRows(page);
    expect(rows.map((r) => r.key)).toEqual(api.nodes.slice(0, rows.length).map(keyOf));
    api.nodes.slice(0, rows.length).forEach((s, i) => {
      expect(rows[i]!.kind).toBe(kindOf(s));
      if (s.type !== 'ExternalName') expect(rows[i]!.ready).toBe(`${s.endpointCounts.ready} / ${s.endpointCounts.total}`);
      expect(rows[i]!.url).toBe(s.primaryAccessUrl?.url ?? null);
      expect(rows[i]!.link).toBe(`/clusters/${s.cluster}/namespaces/${s.namespace}/services/${s.name}`);
    });
    return api;
  };

  beforeAll(async () => {
    product = await startProductWithClusters(ADMIN_TOKEN, [
      // Enough services in one cluster to page through (a few hundred), the same namespaces/names in a second for groups.
      { sim: { name: 'eu', scenario: 'seed', generate: { seed: 21, namespaces: 6, servicesPerNamespace: 40, podsPerService: 1, ingressesPerNamespace: 2 } }, displayName: 'Europe', labels: { region: 'eu-west-1' } },
      { sim: { name: 'us', scenario: 'seed', generate: { seed: 22, namespaces: 3, servicesPerNamespace: 12, podsPerService: 1, ingressesPerNamespace: 1 } }, displayName: 'United States', labels: { region: 'us-east-1' } },
      { sim: { name: 'ap', scenario: 'seed', loadBalancer: false }, displayName: 'Asia Pacific', labels: { region: 'ap-south-1' } },
    ]);
    browser = await launchBrowser();
    session = await signIn(browser, product.webUrl, ADMIN_TOKEN, { permissions: ['clipboard-read', 'clipboard-write'] });
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await product?.stop();
  });

  it('lists, on the server-rendered first view, what the API lists: names, types incl. Headless, endpoints, primary URL', async () => {
    const { page } = session;
    // The first page is in the HTML itself: no request needed to show it.
    const html = await (await page.request.get(`${product.webUrl}/services`)).text();
    const first = (await services({}, 'NAMESPACE', 1)).nodes[0]!;
    expect(html).toContain(`data-key="${keyOf(first)}"`);

    await page.goto(`${product.webUrl}/services`);
    expect(await page.getByRole('table').count()).toBe(1);
    const api = await expectRowsMatch(page, {});
    expect(api.totalCount).toBeGreaterThan(250);
    // Virtual rows: a screenful is drawn, not the whole list.
    expect((await rowKeys(page)).length).toBeLessThan(60);
    const headless = await services({ kinds: ['Headless'] }, 'NAMESPACE', 5);
    expect(headless.nodes.length).toBeGreaterThan(0);

    const { a11y, h1 } = await lookAt(page, 'catalog');
    expect(h1).toEqual(['Services']);
    expect(a11y).toEqual([]);
    expect(realErrors(session.errors)).toEqual([]);
  });

  it('search narrows as the API searches — here by an ingress host', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/services`);
    const box = page.getByRole('searchbox', { name: /Search/ });
    await box.click();
    const host = 'learn.nextgenplayground';
    await box.pressSequentially(host, { delay: 25 });
    const typed = Date.now();
    const api = await services({ search: host });
    expect(api.totalCount).toBe(6); // app-service and api-service behind the seed ingress, in three clusters
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=service-row]').length === n && !document.querySelector('[aria-busy=true]'), api.totalCount, { timeout: 5_000, polling: 10 });
    console.log(`[catalog] search "${host}": rows shown ${Date.now() - typed} ms after the last keystroke (6 of ${(await services({}, 'NAMESPACE', 1)).totalCount} services)`);
    await page.waitForURL((u) => u.searchParams.get('q') === host);
    await expectRowsMatch(page, { search: host });
  });

  it('filters by cluster, type (Headless), health and label selector, in the URL: reload and Back/Forward restore each view', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/services`);
    await page.getByRole('button', { name: /^Cluster: all/ }).click();
    await page.getByRole('checkbox', { name: /Europe \(eu\)/ }).check();
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.searchParams.getAll('cluster').join() === 'eu');
    await expectRowsMatch(page, { clusters: ['eu'] });

    await page.getByRole('button', { name: /^Type: all/ }).click();
    await page.getByRole('checkbox', { name: 'Headless' }).check();
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.searchParams.get('kind') === 'Headless');
    const headless = await expectRowsMatch(page, { clusters: ['eu'], kinds: ['Headless'] });
    expect(headless.nodes.every((s) => s.headless)).toBe(true);

    await page.getByLabel('Health').selectOption('healthy');
    await page.waitForURL((u) => u.searchParams.get('health') === 'healthy');
    await expectRowsMatch(page, { clusters: ['eu'], kinds: ['Headless'], hasDiagnostics: false });

    // Reload: the same view, rendered by the server from the URL.
    await page.reload();
    expect(await page.getByLabel('Health').inputValue()).toBe('healthy');
    await expectRowsMatch(page, { clusters: ['eu'], kinds: ['Headless'], hasDiagnostics: false });

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('health') && u.searchParams.get('kind') === 'Headless');
    await expect.poll(() => page.getByLabel('Health').inputValue(), { timeout: 5_000 }).toBe('all');
    await expectRowsMatch(page, { clusters: ['eu'], kinds: ['Headless'] });
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('kind') && u.searchParams.get('cluster') === 'eu');
    await expectRowsMatch(page, { clusters: ['eu'] });
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'Headless');
    await expectRowsMatch(page, { clusters: ['eu'], kinds: ['Headless'] });

    // A label selector, checked in the browser, then sent as the API's labelSelector.
    await page.goto(`${product.webUrl}/services?cluster=us`);
    const selector = page.getByRole('textbox', { name: 'Label selector' });
    await selector.fill('tier=backend,app notin (api)');
    await selector.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('label') === 'tier=backend,app notin (api)');
    const selected = await expectRowsMatch(page, { clusters: ['us'], labelSelector: 'tier=backend,app notin (api)' });
    expect(selected.totalCount).toBeGreaterThan(0);
    const { a11y, h1 } = await lookAt(page, 'catalog-filtered');
    expect(h1).toEqual(['Services']);
    expect(a11y).toEqual([]);
    await page.reload();
    expect(await selector.inputValue()).toBe('tier=backend,app notin (api)');
    await expectRowsMatch(page, { clusters: ['us'], labelSelector: 'tier=backend,app notin (api)' });
    expect(realErrors(session.errors)).toEqual([]);
  });

  it('says what is wrong with an invalid label selector next to the field, and sends no request', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/services`);
    await page.getByTestId('service-row').first().waitFor();
    const sent: string[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (new URL(r.url()).pathname === '/graphql') sent.push(r.postData() ?? r.url());
    };
    page.on('request', onRequest);
    const selector = page.getByRole('textbox', { name: 'Label selector' });
    await selector.fill('tier in (fe');
    const problem = page.getByTestId('selector-problem');
    await problem.filter({ hasText: 'invalid label selector' }).waitFor();
    expect(await problem.textContent()).toContain(`missing ')'`);
    expect(await problem.textContent()).toContain('key in (a,b)'); // the rule, not only the error
    expect(await selector.getAttribute('aria-invalid')).toBe('true');
    await page.waitForURL((u) => u.searchParams.get('label') === 'tier in (fe');
    await page.getByRole('alert').filter({ hasText: 'The label selector is not valid' }).waitFor();
    await page.waitForTimeout(500);
    page.off('request', onRequest);
    expect(sent.filter((b) => b.includes('tier in (fe'))).toEqual([]);
    expect(await page.getByTestId('service-row').count()).toBe(0);
    const { a11y, h1 } = await lookAt(page, 'catalog-invalid-selector');
    expect(h1).toEqual(['Services']);
    expect(a11y).toEqual([]);

    // The same view from a shared link: the server sends nothing either, and says why.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'The label selector is not valid' }).waitFor();
    await page.getByRole('button', { name: 'Clear the label selector' }).first().click();
    await page.waitForURL((u) => !u.searchParams.has('label'));
    await page.getByTestId('service-row').first().waitFor();
    expect(realErrors(session.errors)).toEqual([]);
  });

  it('copies a row’s primary URL to the clipboard', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/services?q=learn.nextgenplayground&cluster=eu`);
    const [first] = (await services({ search: 'learn.nextgenplayground', clusters: ['eu'] })).nodes;
    const url = first!.primaryAccessUrl!.url;
    expect(url).toMatch(/^https:\/\/learn\.nextgenplayground\.org/);
    await page.getByRole('button', { name: `Copy ${url}` }).first().click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  it('pages through a few hundred services by scrolling, reaching the last row, drawing only what is in view', async () => {
    const { page } = session;
    const all = await allServices({ clusters: ['eu'] }, 'NAME');
    expect(all.length).toBeGreaterThan(240);
    await page.goto(`${product.webUrl}/services?cluster=eu&sort=name`);
    await page.getByTestId('service-row').first().waitFor();
    const footer = page.getByTestId('catalog-footer');
    for (let i = 0; i < 60 && !(await footer.textContent())!.includes(`All ${all.length} services shown`); i++) {
      await page.mouse.wheel(0, 4_000);
      await page.waitForTimeout(150);
    }
    expect(await footer.textContent()).toContain(`All ${all.length} services shown`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const last = all.at(-1)!;
    await page.locator(`[data-testid=service-row][data-key="${keyOf(last)}"]`).waitFor();
    const keys = await rowKeys(page);
    expect(keys.at(-1)).toBe(keyOf(last));
    expect(keys).toEqual(all.slice(all.length - keys.length).map(keyOf));
    expect(keys.length).toBeLessThan(60);
    expect(await page.getByRole('table').getAttribute('aria-rowcount')).toBe(String(all.length + 1));
  });

  it('groups a service present in several clusters into one row that opens to its members', async () => {
    const { page } = session;
    // The seed's namespace is in all three clusters.
    await page.goto(`${product.webUrl}/services?namespace=default`);
    await page.getByRole('button', { name: 'Group by service' }).click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'true' && u.searchParams.get('namespace') === 'default');
    const api = (
      await product.gql<{ serviceGroups: { totalCount: number; nodes: { namespace: string; name: string; clusters: string[]; members: { cluster: string; service: ApiRow }[] }[] } }>(
        `{ serviceGroups(filter: { namespaces: ["default"] }, first: 100) { totalCount nodes { namespace name clusters members { cluster service { ${ROW} } } } } }`,
      )
    ).serviceGroups;
    await page.getByTestId('catalog-count').filter({ hasText: new RegExp(`^${api.totalCount} service groups`) }).waitFor();
    const groupKeys = await page.$$eval('[data-testid=group-row]', (rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(groupKeys).toEqual(api.nodes.slice(0, groupKeys.length).map((g) => `${g.namespace}/${g.name}`));
    expect(new Set(groupKeys).size).toBe(groupKeys.length); // one row per namespace/name

    const spread = api.nodes.find((g) => g.clusters.length === 3)!;
    const row = page.locator(`[data-testid=group-row][data-key="${spread.namespace}/${spread.name}"]`);
    expect(await row.textContent()).toContain('3 clusters');
    await row.getByRole('button', { name: `${spread.name}, in 3 clusters` }).click();
    const members = (await renderedRows(page)).filter((r) => r.key.endsWith(`/${spread.namespace}/${spread.name}`));
    expect(members.map((m) => m.key)).toEqual(spread.members.map((m) => keyOf(m.service)));
    spread.members.forEach((m, i) => {
      expect(members[i]!.link).toBe(`/clusters/${m.cluster}/namespaces/${spread.namespace}/services/${spread.name}`);
      expect(members[i]!.url).toBe(m.service.primaryAccessUrl?.url ?? null);
    });
    const { a11y, h1 } = await lookAt(page, 'catalog-grouped');
    expect(h1).toEqual(['Services']);
    expect(a11y).toEqual([]);
    await page.reload();
    expect(await page.getByRole('button', { name: 'Group by service' }).getAttribute('aria-pressed')).toBe('true');
    expect(realErrors(session.errors)).toEqual([]);
  });

  it('says so when nothing matches, with a button that clears the filters', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/services?q=no-such-service-anywhere&kind=NodePort`);
    await page.getByText('No service matches these filters').waitFor();
    const { a11y, h1 } = await lookAt(page, 'catalog-empty');
    expect(h1).toEqual(['Services']);
    expect(a11y).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await page.waitForURL((u) => u.search === '');
    await expectRowsMatch(page, {});
  });

  it('shows a service created with kubectl and drops a deleted one, live, keeping the scroll position and filters', async () => {
    const { page } = session;
    const us = product.clusters['us']!.sim;
    await page.goto(`${product.webUrl}/services?kind=ClusterIP`);
    await page.getByTestId('live-indicator').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 });
    await page.getByTestId('service-row').first().waitFor();
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));
    // Scrolled into the list: a row added above the viewport must not move what one is reading.
    await page.evaluate(() => window.scrollTo(0, 1_500));
    await page.waitForTimeout(300);
    const topRow = () =>
      page.evaluate(() => [...document.querySelectorAll('[data-testid=service-row]')].find((r) => r.getBoundingClientRect().top >= 96)?.getAttribute('data-key'));
    const before = await topRow();
    const total = (await services({ kinds: ['ClusterIP'] }, 'NAMESPACE', 1)).totalCount;

    // Namespace "aaa" sorts first: the new row lands above everything shown.
    await us.apply([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'aaa' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'live-added', namespace: 'aaa', labels: { app: 'live-added' } }, spec: { selector: { app: 'live-added' }, ports: [{ port: 80, targetPort: 8080 }] } },
    ]);
    await page.getByTestId('catalog-count').filter({ hasText: new RegExp(`^${(total + 1).toLocaleString('en-US')} services`) }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await topRow()).toBe(before);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-testid=service-row][data-key="us/aaa/live-added"]').waitFor({ timeout: 5_000 });
    expect(new URL(page.url()).searchParams.get('kind')).toBe('ClusterIP');

    await us.delete('v1', 'Service', 'aaa', 'live-added');
    await page.locator('[data-testid=service-row][data-key="us/aaa/live-added"]').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('catalog-count').filter({ hasText: new RegExp(`^${total.toLocaleString('en-US')} services`) }).waitFor({ timeout: 5_000 });
    await expectRowsMatch(page, { kinds: ['ClusterIP'] });
    // The same document all along: updated live, not reloaded.
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    expect(realErrors(session.errors)).toEqual([]);
  });
});
