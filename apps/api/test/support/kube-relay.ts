import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { SimCluster } from '@switchboard/kube-sim';

/** Answers a request itself (returns true) or lets it through to the simulator (false). */
export type Intercept = (req: http.IncomingMessage, url: URL, res: http.ServerResponse) => boolean;

export interface KubeRelay {
  /** A kubeconfig pointing at the relay (plain HTTP, insecure-skip-tls-verify: no certificates). */
  kubeconfig: string;
  stop(): Promise<void>;
}

/** Sends a Kubernetes Status error, as the API server would. */
export function sendStatus(res: http.ServerResponse, code: number, reason: string, message: string, details?: object): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason, code, message, ...(details ? { details } : {}) }));
}

/**
 * A relay in front of kube-sim that plays a cluster misbehaving in ways the simulator
 * itself does not (RBAC denials, a failure in the middle of a change): `intercept`
 * answers what it wants to, everything else passes through unchanged.
 */
export async function startKubeRelay(sim: SimCluster, name: string, intercept: Intercept): Promise<KubeRelay> {
  const target = new URL(sim.url);
  const server = http.createServer((req, res) => {
    if (intercept(req, new URL(req.url ?? '/', 'http://relay'), res)) return;
    const upstream = https.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host }, ca: sim.caData }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } }],
    users: [{ name, user: { token: sim.token } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
  });
  return {
    kubeconfig,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
