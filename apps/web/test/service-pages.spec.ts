import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-service-pages-admin-token-0123456789';

type Scope = 'IN_CLUSTER' | 'NODE_NETWORK' | 'PUBLIC';
type ApiUrl = { url: string; scope: Scope; pending: boolean; pattern: boolean; note: string | null };

const servicePath = (cluster: string, name: string, namespace = 'default') => `/clusters/${cluster}/namespaces/${namespace}/services/${name}`;
const ingressPath = (cluster: string, name: string, namespace = 'default') => `/clusters/${cluster}/namespaces/${namespace}/ingresses/${name}`;

/** (url, scope) of every URL the page lists, sorted: what a reader sees, to compare with the API. */
async function urlsOnPage(page: Page): Promise<string[]> {
  const rows = page.getByTestId('access-urls').getByTestId('access-url');
  const pairs = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-scope')} ${e.getAttribute('data-url')}`));
  // The attribute is what the row shows, not just metadata.
  for (const [i, text] of (await rows.allTextContents()).entries()) expect(text).toContain(pairs[i]!.split(' ')[1]);
  return pairs.sort();
}

describe.skipIf(!haveBrowser)('the service and ingress pages', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let session: SignedIn;

  const apiUrls = async (cluster: string, name: string) =>
    (await product.gql<{ service: { accessUrls: ApiUrl[] } }>(`query($c: String!, $n: String!) { service(cluster: $c, namespace: "default", name: $n) { accessUrls { url scope pending pattern note } } }`, { c: cluster, n: name })).service.accessUrls;

  beforeAll(async () => {
    product = await startProductWithClusters(ADMIN_TOKEN, [
      { sim: { name: 'eu', scenario: 'seed', nodes: 2 }, displayName: 'Europe', labels: { region: 'eu-west-1' } },
      { sim: { name: 'us', scenario: 'seed', nodes: 2, loadBalancer: false }, displayName: 'United States', labels: { region: 'us-east-1' } },
    ]);
    browser = await launchBrowser();
    session = await signIn(browser, product.webUrl, ADMIN_TOKEN, { permissions: ['clipboard-read', 'clipboard-write'] });
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await product?.stop();
  });

  it('finds a service in the command palette and opens its page', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/`);
    await page.getByTestId('open-palette').click();
    await page.getByRole('dialog').getByRole('combobox').fill('my-nodeport');
    await page.getByRole('option').filter({ hasText: 'my-nodeport-service' }).filter({ hasText: 'eu / default' }).click();
    await page.waitForURL((u) => u.pathname === servicePath('eu', 'my-nodeport-service'));
    expect(await page.locator('h1').allTextContents()).toEqual(['my-nodeport-service']);
    expect(await urlsOnPage(page)).toEqual((await apiUrls('eu', 'my-nodeport-service')).map((u) => `${u.scope} ${u.url}`).sort());
  });

  it.each([
    ['eu', 'my-clusterip-service', 'ClusterIP', 'service-clusterip'],
    ['eu', 'my-nodeport-service', 'NodePort', 'service-nodeport'],
    ['eu', 'my-loadbalancer-service', 'LoadBalancer', 'service-loadbalancer'],
    ['us', 'my-loadbalancer-service', 'LoadBalancer', 'service-loadbalancer-pending'],
    ['eu', 'headless-svc', 'Headless', 'service-headless'],
    ['eu', 'my-externalname-service', 'ExternalName', 'service-externalname'],
  ])('shows %s/%s (%s) at exactly the URLs the API gives, with the same scopes', async (cluster, name, kind, shot) => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath(cluster, name)}`);
    const api = await apiUrls(cluster, name);
    expect(api.length).toBeGreaterThan(0);
    expect(await urlsOnPage(page)).toEqual(api.map((u) => `${u.scope} ${u.url}`).sort());
    // Notes as the API words them; public http(s) addresses open, the rest are text.
    for (const u of api) {
      const row = page.getByTestId('access-urls').getByTestId('access-url').and(page.locator(`[data-url="${u.url}"]`)).first();
      if (u.note) expect(await row.textContent()).toContain(u.note);
      const link = row.getByRole('link', { name: u.url });
      expect(await link.count(), u.url).toBe(u.scope === 'PUBLIC' && !u.pending && !u.pattern && /^https?:/.test(u.url) ? 1 : 0);
    }
    expect(await page.locator('header').getByText(kind, { exact: true }).count()).toBe(1);
    const { a11y, h1 } = await lookAt(page, shot);
    expect(h1).toEqual([name]);
    expect(a11y).toEqual([]);
  });

  it('says a load balancer without an address is pending, and offers no copy of it', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('us', 'my-loadbalancer-service')}`);
    const pending = (await apiUrls('us', 'my-loadbalancer-service')).filter((u) => u.pending);
    expect(pending.map((u) => [u.scope, u.url])).toEqual([['PUBLIC', 'http://<pending>:80']]);
    const row = page.getByTestId('scope-PUBLIC').locator('[data-pending="true"]');
    expect(await row.count()).toBe(1);
    const text = (await row.textContent())!;
    expect(text).toContain('Pending');
    expect(text).toContain('load balancer address not assigned yet');
    expect(await row.getByRole('button', { name: /^Copy/ }).count()).toBe(0);
    expect(await row.getByRole('link').count()).toBe(0);
  });

  it('copies a URL to the clipboard', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('eu', 'my-clusterip-service')}`);
    const url = 'http://my-clusterip-service.default:80';
    const button = page.getByTestId('scope-IN_CLUSTER').getByRole('button', { name: `Copy ${url}`, exact: true });
    await button.click();
    await button.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  it('shows the pods behind a service as the API lists its endpoints', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('eu', 'my-clusterip-service')}`);
    const api = await product.gql<{ service: { endpoints: { address: string; pod: string; node: string; zone: string; ready: boolean }[] } }>(
      '{ service(cluster: "eu", namespace: "default", name: "my-clusterip-service") { endpoints { address pod node zone ready } } }',
    );
    const rows = page.getByTestId('endpoints').getByTestId('endpoint-row');
    expect(await rows.count()).toBe(api.service.endpoints.length);
    const text = (await page.getByTestId('endpoints').textContent())!;
    for (const e of api.service.endpoints) for (const v of [e.address, e.pod, e.node, e.zone]) expect(text).toContain(v);
  });

  it('resolves the ingress backends, links them, and flags the missing one', async () => {
    const { page } = session;
    // From the service page's routes to the ingress page.
    await page.goto(`${product.webUrl}${servicePath('eu', 'app-service')}`);
    await page.getByTestId('ingress-routes').getByRole('link', { name: 'app-ingress' }).click();
    await page.waitForURL((u) => u.pathname === ingressPath('eu', 'app-ingress'));
    const rows = page.getByTestId('ingress-path');
    expect(await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-service')}:${e.getAttribute('data-state')}`))).toEqual(['app-service:resolved', 'api-service:resolved']);
    expect(await rows.first().getByRole('link', { name: 'app-service:80' }).getAttribute('href')).toBe(servicePath('eu', 'app-service'));
    const ingressUrls = (await product.gql<{ ingress: { accessUrls: { url: string; scope: Scope }[] } }>('{ ingress(cluster: "eu", namespace: "default", name: "app-ingress") { accessUrls { url scope } } }')).ingress.accessUrls;
    expect(await urlsOnPage(page)).toEqual(ingressUrls.map((u) => `${u.scope} ${u.url}`).sort());
    expect(await page.getByText('tls-secret').count()).toBeGreaterThan(0);
    let look = await lookAt(page, 'ingress');
    expect(look.h1).toEqual(['app-ingress']);
    expect(look.a11y).toEqual([]);

    await page.goto(`${product.webUrl}${ingressPath('eu', 'broken-ingress')}`);
    const api = (await product.gql<{ ingress: { paths: { backend: { service: string; serviceFound: boolean } }[]; diagnostics: { code: string; hint: string }[] } }>(
      '{ ingress(cluster: "eu", namespace: "default", name: "broken-ingress") { paths { backend { service serviceFound } } diagnostics { code hint } } }',
    )).ingress;
    expect(api.paths).toEqual([{ backend: { service: 'missing-service', serviceFound: false } }]);
    const broken = page.getByTestId('ingress-path');
    expect(await broken.getAttribute('data-state')).toBe('service-missing');
    expect(await broken.textContent()).toContain('Service missing');
    expect(await broken.getByRole('link').count()).toBe(0);
    const finding = page.getByTestId('finding');
    expect(await finding.getAttribute('data-code')).toBe('INGRESS_BACKEND_SERVICE_MISSING');
    expect(await finding.textContent()).toContain(api.diagnostics[0]!.hint);
    look = await lookAt(page, 'ingress-broken');
    expect(look.h1).toEqual(['broken-ingress']);
    expect(look.a11y).toEqual([]);
  });

  it('lists the same service in the other cluster and links to it', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('eu', 'my-loadbalancer-service')}`);
    const { service } = await product.gql<{ service: { group: { clusters: string[]; consistent: boolean; members: { cluster: string; service: { primaryAccessUrl: { url: string } } }[] } } }>(
      '{ service(cluster: "eu", namespace: "default", name: "my-loadbalancer-service") { group { clusters consistent members { cluster service { primaryAccessUrl { url } } } } } }',
    );
    expect(service.group.clusters.sort()).toEqual(['eu', 'us']);
    const members = page.getByTestId('service-group').getByTestId('group-member');
    expect((await members.evaluateAll((els) => els.map((e) => e.getAttribute('data-cluster')))).sort()).toEqual(['eu', 'us']);
    expect(await page.getByTestId('group-inconsistent').count()).toBe(service.group.consistent ? 0 : 1);
    const us = members.and(page.locator('[data-cluster="us"]'));
    expect(await us.textContent()).toContain(service.group.members.find((m) => m.cluster === 'us')!.service.primaryAccessUrl.url);
    await us.getByRole('link', { name: 'us' }).click();
    await page.waitForURL((u) => u.pathname === servicePath('us', 'my-loadbalancer-service'));
    expect(await page.locator('h1').allTextContents()).toEqual(['my-loadbalancer-service']);
    expect(await page.getByTestId('service-group').getByTestId('group-member').and(page.locator('[data-cluster="us"]')).textContent()).toContain('this page');
  });

  it('shows a port and a label added in the cluster on the open page, without a reload', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('eu', 'my-clusterip-service')}`);
    await page.getByTestId('live-indicator').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 });
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));
    // What `kubectl edit` would send: the stored object with a label and a second port added.
    const { sim } = product.clusters['eu']!;
    const current = sim.get('v1', 'Service', 'default', 'my-clusterip-service') as { metadata: { labels?: Record<string, string> }; spec: object };
    await sim.apply({
      ...current,
      metadata: { ...current.metadata, labels: { ...current.metadata.labels, team: 'payments' } },
      spec: { ...current.spec, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' }] },
    });
    await page.locator('[data-testid="port-row"][data-port="9090"]').waitFor({ timeout: 20_000 });
    await page.getByText('team=payments').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    const api = await apiUrls('eu', 'my-clusterip-service');
    // A port named "metrics" is not http: the API gives it a tcp:// URL.
    expect(api.map((u) => u.url)).toContain('tcp://my-clusterip-service.default.svc.cluster.local:9090');
    expect(await urlsOnPage(page)).toEqual(api.map((u) => `${u.scope} ${u.url}`).sort());
  });

  it('warns, live, that the page may be out of date while the cluster\u2019s mirror is not READY', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('us', 'my-nodeport-service')}`);
    await page.getByTestId('live-indicator').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('mirror-warning').count()).toBe(0);
    expect((await product.rest('PATCH', '/clusters/us', { paused: true })).status).toBe(200);
    try {
      const warning = page.getByTestId('mirror-warning');
      await warning.waitFor({ timeout: 15_000 });
      expect(await warning.getAttribute('data-status')).toBe('PAUSED');
      expect(await warning.textContent()).toContain('Mirroring of cluster United States is paused');
      const { a11y } = await lookAt(page, 'service-mirror-paused');
      expect(a11y).toEqual([]);
    } finally {
      expect((await product.rest('PATCH', '/clusters/us', { paused: false })).status).toBe(200);
    }
    await product.waitFor('us READY again', async () => (await product.rest<{ status: string }>('GET', '/clusters/us')).body.status === 'READY', 60_000);
    await page.getByTestId('mirror-warning').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('answers an unknown service with a 404 page that says what may have happened and leads back', async () => {
    const { page } = session;
    const res = await page.goto(`${product.webUrl}${servicePath('eu', 'no-such-service')}`);
    expect(res?.status()).toBe(404);
    const notFound = page.getByTestId('not-found');
    expect(await notFound.textContent()).toContain('What may have happened');
    expect(await notFound.getByRole('link', { name: /Search the catalog for “no-such-service”/ }).getAttribute('href')).toBe('/services?q=no-such-service');
    const { a11y, h1 } = await lookAt(page, 'service-not-found');
    expect(h1).toEqual(['No service “no-such-service” here']);
    expect(a11y).toEqual([]);
    const unknownCluster = await page.goto(`${product.webUrl}${ingressPath('nowhere', 'site')}`);
    expect(unknownCluster?.status()).toBe(404);
    expect(await page.getByTestId('not-found').textContent()).toContain('No cluster named nowhere is registered');
  });

  it('made no console errors and no failed requests beyond the 404s asked for', () => {
    const expected404 = (e: string) => /: GET \/clusters\/(eu\/namespaces\/default\/services\/no-such-service|nowhere\/namespaces\/default\/ingresses\/site) → 404$/.test(e);
    expect(session.errors.filter((e) => !expected404(e))).toEqual([]);
  });
});
