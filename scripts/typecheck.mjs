// `npm run typecheck` (and the first step of `npm test`): builds every project with
// `tsc -b` (emitting the dist/ the API and kube-sim run from), then type-checks what the
// build does not compile — tests, benchmarks and the dashboard — so a test that no longer
// matches the code fails here rather than at run time. Exits non-zero on any error.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');

// noEmit projects over sources and their tests (each a tsconfig.json beside the build one).
const CHECKS = ['libs/k8s-model/tsconfig.json', 'libs/kube-sim/tsconfig.json', 'apps/api/tsconfig.json', 'apps/web/tsconfig.json', 'apps/web/test/tsconfig.json', 'tools/workspace-checks/tsconfig.json', 'bench/tsconfig.json'];

const build = spawnSync(tsc, ['-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Two at a time: the machines this runs on have two cores. */
async function checkAll() {
  const queue = [...CHECKS];
  let failed = 0;
  const worker = async () => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const code = await new Promise((resolve) => spawn(tsc, ['-p', project, '--pretty'], { cwd: root, stdio: 'inherit' }).on('exit', resolve));
      if (code !== 0) {
        failed++;
        console.error(`type errors in ${project}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return failed;
}

process.exit((await checkAll()) ? 1 : 0);
