import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { SimCluster } from '@switchboard/kube-sim';

/**
 * kube-sim grants every read to both of its tokens, so RBAC denials are played by
 * a relay in front of it: it answers 403 Forbidden Status for the listed
 * (resource, verb) pairs and passes everything else through to the simulator.
 * Plain HTTP with insecure-skip-tls-verify keeps it free of certificates.
 */
export async function startForbiddingProxy(sim: SimCluster, deny: { path: string; verb: 'list' | 'watch'; resource: string; group: string }[]): Promise<{ kubeconfig: string; stop(): Promise<void> }> {
  const target = new URL(sim.url);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const verb = url.searchParams.get('watch') === 'true' ? 'watch' : 'list';
    const rule = deny.find((d) => d.path === url.pathname && d.verb === verb);
    if (rule) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403, details: { kind: rule.resource, group: rule.group }, message: `${rule.resource} is forbidden: User "limited" cannot ${verb} resource "${rule.resource}" in API group "${rule.group}" at the cluster scope` }));
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
    clusters: [{ name: 'limited', cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'limited', user: { token: sim.token } }],
    contexts: [{ name: 'limited', context: { cluster: 'limited', user: 'limited' } }],
    'current-context': 'limited',
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
