// `npm test`: builds every project and type-checks tests too (scripts/typecheck.mjs), then runs every unit and
// integration test with Vitest and ends with one summary line: "N passed, N failed".
// Integration tests use PostgreSQL when DATABASE_URL is set, else embedded PGlite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

const build = spawnSync(process.execPath, ['scripts/typecheck.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Type check failed: no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-vitest-'));
const report = path.join(dir, 'report.json');
// Suite-wide checks that run after the last test (credential leaks, the OpenAPI contract) write
// what they found here: vitest reports an error thrown while it closes, but still exits 0.
const verdict = path.join(dir, 'suite-checks.txt');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SWITCHBOARD_SUITE_CHECKS: verdict },
});
let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  summary.numFailedTests = Math.max(1, summary.numFailedTests);
}
const suiteProblems = existsSync(verdict) ? readFileSync(verdict, 'utf8').trim() : '';
if (suiteProblems) console.error(`suite-wide checks failed:\n${suiteProblems}`);
rmSync(dir, { recursive: true, force: true });
const failed = summary.numFailedTests + (run.status !== 0 && summary.numFailedTests === 0 ? 1 : 0) + (suiteProblems ? 1 : 0);
const skipped = summary.numPendingTests + summary.numTodoTests;
console.log(`${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
