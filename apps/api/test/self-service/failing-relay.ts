import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { SimCluster } from '@switchboard/kube-sim';

/**
 * A relay in front of kube-sim that lets the next `n` writes (POST/PUT/PATCH/DELETE)
 * through and answers the one after them with 503, to play a cluster that fails in the
 * middle of a multi-object change. Reads and all later writes pass.
 */
export async function startFailingRelay(sim: SimCluster): Promise<{ kubeconfig: string; failOneWriteAfter(n: number): void; stop(): Promise<void> }> {
  const target = new URL(sim.url);
  let allowed = Number.POSITIVE_INFINITY;
  const server = http.createServer((req, res) => {
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    if (write && allowed-- === 0) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'ServiceUnavailable', code: 503, message: 'the server is currently unable to handle the request' }));
      return;
    }
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
    clusters: [{ name: 'relay', cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'relay', user: { token: sim.token } }],
    contexts: [{ name: 'relay', context: { cluster: 'relay', user: 'relay' } }],
    'current-context': 'relay',
  });
  return {
    kubeconfig,
    failOneWriteAfter: (n) => {
      allowed = n;
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
