// `npm start`: builds what changed, then runs the API (port PORT, default 4000) and
// the dashboard (port WEB_PORT, default 3000) side by side until Ctrl-C. With nothing
// configured the API uses its embedded database and starts demo clusters.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDashboardBuilt } from './dashboard-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const apiPort = process.env.PORT || '4000';
const webPort = process.env.WEB_PORT || '3000';

function step(label, cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`[start] ${label} failed (exit ${r.status ?? r.signal}); nothing was started.`);
    process.exit(r.status ?? 1);
  }
  console.log(`[start] ${label} done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

step('prisma client', process.execPath, ['scripts/prisma-generate.mjs']);
step('API build', bin('tsc'), ['-b', 'apps/api/tsconfig.app.json']);
const started = Date.now();
const dashboard = ensureDashboardBuilt();
if (dashboard.status !== 0) {
  console.error(`[start] dashboard build failed (exit ${dashboard.status}); nothing was started.`);
  process.exit(dashboard.status);
}
if (dashboard.built) console.log(`[start] dashboard build done in ${((Date.now() - started) / 1000).toFixed(1)}s`);

const children = [];
function run(name, cmd, args, env) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) => {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(`[start] ${name} exited (${signal ?? code}); stopping.`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

let shuttingDown = false;
function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

run('api', process.execPath, ['apps/api/dist/main.js'], {
  PORT: apiPort,
  // The demo's sign-in link and OIDC's way back point at the dashboard, which proxies the API.
  SWITCHBOARD_DASHBOARD_URL: process.env.SWITCHBOARD_DASHBOARD_URL || `http://localhost:${webPort}`,
  // The dashboard on this machine forwards each browser's address: believe it, and only it.
  TRUST_PROXY: process.env.TRUST_PROXY || 'loopback',
  // Its output comes through a pipe here: readable lines when you are watching, JSON when a pipeline is.
  LOG_FORMAT: process.env.LOG_FORMAT || (process.stdout.isTTY ? 'pretty' : 'json'),
});
run('web', process.execPath, ['apps/web/server.mjs', '--port', webPort], {
  NEXT_TELEMETRY_DISABLED: '1',
  SWITCHBOARD_API_URL: process.env.SWITCHBOARD_API_URL || `http://localhost:${apiPort}`,
});
console.log(`[start] dashboard on http://localhost:${webPort}, API on http://localhost:${apiPort} (GraphQL /graphql). Ctrl-C stops both.`);
