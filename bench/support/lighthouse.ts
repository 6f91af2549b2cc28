// Lighthouse (desktop preset) against the system Chromium: the browser is started here
// with a DevTools port (no browser download, no chrome-launcher), Lighthouse connects to it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  /** Metrics in ms (LCP, FCP, TBT, Speed Index) and CLS, as Lighthouse reports them. */
  metrics: Record<string, number>;
  /** Failed accessibility audits: id and the first elements it names (empty when the score is 100). */
  failedA11y: string[];
}

export interface LighthouseBrowser {
  audit(url: string, headers: Record<string, string>): Promise<LighthouseScores>;
  close(): Promise<void>;
}

export async function startLighthouseBrowser(chromium: string): Promise<LighthouseBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'switchboard-lighthouse-'));
  const child = spawn(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port: ${err}`)), 30_000);
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${err}`)));
  });
  return {
    async audit(url, headers) {
      let lhr;
      // On a busy machine the trace sometimes misses the navigation (NO_NAVSTART): once more then.
      for (let attempt = 1; ; attempt++) {
        const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: headers }, desktopConfig);
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        lhr = result.lhr;
        if (!lhr.runtimeError) break;
        if (attempt === 3) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      }
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const a11yRefs = lhr.categories.accessibility?.auditRefs ?? [];
      return {
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        metrics: {
          fcpMs: metric('first-contentful-paint'),
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          speedIndexMs: metric('speed-index'),
          cls: metric('cumulative-layout-shift'),
        },
        failedA11y: a11yRefs
          .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
          .map((r) => {
            const items = ((lhr.audits[r.id]?.details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? []).slice(0, 3);
            return `${r.id} [${items.map((i) => i.node?.selector ?? '?').join(' | ')}]`;
          }),
      };
    },
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await rm(profile, { recursive: true, force: true });
    },
  };
}
