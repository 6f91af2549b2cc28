// `npm run bench`: builds, runs every bench/**/*.bench.ts (or those matching the
// arguments) and prints each goal with its measured value, the baseline measured in the
// same run and their ratio, and writes them to bench/results/<date>.json. Exits 1 when a
// goal is missed or a benchmark fails.
// `--quick`: the scenarios that have a small size (the dashboard's and the fleet's), at that
// size. A quick run checks that the scenarios run, not the goals: it fails only when a
// benchmark fails, and writes no results file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// Only the dashboard and fleet benches have a small size; the others' goals are for their full size.
if (quick && !files.some((a) => !a.startsWith('-'))) files.unshift('bench/dashboard.bench.ts', 'bench/fleet.bench.ts');
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`bench: ${engine}${process.env.DATABASE_URL ? ' server (DATABASE_URL)' : ' (embedded; set DATABASE_URL for a PostgreSQL server)'}${quick ? ', quick sizes' : ''}`);

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
console.log(`\n${rows.length} goals measured (${engine}), ${missed.length} missed${quick ? ' (not checked in a quick run)' : ''}${run.status !== 0 ? ', and a benchmark failed' : ''}`);
if (!quick && rows.length) {
  // One file per day; a later run's figure replaces the earlier one of the same id.
  const day = new Date().toISOString().slice(0, 10);
  const out = path.join(root, 'bench', 'results', `${day}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  const earlier = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')).results : [];
  const results = [...earlier.filter((e) => !rows.some((r) => r.id === e.id)), ...rows.map((r) => ({ ...r, engine, at: new Date().toISOString(), met: met(r) }))];
  writeFileSync(out, `${JSON.stringify({ date: day, results }, (_, v) => (v === Number.POSITIVE_INFINITY ? null : v), 2)}\n`);
  console.log(`written to ${path.relative(root, out)}`);
}
const failed = run.status !== 0 || rows.length === 0;
process.exit(failed || (!quick && missed.length > 0) ? 1 : 0);
