import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, lookAt, type SignedIn, signIn } from './support/browser.js';
import { type ProductWithClusters, startProductWithClusters } from './support/product-with-clusters.js';

const ADMIN_TOKEN = 'web-service-forms-admin-token-0123456789';

const pod = (namespace: string, name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { nodeName: 'eu-node-1', containers: [{ name: 'app', image: 'shop:1', ports: [{ name: 'http', containerPort: 8080 }] }] },
});

type LiveService = { spec: { type: string; ports: { name?: string; port: number; nodePort?: number; targetPort: number | string }[] } };

describe.skipIf(!haveBrowser)('creating, changing and deleting services from the browser', () => {
  let product: ProductWithClusters;
  let browser: Browser;
  let admin: SignedIn;
  const kubeDir = mkdtempSync(path.join(tmpdir(), 'sb-web-forms-'));
  const kubeconfig = path.join(kubeDir, 'kubeconfig');
  /** Mutations the dashboard sent (operation names), to prove invalid input sends nothing. */
  const mutations: string[] = [];

  /** The service as kube-sim has it, read with kubectl (undefined when it does not exist); async, as kube-sim answers from this process. */
  const kubectlGet = async (namespace: string, name: string): Promise<LiveService | undefined> => {
    try {
      return JSON.parse((await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfig, 'get', 'service', name, '-n', namespace, '-o', 'json'], { encoding: 'utf8' })).stdout) as LiveService;
    } catch (err) {
      if (/NotFound|not found/.test(String((err as { stderr?: string }).stderr))) return undefined;
      throw err;
    }
  };
  const audited = async (action: string) =>
    (await product.gql<{ auditEvents: { nodes: { dryRun: boolean; outcome: string }[] } }>(`query($a: String!) { auditEvents(action: $a, first: 100) { nodes { dryRun outcome } } }`, { a: action })).auditEvents.nodes;
  const token = async (name: string, role: string, grants: { cluster: string; namespace: string }[] = []) =>
    (await product.rest<{ token: string }>('POST', '/tokens', { name, role, grants })).body.token;
  const fieldErrors = (page: Page) => page.locator('[data-field-error]').allTextContents();

  beforeAll(async () => {
    product = await startProductWithClusters(ADMIN_TOKEN, [{ sim: { name: 'eu', scenario: 'seed', nodes: 2, nodeAddressBase: { internal: '10.0.0.', external: '203.0.113.' } }, displayName: 'Europe' }]);
    const sim = product.clusters.eu!.sim;
    writeFileSync(kubeconfig, sim.kubeconfig());
    for (const ns of ['team-a', 'team-b']) await sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await sim.apply([pod('team-a', 'shop-1', { app: 'shop', tier: 'web' }), pod('team-a', 'shop-2', { app: 'shop', tier: 'web' }), pod('team-a', 'db-1', { app: 'db' })]);
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'billing', namespace: 'team-b' }, spec: { selector: { app: 'billing' }, ports: [{ port: 80 }] } });
    await product.waitFor('team-a pods mirrored', async () => (await product.gql<{ podLabels: { pods: number } }>(`{ podLabels(cluster: "eu", namespace: "team-a") { pods } }`)).podLabels.pods === 3);
    await product.waitFor('billing mirrored', async () => (await product.rest('GET', '/clusters/eu/namespaces/team-b/services/billing')).status === 200);
    browser = await launchBrowser();
    admin = await signIn(browser, product.webUrl, ADMIN_TOKEN, { permissions: ['clipboard-read', 'clipboard-write'] });
    admin.page.on('request', (r) => {
      const body = r.method() === 'POST' && new URL(r.url()).pathname === '/graphql' ? (r.postData() ?? '') : '';
      const op = /mutation\s+(\w+)/.exec(body);
      if (op) mutations.push(op[1]!);
    });
  });
  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await product?.stop();
    rmSync(kubeDir, { recursive: true, force: true });
  });

  it('opens the empty form from the catalog header, with only what can be picked', async () => {
    const { page } = admin;
    await page.goto(`${product.webUrl}/services`);
    await page.getByTestId('create-service').click();
    await page.waitForURL((u) => u.pathname === '/services/new');
    await page.getByLabel('Namespace').selectOption('team-a');
    await expect.poll(() => page.getByTestId('selector-matches').textContent()).toContain('No selector');
    const look = await lookAt(page, 'service-form-empty');
    expect(look.h1).toEqual(['New service']);
    expect(look.a11y).toEqual([]);
    // Nothing typed yet: no message shouts at an empty form.
    expect(await fieldErrors(page)).toEqual([]);
  });

  it('shows each bad field’s rule next to it and sends nothing', async () => {
    const { page } = admin;
    const auditBefore = (await audited('createService')).length;
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Bad_Name');
    await page.getByLabel('Port 1 number').fill('0');
    await page.getByRole('button', { name: 'Add port' }).click();
    await page.getByLabel('Port 2 number').fill('443');
    await page.getByLabel('Port 1 number').fill('443');
    await page.getByRole('radio', { name: /^NodePort/ }).check();
    await page.getByLabel('Port 1 node port', { exact: true }).selectOption('fixed');
    await page.getByLabel('Port 1 node port number').fill('40000');
    await page.getByTestId('review-change').click();
    const errors = await fieldErrors(page);
    expect(errors.some((e) => e.startsWith('name: ') && /DNS-1035|lower case|a-z/.test(e))).toBe(true);
    expect(errors).toContain('ports[1]: duplicate value {"protocol":"TCP","port":443}: also used by ports[0]');
    expect(errors).toContain('ports[0].nodePort: must be between 30000 and 32767, got 40000');
    expect(errors.some((e) => e.startsWith('ports[0].name: is required'))).toBe(true);
    await page.getByLabel('Port 1 number').fill('0');
    await expect.poll(() => fieldErrors(page)).toContain('ports[0].port: must be between 1 and 65535, got 0');
    // The message sits with its control: the port input points at it.
    const described = await page.getByLabel('Port 1 number').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain('must be between 1 and 65535');
    const look = await lookAt(page, 'service-form-invalid');
    expect(look.a11y).toEqual([]);

    await page.getByRole('radio', { name: /^ExternalName/ }).check();
    await page.getByLabel('External name').fill('bad_host!');
    await expect.poll(async () => (await fieldErrors(page)).some((e) => e.startsWith('externalName: ') && e.includes('"bad_host!"'))).toBe(true);
    await page.getByTestId('review-change').click();
    expect(mutations).toEqual([]);
    expect((await audited('createService')).length).toBe(auditBefore);
  });

  it('creates a NodePort service: the manifest as typed, a dry run that changes nothing, one service for a double click', async () => {
    const { page } = admin;
    await page.goto(`${product.webUrl}/services/new?cluster=eu&namespace=team-a`);
    expect(await page.getByLabel('Namespace').inputValue()).toBe('team-a');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('shop');
    await page.getByRole('radio', { name: /^NodePort/ }).check();
    await page.getByRole('button', { name: 'Add app=shop to the selector (2 pods)' }).click();
    await expect.poll(() => page.getByTestId('selector-matches').textContent()).toBe('Matches 2 of 3 pods in team-a.');
    await page.getByLabel('Port 1 name').fill('http');
    await page.getByLabel('Port 1 number').fill('80');
    await page.getByLabel('Port 1 target port').fill('http');
    await page.getByLabel('Port 1 node port', { exact: true }).selectOption('fixed');
    await page.getByLabel('Port 1 node port number').fill('30080');
    const yaml = await page.getByTestId('yaml-preview').locator('pre').textContent();
    expect(yaml).toContain('nodePort: 30080');
    expect(yaml).toContain('targetPort: http');
    expect(yaml).toContain('namespace: team-a');
    expect(await fieldErrors(page)).toEqual([]);

    await page.getByTestId('review-change').click();
    const preview = page.getByTestId('change-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('object-change').getAttribute('data-action')).toBe('CREATE');
    expect(await preview.getByLabel('Changes').textContent()).toContain('nodePort');
    const planned = await preview.getByTestId('access-url').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')));
    expect(planned).toEqual(expect.arrayContaining(['http://203.0.113.10:30080', 'http://203.0.113.11:30080']));
    expect(await kubectlGet('team-a', 'shop')).toBeUndefined();
    expect(await audited('createService')).toEqual([expect.objectContaining({ dryRun: true, outcome: 'SUCCEEDED' })]);
    const look = await lookAt(page, 'service-form-review');
    expect(look.a11y).toEqual([]);

    await page.getByTestId('apply-change').dblclick();
    const result = page.getByTestId('change-result');
    await result.waitFor();
    await page.getByRole('button', { name: 'Copy http://203.0.113.10:30080' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('http://203.0.113.10:30080');
    const shot = await lookAt(page, 'service-form-result');
    expect(shot.a11y).toEqual([]);
    const applied = (await audited('createService')).filter((e) => !e.dryRun);
    expect(applied.filter((e) => e.outcome === 'SUCCEEDED')).toHaveLength(1);

    const live = (await kubectlGet('team-a', 'shop'))!;
    expect(live.spec.type).toBe('NodePort');
    expect(live.spec.ports).toEqual([expect.objectContaining({ name: 'http', port: 80, nodePort: 30080, targetPort: 'http' })]);

    await result.getByRole('link', { name: 'Open the page of shop' }).click();
    await page.waitForURL((u) => u.pathname === '/clusters/eu/namespaces/team-a/services/shop');
    const urls = await page.getByTestId('access-urls').getByTestId('access-url').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')));
    expect(urls).toEqual(expect.arrayContaining(['http://203.0.113.10:30080', 'http://203.0.113.11:30080', 'http://10.0.0.10:30080']));
    await page.goto(`${product.webUrl}/services?namespace=team-a`);
    await expect.poll(() => page.getByRole('link', { name: 'shop', exact: true }).count()).toBe(1);
  });

  it('changes the ports and the kind, with the consequence spelled out and the diff before applying', async () => {
    const { page } = admin;
    await page.goto(`${product.webUrl}/clusters/eu/namespaces/team-a/services/shop`);
    await page.getByTestId('edit-service').click();
    await page.waitForURL((u) => u.pathname.endsWith('/services/shop/edit'));
    await page.getByRole('radio', { name: /^ClusterIP/ }).check();
    expect(await page.getByTestId('consequences').textContent()).toContain('Node port 30080 will be released');
    await page.getByRole('button', { name: 'Add port' }).click();
    await page.getByLabel('Port 2 name').fill('metrics');
    await page.getByLabel('Port 2 number').fill('9090');
    expect(await fieldErrors(page)).toEqual([]);
    await page.getByTestId('review-change').click();
    const preview = page.getByTestId('change-preview');
    await preview.waitFor();
    const diff = await preview.getByLabel('Changes').textContent();
    expect(diff).toContain('9090');
    expect(diff).toContain('~ spec.type: "NodePort" → "ClusterIP"');
    expect(diff).toContain('- spec.ports[0].nodePort: 30080');
    expect(await preview.getByTestId('change-notes').textContent()).toContain('Node port 30080 will be released');
    expect((await kubectlGet('team-a', 'shop'))!.spec.type).toBe('NodePort');
    const look = await lookAt(page, 'service-edit-review');
    expect(look.a11y).toEqual([]);
    await page.getByTestId('apply-change').click();
    await page.getByTestId('change-result').waitFor();
    const live = (await kubectlGet('team-a', 'shop'))!;
    expect(live.spec.type).toBe('ClusterIP');
    expect(live.spec.ports.map((p) => [p.name, p.port, p.nodePort])).toEqual([
      ['http', 80, undefined],
      ['metrics', 9090, undefined],
    ]);
  });

  it('names the tool that owns a field and takes it over only when asked', async () => {
    const { page } = admin;
    // A GitOps tool takes the selector over, as Argo CD's server-side apply would.
    const manifest = path.join(kubeDir, 'argocd-shop.json');
    writeFileSync(manifest, JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop', namespace: 'team-a' }, spec: { selector: { app: 'shop', tier: 'web' } } }));
    await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfig, 'apply', '--server-side', '--field-manager=argocd', '--force-conflicts', '-f', manifest]);
    await product.waitFor('the selector mirrored', async () => JSON.stringify((await product.rest<{ selector: unknown }>('GET', '/clusters/eu/namespaces/team-a/services/shop')).body.selector).includes('tier'));
    await page.goto(`${product.webUrl}/clusters/eu/namespaces/team-a/services/shop/edit`);
    await page.getByLabel('Selector label 2 value').fill('api');
    await page.getByTestId('review-change').click();
    const problem = page.getByTestId('change-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('FIELD_MANAGER_CONFLICT');
    expect(await problem.textContent()).toContain('Owned by "argocd"');
    const look = await lookAt(page, 'service-edit-conflict');
    expect(look.a11y).toEqual([]);
    expect(JSON.stringify((await kubectlGet('team-a', 'shop'))!.spec)).toContain('"tier":"web"');
    await problem.getByRole('button', { name: 'Take over' }).click();
    await page.getByTestId('change-preview').waitFor();
    await page.getByTestId('apply-change').click();
    await page.getByTestId('change-result').waitFor();
    expect(JSON.stringify((await kubectlGet('team-a', 'shop'))!.spec)).toContain('"tier":"api"');
  });

  it('deletes after a confirmation that names what disappears and a dry run', async () => {
    const { page } = admin;
    await page.goto(`${product.webUrl}/clusters/eu/namespaces/team-a/services/shop`);
    await page.getByTestId('delete-service').click();
    const dialog = page.getByRole('dialog', { name: 'Delete service shop?' });
    await dialog.getByTestId('change-preview').waitFor();
    expect(await dialog.getByTestId('what-disappears').textContent()).toContain('http://shop.team-a.svc.cluster.local:80');
    expect(await dialog.getByTestId('object-change').getAttribute('data-action')).toBe('DELETE');
    expect(await kubectlGet('team-a', 'shop')).toBeDefined();
    const look = await lookAt(page, 'service-delete-dialog');
    expect(look.a11y).toEqual([]);
    await dialog.getByTestId('apply-change').click();
    // Deleted: the catalog of its namespace, where it no longer is.
    await page.waitForURL((u) => u.pathname === '/services' && u.searchParams.get('namespace') === 'team-a');
    expect(await kubectlGet('team-a', 'shop')).toBeUndefined();
    await expect.poll(async () => {
      await page.reload();
      return page.getByRole('link', { name: 'shop', exact: true }).count();
    }).toBe(0);
  });

  it('shows a viewer no create, edit or delete control anywhere', async () => {
    const viewer = await signIn(browser, product.webUrl, await token('vera (viewer)', 'viewer'));
    try {
      const { page } = viewer;
      await page.goto(`${product.webUrl}/services`);
      await page.getByRole('table').waitFor();
      expect(await page.getByTestId('create-service').count()).toBe(0);
      await page.goto(`${product.webUrl}/clusters/eu/namespaces/team-b/services/billing`);
      for (const id of ['edit-service', 'delete-service', 'new-service-here']) expect(await page.getByTestId(id).count(), id).toBe(0);
      await page.getByTestId('open-palette').click();
      await page.getByRole('dialog').getByRole('combobox').fill('create');
      expect(await page.getByRole('option', { name: 'Create service' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.goto(`${product.webUrl}/services/new`);
      expect(await page.getByText('You cannot create services').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Review' }).count()).toBe(0);
    } finally {
      await viewer.context.close();
    }
  });

  it('offers an operator limited to team-a only team-a, and edit controls only there', async () => {
    const operator = await signIn(browser, product.webUrl, await token('otto (team-a)', 'operator', [{ cluster: 'eu', namespace: 'team-a' }]));
    try {
      const { page } = operator;
      await page.goto(`${product.webUrl}/services/new?cluster=eu&namespace=team-b`);
      expect(await page.getByLabel('Namespace').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['team-a']);
      expect(await page.getByLabel('Namespace').inputValue()).toBe('team-a');
      expect(await page.getByLabel('Cluster').locator('option').count()).toBe(1);
      await page.getByTestId('open-palette').click();
      await page.getByRole('dialog').getByRole('combobox').fill('create');
      expect(await page.getByRole('option', { name: 'Create service' }).count()).toBe(1);
      await page.keyboard.press('Escape');
      // team-b is outside the grant: its services are out of the operator's read scope too, or read-only.
      await page.goto(`${product.webUrl}/clusters/eu/namespaces/team-b/services/billing`);
      expect(await page.getByTestId('edit-service').count()).toBe(0);
    } finally {
      await operator.context.close();
    }
  });

  it('logged no console error on the way', () => {
    expect(admin.errors).toEqual([]);
  });
});
