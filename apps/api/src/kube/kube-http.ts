import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * One keep-alive agent per cluster endpoint and TLS identity. client-node builds a new agent
 * for every request, so each list page and write opened a new TLS connection (about a tenth
 * of the API's CPU in a fleet's cold sync went to handshakes). Credentials in headers (tokens,
 * exec plugins) are still applied per request; a changed CA or client certificate gets a new
 * agent. Idle sockets do not keep the process alive (Node unrefs them).
 */
const agents = new Map<string, https.Agent>();
const MAX_AGENTS = 1_000;

function sharedAgent(server: string, opts: https.RequestOptions): https.Agent | undefined {
  // A proxy agent (cluster.proxy-url) or anything else client-node chose is kept as it is.
  if (!(opts.agent instanceof https.Agent) || opts.agent.constructor !== https.Agent) return undefined;
  const o = opts.agent.options;
  const digest = createHash('sha256');
  for (const part of [server, o.ca, o.cert, o.key, o.pfx, o.passphrase, String(o.rejectUnauthorized), o.servername]) {
    digest.update(part === undefined ? '\0' : Array.isArray(part) ? part.join('\n') : String(part)).update('\u0001');
  }
  const key = digest.digest('hex');
  let agent = agents.get(key);
  if (!agent) {
    if (agents.size >= MAX_AGENTS) {
      const [oldest, old] = agents.entries().next().value!;
      agents.delete(oldest);
      old.destroy();
    }
    agent = new https.Agent({ ...o, keepAlive: true });
    agents.set(key, agent);
  }
  return agent;
}

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
  else opts.agent = sharedAgent(cluster.server, opts) ?? opts.agent;
  const send = (retried: boolean): Promise<T> => new Promise<T>((resolve, reject) => {
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
    r.on('error', (err: NodeJS.ErrnoException) => {
      // The server closed a kept-alive socket just as it was reused (its idle timeout): send again once.
      if (!retried && r.reusedSocket && err.code === 'ECONNRESET' && !req.signal?.aborted) resolve(send(true));
      else reject(err);
    });
    r.end(payload);
  });
  return send(false);
}

/** A plain GET returning the raw JSON. */
export function getJson<T>(kc: KubeConfig, path: string, query: Record<string, string | number | undefined>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  return kubeRequest<T>(kc, { method: 'GET', path, query, timeoutMs, signal });
}
