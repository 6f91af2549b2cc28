// The dashboard's HTTP server: Next's request handler behind one step of our own.
// `next start` passes a client-sent X-Forwarded-For through untouched (it only fills
// it when absent), so through the dashboard's /api proxy a client could choose the
// address the API rate-limits sign-ins by. Like nginx's $proxy_add_x_forwarded_for,
// this server appends the address of the peer it really talks to; the API, trusting
// the dashboard (TRUST_PROXY), then takes that rightmost address — or walks further
// left only past proxies it was told to trust.
//
//   node apps/web/server.mjs [--port 3000] [--hostname 0.0.0.0]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p', default: '3000' }, hostname: { type: 'string', short: 'H', default: '0.0.0.0' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

http
  .createServer((req, res) => {
    const peer = req.socket.remoteAddress ?? 'unknown';
    const sent = req.headers['x-forwarded-for'];
    req.headers['x-forwarded-for'] = sent ? `${Array.isArray(sent) ? sent.join(', ') : sent}, ${peer}` : peer;
    handle(req, res);
  })
  .listen(port, values.hostname, () => console.log(`dashboard listening on http://${values.hostname}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
