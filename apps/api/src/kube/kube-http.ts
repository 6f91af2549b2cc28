import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** A Status cause as the API server sends it (Invalid, FieldManagerConflict…). */
export interface KubeStatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export class KubeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly causes: KubeStatusCause[] = [],
  ) {
    super(message);
    this.name = 'KubeHttpError';
  }
}

export interface KubeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Default application/json; apply-patch+yaml for server-side apply (JSON is YAML). */
  contentType?: string;
  timeoutMs: number;
  /** Aborting it ends the request at once (a sync loop being stopped). */
  signal?: AbortSignal;
}

/**
 * One request with the raw JSON answer (the typed client would turn timestamps into
 * Dates; the normalisers read the API's own JSON). TLS and auth come from the
 * KubeConfig. A non-2xx answer becomes a KubeHttpError carrying the Status.
 */
export async function kubeRequest<T>(kc: KubeConfig, req: KubeRequest): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in the kubeconfig');
  const url = new URL(cluster.server.replace(/\/$/, '') + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body), 'utf8');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload) {
    headers['content-type'] = req.contentType ?? 'application/json';
    headers['content-length'] = String(payload.length);
  }
  const opts: https.RequestOptions = { method: req.method, headers };
  await kc.applyToHTTPSOptions(opts);
  // Plain http only for relays in front of a cluster (insecure-skip-tls-verify setups).
  const plain = url.protocol === 'http:';
  if (plain) delete opts.agent;
  return new Promise<T>((resolve, reject) => {
    const r = (plain ? http : https).request(url, { ...opts, timeout: req.timeoutMs, signal: req.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const code = res.statusCode ?? 0;
        if (code >= 200 && code < 300) {
          try {
            resolve((text ? JSON.parse(text) : undefined) as T);
          } catch (err) {
            reject(err);
          }
          return;
        }
        let status: { reason?: string; message?: string; details?: { causes?: KubeStatusCause[] } } = {};
        try {
          status = JSON.parse(text);
        } catch {
          // not a Status body
        }
        const retry = Number(res.headers['retry-after']);
        reject(new KubeHttpError(code, status.reason ?? '', status.message ?? `HTTP ${code}`, Number.isFinite(retry) ? retry : undefined, status.details?.causes ?? []));
      });
      res.on('error', reject);
    });
    r.on('timeout', () => r.destroy(Object.assign(new Error(`no answer within ${req.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    r.on('error', reject);
    r.end(payload);
  });
}

/** A plain GET returning the raw JSON. */
export function getJson<T>(kc: KubeConfig, path: string, query: Record<string, string | number | undefined>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  return kubeRequest<T>(kc, { method: 'GET', path, query, timeoutMs, signal });
}
