// The dashboard's HTTP server: Next's request handler behind a few steps of our own.
//
// - `next start` passes a client-sent X-Forwarded-For through untouched (it only fills
//   it when absent), so through the dashboard's /api proxy a client could choose the
//   address the API rate-limits sign-ins by. Like nginx's $proxy_add_x_forwarded_for,
//   this server appends the address of the peer it really talks to; the API, trusting
//   the dashboard (TRUST_PROXY), then takes that rightmost address — or walks further
//   left only past proxies it was told to trust.
// - GraphQL subscriptions: Next's route handlers cannot take a WebSocket upgrade, so
//   upgrades of /graphql are carried to the API here, with the browser's cookie and
//   Origin and the dashboard's Host, so the API's same-origin check sees the page's
//   own origin and the browser never talks to the API directly.
// - Server components learn the path that was asked for (x-switchboard-path), to come
//   back to it after sign-in.
//
//   node apps/web/server.mjs [--port 3000] [--hostname 0.0.0.0]
import http from 'node:http';
import https from 'node:https';
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
// The same variable and default as lib/config.ts (where the pages read it).
const api = new URL(process.env.SWITCHBOARD_API_URL ?? 'http://localhost:4000');

// Next attaches an upgrade listener of its own to the server of the first request it
// sees (or to `httpServer`), and ends every upgrade whose path matches a route — /graphql
// among them. It has nothing to upgrade in production, so it gets a server that never emits.
const noUpgrades = { on: () => noUpgrades };
const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname: values.hostname, port, httpServer: noUpgrades });
const handle = app.getRequestHandler();
await app.prepare();

function forwardedFor(req) {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const sent = req.headers['x-forwarded-for'];
  return sent ? `${Array.isArray(sent) ? sent.join(', ') : sent}, ${peer}` : peer;
}

const server = http.createServer((req, res) => {
  req.headers['x-forwarded-for'] = forwardedFor(req);
  req.headers['x-switchboard-path'] = req.url ?? '/';
  handle(req, res);
});

/** Answers an upgrade that could not be carried with a plain HTTP status, then closes. */
function refuse(socket, status, reason) {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

server.on('upgrade', (req, socket, head) => {
  const { pathname } = new URL(req.url ?? '/', 'http://dashboard');
  if (pathname !== '/graphql') return refuse(socket, 404, 'Not Found');
  socket.on('error', () => socket.destroy());
  const upstream = (api.protocol === 'https:' ? https : http).request({
    hostname: api.hostname,
    port: api.port || (api.protocol === 'https:' ? 443 : 80),
    path: req.url,
    method: 'GET',
    headers: { ...req.headers, 'x-forwarded-for': forwardedFor(req), 'x-forwarded-proto': req.headers['x-forwarded-proto'] ?? ('encrypted' in req.socket ? 'https' : 'http') },
  });
  upstream.on('upgrade', (answer, apiSocket, apiHead) => {
    const lines = [`HTTP/1.1 101 ${answer.statusMessage || 'Switching Protocols'}`];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (apiHead.length) socket.write(apiHead);
    if (head.length) apiSocket.write(head);
    apiSocket.on('error', () => socket.destroy());
    socket.on('close', () => apiSocket.destroy());
    apiSocket.on('close', () => socket.destroy());
    apiSocket.pipe(socket).pipe(apiSocket);
  });
  // The API refused the upgrade (e.g. no session): relay its status.
  upstream.on('response', (answer) => {
    answer.resume();
    refuse(socket, answer.statusCode ?? 502, answer.statusMessage ?? 'Bad Gateway');
  });
  upstream.on('error', () => refuse(socket, 502, 'Bad Gateway'));
  upstream.end();
});

server.listen(port, values.hostname, () => console.log(`dashboard listening on http://${values.hostname}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
