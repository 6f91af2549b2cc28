// Runs one of the API's command-line tools (apps/api/src/cli/<name>.ts) after building it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [tool, ...args] = process.argv.slice(2);
if (!tool || !/^[a-z-]+$/.test(tool)) {
  console.error('usage: node scripts/run-api-tool.mjs <tool> [args…]');
  process.exit(2);
}
const build = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'apps/api/tsconfig.app.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [path.join(root, `apps/api/dist/cli/${tool}.js`), ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
