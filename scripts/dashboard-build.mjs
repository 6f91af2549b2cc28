// Builds the production dashboard when its sources (or the shared model) changed since
// the last build: used by `npm start` and by the dashboard's browser tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', '.next', 'dist', 'test']);

/** Hash of every source file under the given folders. */
function sourceHash(dirs) {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(String(statSync(p).mtimeMs)).update(readFileSync(p));
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return h.digest('hex');
}

/** Runs `next build apps/web` unless the last build is current. Returns the exit status (0 = ready). */
export function ensureDashboardBuilt({ stdio = 'inherit' } = {}) {
  const hash = sourceHash(['apps/web', 'libs/k8s-model/src']);
  const stamp = path.join(root, 'apps/web/.next/.source-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { status: 0, built: false };
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build', 'apps/web'], {
    cwd: root,
    stdio,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status === 0) writeFileSync(stamp, hash);
  return { status: r.status ?? 1, built: true, output: r.stdout ? `${r.stdout}${r.stderr}` : undefined };
}
