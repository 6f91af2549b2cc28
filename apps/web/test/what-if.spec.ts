import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import type { ProductWithClusters } from './support/product-with-clusters.js';
import { API_ID, startSeedWithWeb, WEB_ID } from './support/seed-with-web.js';

const ADMIN_TOKEN = 'web-what-if-admin-token-0123456789';

const NEXTGEN_APP_ID = 'default/nextgen-app[Deployment]';
const policyPath = (name: string) => `/clusters/eu/namespaces/default/networkpolicies/${name}`;

// allow-web-to-api, changed to admit app=nextgen-app too.
const WIDENED = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web-to-api
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web
        - podSelector:
            matchLabels:
              app: nextgen-app
      ports:
        - protocol: TCP
          port: 3000
`;
const BROKEN = WIDENED.replace('protocol: TCP', 'protocol: TPC');

interface Pair {
  source: { id: string };
  destination: { id: string };
}
const pairs = (list: readonly Pair[]) => list.map((c) => `${c.source.id} -> ${c.destination.id}`).sort();
const rowsOf = async (page: Page, testId: string) => (await page.getByTestId(testId).getByTestId('connection').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-source')} -> ${e.getAttribute('data-destination')}`))).sort();

describe.skipIf(!haveBrowser)('the what-if page', () => {
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

  it('opens from the policy page with its manifest, and shows the connections a widened policy gains, as the API answers them', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${policyPath('allow-web-to-api')}`);
    await page.getByRole('link', { name: 'Try a change to this policy' }).click();
    await page.waitForURL((u) => u.pathname === '/clusters/eu/connectivity/what-if' && u.searchParams.get('from') === 'default/allow-web-to-api');
    expect(await page.locator('h1').allTextContents()).toEqual(['Try a NetworkPolicy']);
    expect(await page.locator('main').textContent()).toContain('nothing is applied to the cluster');

    const editor = page.getByRole('textbox', { name: 'Proposed manifests' });
    const prefilled = await editor.inputValue();
    expect(prefilled).toContain('name: allow-web-to-api');
    expect(prefilled).toContain('app: web');

    // The policy unchanged changes nothing, said in a sentence.
    await page.getByRole('button', { name: 'Compare with the cluster' }).click();
    await page.getByTestId('what-if-nothing').waitFor();

    await editor.fill(WIDENED);
    await page.getByRole('button', { name: 'Compare with the cluster' }).click();
    await page.getByTestId('what-if-gained').waitFor();

    const api = (await product.gql<{ connectivityWhatIf: { gained: (Pair & { text: string })[]; lost: Pair[]; changed: Pair[] } }>(
      'query($m: String!) { connectivityWhatIf(cluster: "eu", manifests: $m) { gained { source { id } destination { id } text } lost { source { id } destination { id } } changed { source { id } destination { id } } } }',
      { m: WIDENED },
    )).connectivityWhatIf;
    expect(pairs(api.gained)).toContain(`${NEXTGEN_APP_ID} -> ${API_ID}`);
    expect(await rowsOf(page, 'what-if-gained')).toEqual(pairs(api.gained));
    expect(await rowsOf(page, 'what-if-lost')).toEqual(pairs(api.lost));
    expect(await rowsOf(page, 'what-if-changed')).toEqual(pairs(api.changed));
    expect(await page.getByRole('heading', { level: 2, name: /^Connections gained/ }).textContent()).toBe(`Connections gained (${api.gained.length})`);
    expect(await page.getByRole('heading', { level: 2, name: /^Connections lost/ }).textContent()).toBe(`Connections lost (${api.lost.length})`);
    const gainedRow = page.getByTestId('what-if-gained').locator(`[data-source="${NEXTGEN_APP_ID}"]`);
    expect(await gainedRow.textContent()).toContain(api.gained.find((c) => c.source.id === NEXTGEN_APP_ID)!.text);
    expect(await gainedRow.textContent()).toContain('allowed by default/allow-web-to-api ingress[0]');

    await page.evaluate(() => window.scrollTo(0, 0));
    const { a11y, h1 } = await lookAt(page, 'what-if-result');
    expect(h1).toEqual(['Try a NetworkPolicy']);
    expect(a11y).toEqual([]);
  });

  it('answers a default-deny started from the namespace template with the connections it loses, keeping web → api that allow-web-to-api still admits', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/clusters/eu/namespaces/default/services/api-service`);
    await page.getByTestId('reachability').getByRole('link', { name: 'Try a NetworkPolicy' }).click();
    await page.waitForURL((u) => u.pathname === '/clusters/eu/connectivity/what-if' && !u.search);
    expect(await page.getByRole('textbox', { name: 'Proposed manifests' }).inputValue()).toContain('name: default-deny-ingress');
    await page.getByLabel('Start from a default-deny ingress policy for namespace').selectOption('default');
    expect(await page.getByRole('textbox', { name: 'Proposed manifests' }).inputValue()).toContain('namespace: default');
    await page.getByRole('button', { name: 'Compare with the cluster' }).click();
    await page.getByTestId('what-if-lost').waitFor();
    const manifests = await page.getByRole('textbox', { name: 'Proposed manifests' }).inputValue();
    const api = (await product.gql<{ connectivityWhatIf: { lost: Pair[] } }>('query($m: String!) { connectivityWhatIf(cluster: "eu", manifests: $m) { lost { source { id } destination { id } } } }', { m: manifests })).connectivityWhatIf;
    expect(api.lost.length).toBeGreaterThan(0);
    const lost = await rowsOf(page, 'what-if-lost');
    expect(lost).toEqual(pairs(api.lost));
    expect(lost).not.toContain(`${WEB_ID} -> ${API_ID}`);
    expect(await page.getByRole('heading', { level: 2, name: /^Connections lost/ }).textContent()).toBe(`Connections lost (${api.lost.length})`);
  });

  it('lists each problem of a broken manifest next to the editor, naming the field as the API does', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/clusters/eu/connectivity/what-if?from=default/allow-web-to-api`);
    await page.getByRole('textbox', { name: 'Proposed manifests' }).fill(BROKEN);
    await page.getByRole('button', { name: 'Compare with the cluster' }).click();
    const problems = page.getByTestId('manifest-problem');
    await problems.first().waitFor();

    const refusal = await product.gql('query($m: String!) { connectivityWhatIf(cluster: "eu", manifests: $m) { cluster } }', { m: BROKEN }).then(
      () => null,
      (e: Error) => JSON.parse(e.message.replace(/^GraphQL errors: /, '')) as { extensions: { code: string; details: { field: string; message: string; document?: number; object?: string }[] } }[],
    );
    const details = refusal![0]!.extensions.details;
    expect(refusal![0]!.extensions.code).toBe('MANIFEST_INVALID');
    expect(details).toHaveLength(1);
    expect(details[0]!.field).toMatch(/spec\.ingress\[0\]\.ports\[0\]\.protocol$/);
    expect(await problems.evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual(details.map((d) => d.field));
    const text = (await problems.first().textContent())!;
    expect(text).toContain(`Document ${details[0]!.document}`);
    expect(text).toContain(details[0]!.object!);
    expect(text).toContain('Field spec.ingress[0].ports[0].protocol');
    expect(text).toContain(details[0]!.message);
    expect(await page.getByTestId('what-if-result').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const { a11y } = await lookAt(page, 'what-if-invalid');
    expect(a11y).toEqual([]);
  });

  it('made no console errors and no failed requests', () => {
    expect(session.errors).toEqual([]);
  });
});
