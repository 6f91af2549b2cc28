import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-expose-ingress-admin-token-0123456789';
const NET = 'networking.k8s.io/v1';

type KubeIngress = { spec: { ingressClassName?: string; tls?: { hosts?: string[]; secretName?: string }[]; rules?: { host?: string; http: { paths: { path: string; backend: { service: { name: string; port: { number?: number } } } }[] } }[] } };

const servicePath = (name: string) => `/clusters/sim/namespaces/shop/services/${name}`;
const ingressPath = (name: string) => `/clusters/sim/namespaces/shop/ingresses/${name}`;

/**
 * Exposing a service and editing ingresses from the browser, against the production
 * dashboard, the real API and a kube-sim cluster (what the cluster holds is read from
 * the simulator itself): every form's states are screenshotted in both themes and
 * checked with axe.
 */
describe.skipIf(!haveBrowser)('expose, unexpose and the ingress editor', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let session: SignedIn;
  let viewerToken: string;
  let operatorToken: string;
  /** Self-service mutations the browser sent (a form with bad input must send none). */
  const sent: string[] = [];

  const ingressInSim = (name: string) => product.clusters.sim!.sim.get(NET, 'Ingress', 'shop', name) as KubeIngress | undefined;
  const token = async (name: string, role: string, grants?: { cluster: string; namespace: string }[]) => (await product.rest<{ token: string }>('POST', '/tokens', { name, role, ...(grants ? { grants } : {}) })).body.token;
  const dialog = (page: Page) => page.getByRole('dialog');
  const expectClean = async (page: Page, shot: string) => {
    const { a11y } = await lookAt(page, shot);
    expect(a11y, shot).toEqual([]);
  };
  /** The message shown under the field with this label. */
  const fieldMessage = async (scope: Locator, label: string) => {
    const input = scope.getByRole('textbox', { name: label, exact: true });
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
    return ids.length ? ((await scope.page().locator(`[id="${ids[0]}"]`).textContent()) ?? '') : '';
  };

  beforeAll(async () => {
    product = await startProductWithClusters(ADMIN_TOKEN, [{ sim: { name: 'sim', nodes: 1 } }]);
    await product.clusters.sim!.sim.apply([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 8080 }] } },
      // The class the cluster's ingresses use: what the forms offer.
      { apiVersion: NET, kind: 'Ingress', metadata: { name: 'legacy', namespace: 'shop' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'legacy.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }] } }] } },
    ]);
    await product.waitFor('the shop namespace mirrored', async () => {
      const d = await product.gql<{ services: { totalCount: number }; ingressClasses: { name: string }[] }>(`{ services(filter: { namespaces: ["shop"] }) { totalCount } ingressClasses(cluster: "sim") { name } }`);
      return d.services.totalCount === 2 && d.ingressClasses.length === 1;
    });
    viewerToken = await token('vera (viewer)', 'viewer');
    operatorToken = await token('otto (team-b operator)', 'operator', [{ cluster: 'sim', namespace: 'team-b' }]);
    browser = await launchBrowser();
    session = await signIn(browser, product.webUrl, ADMIN_TOKEN, { permissions: ['clipboard-read', 'clipboard-write'] });
    session.page.on('request', (r) => {
      const body = r.method() === 'POST' && new URL(r.url()).pathname === '/graphql' ? (r.postData() ?? '') : '';
      const op = /"operationName":"(\w+)"/.exec(body)?.[1] ?? /mutation (\w+)/.exec(body)?.[1];
      if (op && /^(ExposeService|UnexposeService|CreateIngress|UpdateIngress|DeleteIngress)$/.test(op)) sent.push(op);
    });
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await product?.stop();
  }, 180_000);

  it('exposes a service through an ingress with TLS: bad input sends nothing, the dry run changes nothing, the https URL appears', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('web')}`);
    await page.getByRole('button', { name: 'Expose', exact: true }).click();
    const d = dialog(page);
    await d.getByRole('textbox', { name: 'Host', exact: true }).waitFor();
    await expectClean(page, 'expose-empty');

    await d.getByRole('textbox', { name: 'Host', exact: true }).fill('Bad_Host!');
    await d.getByRole('textbox', { name: 'Path', exact: true }).fill('shop');
    await d.getByTestId('review-change').click();
    expect(await fieldMessage(d, 'Host')).toContain('host');
    expect(await fieldMessage(d, 'Path')).toContain("starting with '/'");
    expect(await d.getByRole('alert').textContent()).toContain('nothing was sent');
    await expectClean(page, 'expose-invalid');
    expect(sent).toEqual([]);

    await d.getByRole('textbox', { name: 'Host', exact: true }).fill('web.example.com');
    await d.getByRole('textbox', { name: 'Path', exact: true }).fill('/shop');
    await d.getByLabel('Ingress class').selectOption('nginx');
    await d.getByLabel('Serve HTTPS (TLS)').check();
    await d.getByRole('textbox', { name: 'TLS secret name' }).fill('web-tls');
    expect(await fieldMessage(d, 'Host')).toBe('');
    await d.getByTestId('review-change').click();
    const preview = d.getByTestId('change-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('object-change').getAttribute('data-action')).toBe('CREATE');
    expect(await preview.textContent()).toContain('secretName: web-tls');
    expect(await preview.getByTestId('access-url').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')))).toEqual(['https://web.example.com/shop']);
    await expectClean(page, 'expose-review');
    // A dry run: the cluster has no such ingress.
    expect(ingressInSim('web')).toBeUndefined();
    expect(sent).toEqual(['ExposeService']);

    await d.getByTestId('apply-change').click();
    await d.getByTestId('change-result').waitFor();
    await d.getByRole('button', { name: 'Copy https://web.example.com/shop' }).waitFor();
    await expectClean(page, 'expose-result');
    const live = ingressInSim('web');
    expect(live?.spec.ingressClassName).toBe('nginx');
    expect(live?.spec.tls).toEqual([{ hosts: ['web.example.com'], secretName: 'web-tls' }]);
    expect(live?.spec.rules?.[0]?.http.paths[0]?.path).toBe('/shop');

    await d.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('access-urls').locator('[data-url="https://web.example.com/shop"]').first().waitFor();
  }, 180_000);

  it('creates an ingress with two rules in the editor, then edits it with a diff first', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}/services?cluster=sim&namespace=shop`);
    await page.getByRole('link', { name: 'New ingress in shop' }).click();
    await page.waitForURL((u) => u.pathname === '/clusters/sim/namespaces/shop/ingresses/new');
    const form = page.getByRole('form', { name: 'New ingress' });
    await form.waitFor();
    const { a11y, h1 } = await lookAt(page, 'ingress-new-empty');
    expect(a11y).toEqual([]);
    expect(h1).toEqual(['New ingress']);

    // Nothing typed yet: Review names what is missing and sends nothing.
    const sentBefore = sent.length;
    await form.getByLabel('Host of rule 1').fill('Bad_Host');
    await page.getByTestId('review-change').click();
    expect(await fieldMessage(form, 'Name')).toContain('required');
    expect(await fieldMessage(form, 'Host of rule 1')).toContain('rules[0].host');
    await expectClean(page, 'ingress-new-invalid');
    expect(sent.length).toBe(sentBefore);

    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('shop-routes');
    await form.getByLabel('Host of rule 1').fill('shop.example.com');
    await form.getByLabel('Service (rule 1, path 1)').selectOption('web');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await form.getByLabel('Host of rule 2').fill('api.example.com');
    await form.getByRole('textbox', { name: 'Path (rule 2, path 1)', exact: true }).fill('/v1');
    await form.getByLabel('Service (rule 2, path 1)').selectOption('api');
    expect(await form.getByLabel('Port (rule 2, path 1)').inputValue()).toBe('8080');
    expect(await page.getByTestId('yaml-preview').textContent()).toContain('host: api.example.com');
    await page.getByTestId('review-change').click();
    await page.getByTestId('change-preview').waitFor();
    expect(await page.getByTestId('change-preview').getByTestId('access-url').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')).sort())).toEqual(['http://api.example.com/v1', 'http://shop.example.com/']);
    await expectClean(page, 'ingress-new-review');
    expect(ingressInSim('shop-routes')).toBeUndefined();

    await page.getByTestId('apply-change').click();
    await page.getByTestId('change-result').waitFor();
    await page.getByRole('button', { name: 'Copy http://api.example.com/v1' }).waitFor();
    await expectClean(page, 'ingress-new-result');
    expect(ingressInSim('shop-routes')?.spec.rules?.map((r) => r.host)).toEqual(['shop.example.com', 'api.example.com']);

    await page.getByRole('link', { name: 'Open ingress shop-routes' }).click();
    await page.waitForURL((u) => u.pathname === ingressPath('shop-routes'));
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL((u) => u.pathname === `${ingressPath('shop-routes')}/edit`);
    const edit = page.getByRole('form', { name: 'Edit ingress shop-routes' });
    await edit.getByRole('textbox', { name: 'Path (rule 2, path 1)', exact: true }).fill('/v2');
    await edit.getByRole('button', { name: 'Add TLS entry' }).click();
    await edit.getByLabel('Hosts of TLS entry 1').fill('api.example.com');
    await edit.getByLabel('Secret name of TLS entry 1').fill('api-tls');
    await page.getByTestId('review-change').click();
    const diff = page.getByTestId('change-preview');
    await diff.waitFor();
    expect(await diff.getByTestId('object-change').getAttribute('data-action')).toBe('UPDATE');
    expect(await diff.textContent()).toContain('/v2');
    expect(await diff.textContent()).toContain('spec.tls');
    await expectClean(page, 'ingress-edit-review');
    expect(ingressInSim('shop-routes')?.spec.tls).toBeUndefined();
    await page.getByTestId('apply-change').click();
    await page.getByTestId('change-result').waitFor();
    await page.getByRole('button', { name: 'Copy https://api.example.com/v2' }).waitFor();
    expect(ingressInSim('shop-routes')?.spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: 'api-tls' }]);
  }, 180_000);

  it('unexposes the service: the confirmation names the URL and path that go, the dry run keeps them, then they are gone', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${servicePath('web')}`);
    await page.getByRole('button', { name: 'Unexpose' }).click();
    const d = dialog(page);
    const confirm = d.getByTestId('unexpose-confirm');
    await confirm.waitFor();
    // web is NodePort and behind two ingresses: their paths to it are what is taken back first.
    expect(await confirm.textContent()).toContain('web.example.com/shop in ingress web');
    expect(await confirm.textContent()).toContain('shop.example.com/ in ingress shop-routes');
    expect(await confirm.getByTestId('access-url').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')).sort())).toEqual(['http://shop.example.com/', 'https://web.example.com/shop']);
    await expectClean(page, 'unexpose-confirm');
    await d.getByTestId('review-change').click();
    await d.getByTestId('change-preview').waitFor();
    // Ingress web has nothing left and goes; shop-routes keeps its rule to api.
    expect(await d.getByTestId('object-change').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')).sort())).toEqual(['DELETE', 'UPDATE']);
    await expectClean(page, 'unexpose-review');
    expect(ingressInSim('web')).toBeDefined();
    await d.getByTestId('apply-change').click();
    await d.getByTestId('change-result').waitFor();
    expect(ingressInSim('web')).toBeUndefined();
    expect(ingressInSim('shop-routes')?.spec.rules?.map((r) => r.host)).toEqual(['api.example.com']);
    await d.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="access-urls"] [data-url="https://web.example.com/shop"]'));
  }, 180_000);

  it('deletes an ingress after a confirmation naming its URLs and a dry run', async () => {
    const { page } = session;
    await page.goto(`${product.webUrl}${ingressPath('shop-routes')}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    const d = dialog(page);
    await d.getByTestId('delete-confirm').waitFor();
    expect(await d.getByTestId('delete-confirm').getByTestId('access-url').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')).sort())).toEqual(['https://api.example.com/v2']);
    await expectClean(page, 'ingress-delete-confirm');
    await d.getByTestId('review-change').click();
    await d.getByTestId('change-preview').waitFor();
    expect(ingressInSim('shop-routes')).toBeDefined();
    await expectClean(page, 'ingress-delete-review');
    await d.getByTestId('apply-change').click();
    // Done: back to the namespace, the ingress gone from the cluster.
    await page.waitForURL((u) => u.pathname === '/services' && u.searchParams.get('namespace') === 'shop');
    expect(ingressInSim('shop-routes')).toBeUndefined();
    expect(session.errors).toEqual([]);
  }, 180_000);

  it('shows a refusal the API still makes (the grant revoked after the page loaded) next to the action', async () => {
    const created = await product.rest<{ token: string; apiToken: { grants: { id: string }[] } }>('POST', '/tokens', { name: 'olga (shop operator)', role: 'operator', grants: [{ cluster: 'sim', namespace: 'shop' }] });
    const olga = await signIn(browser, product.webUrl, created.body.token);
    try {
      const { page } = olga;
      await page.goto(`${product.webUrl}${servicePath('api')}`);
      await page.getByRole('button', { name: 'Expose', exact: true }).click();
      const d = dialog(page);
      await d.getByRole('textbox', { name: 'Host', exact: true }).fill('api.shop.example.com');
      expect((await product.rest('DELETE', `/grants/${created.body.apiToken.grants[0]!.id}`)).status).toBe(200);
      await d.getByTestId('review-change').click();
      const problem = d.getByTestId('change-problem');
      await problem.waitFor();
      expect(await problem.getAttribute('data-code')).toBe('FORBIDDEN');
      expect(await problem.textContent()).toContain('Ask an admin for a grant');
      await expectClean(page, 'expose-refused');
      expect(await d.getByRole('textbox', { name: 'Host', exact: true }).inputValue()).toBe('api.shop.example.com');
    } finally {
      await olga.context.close();
    }
  }, 180_000);

  it('shows a viewer none of these controls, and an operator only where a grant covers', async () => {
    for (const [who, t] of [
      ['viewer', viewerToken],
      ['operator of team-b', operatorToken],
    ] as const) {
      const other = await signIn(browser, product.webUrl, t);
      try {
        const { page } = other;
        await page.goto(`${product.webUrl}${servicePath('web')}`);
        await page.locator('h1').waitFor();
        expect(await page.getByRole('button', { name: /^(Expose|Unexpose)$/ }).count(), who).toBe(0);
        await page.goto(`${product.webUrl}${ingressPath('legacy')}`);
        await page.locator('h1').waitFor();
        expect(await page.getByRole('link', { name: 'Edit' }).count(), who).toBe(0);
        expect(await page.getByRole('button', { name: 'Delete' }).count(), who).toBe(0);
        await page.goto(`${product.webUrl}/services?cluster=sim&namespace=shop`);
        await page.locator('h1').waitFor();
        expect(await page.getByRole('link', { name: /New ingress/ }).count(), who).toBe(0);
        await page.goto(`${product.webUrl}/clusters/sim/namespaces/shop/ingresses/new`);
        await page.getByText('You cannot change ingresses here').waitFor();
        expect(await page.getByRole('form').count(), who).toBe(0);
      } finally {
        await other.context.close();
      }
    }
  }, 180_000);
});
