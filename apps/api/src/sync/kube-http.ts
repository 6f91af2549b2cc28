import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export class KubeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'KubeHttpError';
  }
}

/**
 * A plain GET returning the raw JSON (the typed client would turn timestamps into
 * Dates; the normalisers read the API's own JSON). TLS and auth come from the KubeConfig.
 */
export async function getJson<T>(kc: KubeConfig, path: string, query: Record<string, string | number | undefined>, timeoutMs: number): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in the kubeconfig');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const opts: https.RequestOptions = { method: 'GET', headers: { accept: 'application/json' } };
  await kc.applyToHTTPSOptions(opts);
  return new Promise<T>((resolve, reject) => {
    const req = https.request(url, { ...opts, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) {
          try {
            resolve(JSON.parse(text) as T);
          } catch (err) {
            reject(err);
          }
          return;
        }
        let status: { reason?: string; message?: string } = {};
        try {
          status = JSON.parse(text);
        } catch {
          // not a Status body
        }
        const retry = Number(res.headers['retry-after']);
        reject(new KubeHttpError(res.statusCode ?? 0, status.reason ?? '', status.message ?? `HTTP ${res.statusCode}`, Number.isFinite(retry) ? retry : undefined));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}
