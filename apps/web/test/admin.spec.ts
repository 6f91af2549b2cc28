import { kubeconfigFor, type SimCluster, startCluster } from '@switchboard/kube-sim';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-admin-spec-admin-token-0123456789';

describe.skipIf(!haveBrowser)('administration: clusters, tokens, grants, the audit log', () => {
  let product: ProductWithClusters;
  let newcomer: SimCluster;
  let browser: Browser;
  let admin: SignedIn;
  const clusterNames = async () => (await product.rest<{ name: string }[]>('GET', '/clusters')).body.map((c) => c.name).sort();
  const looks = async (page: Page, name: string) => {
    const { a11y, h1 } = await lookAt(page, name);
    expect(a11y, name).toEqual([]);
    expect(h1.length, `${name}: one h1`).toBe(1);
  };

  beforeAll(async () => {
    // "home" is registered by the harness; "newcomer" runs but is registered through the page.
    [product, newcomer] = await Promise.all([
      startProductWithClusters(ADMIN_TOKEN, [{ sim: { name: 'home', scenario: 'seed' }, displayName: 'Home', labels: { env: 'prod' } }]),
      startCluster({ name: 'newcomer', scenario: 'seed', bookmarkIntervalMs: 1_000 }),
    ]);
    browser = await launchBrowser();
    admin = await signIn(browser, product.webUrl, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await product?.stop();
    await newcomer?.stop();
  });

  it('tests a kubeconfig with a wrong CA: the TLS error is shown and nothing is stored', async () => {
    const { page } = admin;
    // Admins reach a cluster's administration from its overview card.
    await page.getByTestId('cluster-card-home').waitFor();
    await page.getByRole('link', { name: 'Manage Home' }).click();
    await page.waitForURL('**/admin/clusters#cluster-home');
    await page.getByTestId('admin-cluster-home').waitFor();
    expect(await page.getByTestId('admin-nav').getByRole('link').allTextContents()).toEqual(['Clusters', 'Tokens & grants', 'Audit log']);
    await looks(page, 'admin-clusters');

    await page.getByRole('link', { name: 'Register clusters' }).click();
    await page.waitForURL('**/admin/clusters/register');
    await page.getByRole('heading', { level: 1, name: 'Register clusters' }).waitFor();
    await looks(page, 'admin-register-empty');

    // Nothing pasted: the field says so, and no request leaves the page.
    await page.getByRole('button', { name: 'Test connection' }).click();
    expect(await page.locator('[data-field-error]').first().textContent()).toContain('kubeconfig: paste a kubeconfig');
    await page.getByRole('textbox', { name: 'Kubeconfig', exact: true }).fill('apiVersion: v1\nclusters: [');
    expect(await page.locator('[data-field-error]').first().textContent()).toContain('kubeconfig: is not readable YAML');
    await looks(page, 'admin-register-invalid');

    // newcomer's server with home's CA: a certificate the API must refuse.
    const wrongCa = kubeconfigFor([{ name: 'newcomer', url: newcomer.url, caData: product.clusters['home']!.sim.caData, token: newcomer.token }]);
    await page.getByRole('textbox', { name: 'Kubeconfig', exact: true }).fill(wrongCa);
    expect(await page.getByRole('checkbox', { name: /newcomer/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-results').locator('li');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('TLS');
    const text = (await result.textContent())!;
    expect(text).toContain('TLS verification failed');
    expect(text).toContain('CLUSTER_TLS');
    expect(text).toMatch(/check the CA data/);
    expect(await page.getByRole('button', { name: 'Register cluster' }).isDisabled()).toBe(true);
    await looks(page, 'admin-register-tls');
    expect(await clusterNames()).toEqual(['home']);
  });

  it('registers a good kubeconfig after its test passes; the cluster appears with its sync state', async () => {
    const { page } = admin;
    await page.getByRole('textbox', { name: 'Kubeconfig', exact: true }).fill(newcomer.kubeconfig());
    await page.getByLabel('Display name').fill('Newcomer');
    await page.getByLabel('Labels').fill('env=test, region=eu-west-1');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.locator('[data-testid="connection-results"] li[data-outcome="OK"]').waitFor();
    expect(await page.getByTestId('connection-results').textContent()).toContain('every synced kind can be listed and watched');
    // Still nothing stored: only the test ran.
    expect(await clusterNames()).toEqual(['home']);
    await looks(page, 'admin-register-ok');

    await page.getByRole('button', { name: 'Register cluster' }).click();
    await page.waitForURL('**/admin/clusters?registered=newcomer');
    const card = page.getByTestId('admin-cluster-newcomer');
    await card.waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Registered newcomer');
    // The mirror starts and the page follows it live.
    await page.waitForFunction(() => document.querySelector('[data-testid="admin-cluster-newcomer"]')?.getAttribute('data-status') === 'READY', undefined, { timeout: 45_000 });
    // One row per kind the API mirrors (as it reports them for this cluster).
    const kinds = ((await (await fetch(`${product.apiUrl}/api/v1/clusters/newcomer`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { syncStates: unknown[] }).syncStates.length;
    expect(kinds).toBeGreaterThan(6);
    expect(await card.locator('tbody tr').count()).toBe(kinds);
    expect(await card.textContent()).toContain('env=test');
    await looks(page, 'admin-clusters-registered');
    expect(await clusterNames()).toEqual(['home', 'newcomer']);
  });

  it('pauses, resumes, resyncs, edits and removes a cluster (the removal says what goes)', async () => {
    const { page } = admin;
    const card = page.getByTestId('admin-cluster-newcomer');
    const statusIs = (s: string) => page.waitForFunction((want) => document.querySelector('[data-testid="admin-cluster-newcomer"]')?.getAttribute('data-status') === want, s, { timeout: 30_000 });
    await card.getByRole('button', { name: 'Pause sync' }).click();
    await statusIs('PAUSED');
    expect((await product.rest<{ paused: boolean }>('GET', '/clusters/newcomer')).body.paused).toBe(true);
    await card.getByRole('button', { name: 'Resume sync' }).click();
    await statusIs('READY');
    expect((await product.rest<{ paused: boolean }>('GET', '/clusters/newcomer')).body.paused).toBe(false);
    await card.getByRole('button', { name: 'Resync' }).click();
    await card.getByText('Resync of Newcomer started').waitFor();

    await card.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Newcomer' });
    await edit.getByLabel('Display name').fill('');
    await edit.getByLabel('Cluster domain').fill('Not_A_Domain');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    expect(await edit.locator('[data-field-error]').allTextContents()).toEqual([expect.stringContaining('displayName: must be 1 to 100 characters'), expect.stringContaining('clusterDomain: a lowercase RFC 1123 subdomain')]);
    await looks(page, 'admin-cluster-edit-invalid');
    await edit.getByLabel('Display name').fill('Newcomer EU');
    await edit.getByLabel('Cluster domain').fill('corp.internal');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await card.getByRole('heading', { name: 'Newcomer EU' }).waitFor();
    expect((await product.rest<{ displayName: string; clusterDomain: string }>('GET', '/clusters/newcomer')).body).toMatchObject({ displayName: 'Newcomer EU', clusterDomain: 'corp.internal' });

    const summary = (await product.gql<{ cluster: { summary: { services: number; ingresses: number } } }>('{ cluster(name: "newcomer") { summary { services ingresses } } }')).cluster.summary;
    await card.getByRole('button', { name: 'Remove' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove Newcomer EU?' });
    const listed = (await remove.getByTestId('removal-summary').textContent())!;
    expect(listed).toContain(`${summary.services} service`);
    expect(listed).toContain(`${summary.ingresses} ingress`);
    await looks(page, 'admin-cluster-remove');
    await remove.getByRole('button', { name: 'Remove newcomer' }).click();
    await page.waitForURL('**/admin/clusters?removed=newcomer');
    await card.waitFor({ state: 'detached' });
    expect(await clusterNames()).toEqual(['home']);
    expect(admin.errors).toEqual([]);
  });

  it('creates a token whose secret is shown once and works; grants show on it; revoking ends it', async () => {
    const { page } = admin;
    await page.goto(`${product.webUrl}/admin/tokens`);
    await page.getByRole('heading', { level: 1, name: 'Tokens and grants' }).waitFor();
    await looks(page, 'admin-tokens');

    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API token' });
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const errors = await dialog.locator('[data-field-error]').allTextContents();
    expect(errors.some((e) => e.startsWith('name:'))).toBe(true);
    await looks(page, 'admin-token-create-invalid');

    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('alice');
    await dialog.getByLabel('Role').selectOption('operator');
    await dialog.getByLabel('Grant 1: cluster').selectOption('home');
    await dialog.getByLabel('Grant 1: namespace').fill('team-a');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Token “alice” created' });
    const secret = (await secretDialog.getByTestId('token-secret').textContent())!.trim();
    expect(secret).toMatch(/^sbt_/);
    expect(await secretDialog.textContent()).toContain('This is the only time Switchboard shows this secret');
    await secretDialog.getByRole('button', { name: 'Copy the token secret' }).waitFor();
    await looks(page, 'admin-token-secret');

    // The secret works for the API as it is.
    const me = await fetch(`${product.apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'alice', role: 'operator' });

    await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
    const card = page.getByTestId('token-alice');
    await card.waitFor();
    expect(await card.getByTestId('token-grants').textContent()).toContain('home/team-a');
    await page.reload();
    await card.waitFor();
    expect(await page.content()).not.toContain(secret);

    // A grant with a bad pattern is refused next to its field; a good one shows on the token.
    const addGrant = card.getByRole('form', { name: 'Add a grant to alice' });
    await addGrant.getByLabel('Namespace').fill('Team A');
    await addGrant.getByRole('button', { name: 'Add grant' }).click();
    expect(await addGrant.locator('[data-field-error]').textContent()).toMatch(/^namespace:/);
    await addGrant.getByLabel('Namespace').fill('team-b-*');
    await addGrant.getByRole('button', { name: 'Add grant' }).click();
    await card.getByTestId('token-grants').getByText('*/team-b-*').waitFor();
    await looks(page, 'admin-token-grants');
    const id = (await product.rest<{ id: string; name: string }[]>('GET', '/tokens')).body.find((t) => t.name === 'alice')!.id;
    expect((await product.rest<{ namespace: string }[]>('GET', `/grants?token=${id}`)).body.map((g) => g.namespace).sort()).toEqual(['team-a', 'team-b-*']);

    // alice sees who she is, her role and her grants in the header, and no administration.
    const alice = await signIn(browser, product.webUrl, secret);
    try {
      await alice.page.getByTestId('identity').click();
      const menu = alice.page.getByTestId('identity-panel');
      const menuText = (await menu.textContent())!;
      expect(menuText).toContain('alice');
      expect(menuText).toContain('operator');
      expect(menuText).toContain('home/team-a');
      expect(menuText).toContain('*/team-b-*');
      expect(await alice.page.getByTestId('admin-nav').count()).toBe(0);
      await looks(alice.page, 'identity-menu-operator');
    } finally {
      await alice.context.close();
    }

    await card.getByRole('button', { name: 'Remove grant */team-b-* from alice' }).click();
    await card.getByTestId('token-grants').getByText('*/team-b-*').waitFor({ state: 'detached' });

    await card.getByRole('button', { name: 'Revoke' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke “alice”?' });
    expect(await revoke.textContent()).toContain('get 401 from now on');
    await looks(page, 'admin-token-revoke');
    await revoke.getByRole('button', { name: 'Revoke alice' }).click();
    await card.waitFor({ state: 'detached' });
    const after = await fetch(`${product.apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);
    await page.goto(`${product.webUrl}/admin/tokens?revoked=1`);
    expect(await page.getByTestId('token-alice').getAttribute('data-status')).toBe('REVOKED');
    expect(admin.errors).toEqual([]);
  });

  it('lists every action above in the audit log with its outcome, filters by the address and opens a diff', async () => {
    const { page } = admin;
    // A change with a field diff: a service created through the API.
    await product.gql('mutation { createService(cluster: "home", namespace: "default", input: { name: "audited", ports: [{ port: 80 }] }) { service { name } } }');
    await page.goto(`${product.webUrl}/admin/audit`);
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-action')} ${r.getAttribute('data-outcome')}`));
    for (const a of ['testClusterConnection', 'registerCluster', 'updateCluster', 'resyncCluster', 'removeCluster', 'createToken', 'createGrant', 'deleteGrant', 'revokeToken', 'createService']) expect(actions).toContain(`${a} SUCCEEDED`);
    await looks(page, 'admin-audit');

    await page.getByLabel('Action', { exact: true }).fill('registerCluster');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL('**/admin/audit?action=registerCluster');
    // home (registered by the harness) and newcomer (through the page), newest first.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-table"] tbody tr').length === 2);
    expect(await table.locator('tbody tr').first().textContent()).toContain('newcomer');
    expect(await page.getByTestId('audit-count').textContent()).toContain('2 entries match the filters');
    await page.goBack();
    await page.waitForURL((u) => u.search === '');

    await page.goto(`${product.webUrl}/admin/audit?action=createService&cluster=home`);
    await table.locator('tbody tr').first().getByRole('button', { name: /Open createService/ }).click();
    const entry = page.getByRole('dialog', { name: 'createService · home/default/audited' });
    const diff = (await entry.getByLabel('Changes').textContent())!;
    expect(diff).toContain('# Service default/audited (CREATE)');
    expect(diff).toContain('added: + ');
    expect(await entry.textContent()).toContain('SUCCEEDED');
    await looks(page, 'admin-audit-entry');

    await page.goto(`${product.webUrl}/admin/audit?outcome=REPLAYED`);
    await page.getByText('No entry matches these filters').waitFor();
    await looks(page, 'admin-audit-empty');
    expect(admin.errors).toEqual([]);
  });

  it('gives a viewer no administration in the nav and a 403-shaped page on every /admin address', async () => {
    const created = await product.rest<{ token: string }>('POST', '/tokens', { name: 'vera', role: 'viewer' });
    const viewer = await signIn(browser, product.webUrl, created.body.token);
    try {
      const { page } = viewer;
      await page.getByTestId('cluster-card-home').waitFor();
      expect(await page.getByTestId('admin-nav').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Manage Home' }).count()).toBe(0);
      for (const path of ['/admin/clusters', '/admin/clusters/register', '/admin/tokens', '/admin/audit']) {
        await page.goto(`${product.webUrl}${path}`);
        const forbidden = page.getByTestId('admins-only');
        await forbidden.waitFor();
        expect(await forbidden.textContent()).toContain('403');
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Only admins can open this page');
        expect(await page.getByRole('button', { name: /Register|Create token|Revoke|Remove|Pause/ }).count()).toBe(0);
      }
      await looks(page, 'admin-forbidden-viewer');
      await page.getByTestId('identity').click();
      expect(await page.getByTestId('identity-panel').textContent()).toContain('viewer');
      await looks(page, 'identity-menu-viewer');
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.context.close();
    }
  });
});
