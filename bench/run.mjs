// `npm run bench`: builds, runs every bench/**/*.bench.ts (or those matching the
// arguments) and prints each goal with its measured value, the baseline measured in the
// same run and their ratio. Exits 1 when a goal is missed or a benchmark fails.
// `--quick`: the scenarios that have a small size (the dashboard's), at that size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const build = spawnSync(bin('tsc'), ['-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const files = args.filter((a) => a !== '--quick');
// Only the dashboard bench has a small size; the others' goals are for their full size.
if (quick && !files.some((a) => !a.startsWith('-'))) files.unshift('bench/dashboard.bench.ts');

// The dashboard bench drives the production build: build it when its sources changed.
if (!files.some((a) => !a.startsWith('-')) || files.some((a) => a.includes('dashboard'))) {
  const { ensureDashboardBuilt } = await import('../scripts/dashboard-build.mjs');
  if (ensureDashboardBuilt().status !== 0) process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
const results = path.join(dir, 'results.jsonl');
const run = spawnSync(bin('vitest'), ['run', '--config', 'bench/vitest.config.ts', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BENCH_RESULTS: results, ...(quick ? { BENCH_QUICK: '1' } : {}) },
});
const rows = existsSync(results) ? readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
// JSON has no Infinity (a goal never reached, e.g. a timeout): it arrives as null.
for (const r of rows) if (r.value === null) r.value = Number.POSITIVE_INFINITY;
rmSync(dir, { recursive: true, force: true });

const fmt = (n) => (!Number.isFinite(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
const met = (r) => (r.goal.max === undefined || r.value <= r.goal.max) && (r.goal.min === undefined || r.value >= r.goal.min);
console.log('\nbenchmark | measured | goal | baseline (same run) | ratio to baseline | result');
console.log('--- | --- | --- | --- | --- | ---');
for (const r of rows) {
  const goal = [r.goal.max !== undefined ? `≤ ${fmt(r.goal.max)}` : '', r.goal.min !== undefined ? `≥ ${fmt(r.goal.min)}` : ''].filter(Boolean).join(', ');
  const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.label})` : '—';
  const ratio = r.baseline && r.baseline.value > 0 ? `${fmt(r.value / r.baseline.value)}×` : '—';
  console.log(`${r.title} | ${fmt(r.value)} ${r.unit} | ${goal} ${r.unit} (${r.goal.source}) | ${base} | ${ratio} | ${met(r) ? 'ok' : 'MISSED'}`);
  if (r.details) console.log(`  ${Object.entries(r.details).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`).join(', ')}`);
}
const missed = rows.filter((r) => !met(r));
console.log(`\n${rows.length} goals measured, ${missed.length} missed${run.status !== 0 ? ', and a benchmark failed' : ''}`);
process.exit(run.status === 0 && missed.length === 0 && rows.length > 0 ? 0 : 1);
