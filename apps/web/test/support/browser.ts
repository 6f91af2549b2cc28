import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
// CI installs chromium (.ci/run); elsewhere the browser tests need it too, but say so instead of failing.
export const haveBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!haveBrowser) console.warn(`[web] ${CHROMIUM} not found: the dashboard's browser tests are skipped (apt-get install -y chromium)`);

/** Where screenshots go: SCREENSHOT_DIR, else the test output folder (ignored by git). */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL('../../test-results/screenshots', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (a page must have none). */
  errors: string[];
}

/** A fresh browser context signed in with `token` through the demo-style link, at 1280 × 860. */
export async function signIn(browser: Browser, webUrl: string, token: string, opts: { colorScheme?: 'light' | 'dark'; permissions?: string[] } = {}): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: opts.colorScheme ?? 'light', permissions: opts.permissions });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // Failed loads are reported with their address below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${page.url()}: ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  await page.goto(`${webUrl}/login#token=${encodeURIComponent(token)}`);
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 30_000 });
  return { context, page, errors };
}

/** Saves `<name>-light.png` and `<name>-dark.png` of the whole page. */
export async function shootBothThemes(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, scheme === 'dark');
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core in the page (WCAG 2.1 A/AA and best practices): the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** axe in both themes (contrast differs), as a list of "theme: rule — help (nodes)" lines; [] when clean. */
export async function a11yProblemsInBothThemes(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, scheme === 'dark');
    for (const v of await seriousA11yViolations(page)) out.push(`${scheme}: ${v.id} — ${v.help} (${v.nodes.join(', ')})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

/** One check for a page a person opens: screenshots in both themes, no serious a11y problem, exactly one h1. */
export async function lookAt(page: Page, name: string): Promise<{ a11y: string[]; h1: string[] }> {
  await shootBothThemes(page, name);
  const a11y = await a11yProblemsInBothThemes(page);
  const h1 = await page.locator('h1').allTextContents();
  return { a11y, h1 };
}
