/**
 * netpol-analyzer conformance: each case's manifests through parseManifests →
 * analyzeReachability → txt, compared with the analyzer's own output as sets of
 * (src, dst) → normalised connections. The cases live outside the repository (see the
 * fixtures' README); without them this spec skips.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeReachability, formatConnectionListTxt, formatConnections, parseConnections, parseManifests } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const fixtures = process.env.SWITCHBOARD_NETPOL_FIXTURES ?? resolve(repoRoot, '../shared/fixtures/netpol-analyzer');

function manifestFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return manifestFiles(p);
      return /\.(ya?ml|json)$/.test(n) ? [p] : [];
    });
}

/** `SRC => DST : CONNS` lines → normalised `SRC => DST : CONNS` set (unparseable lines kept verbatim). */
function normalise(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = /^(.*) => (.*) : (.*)$/.exec(line);
    const conns = m ? parseConnections(m[3]!) : null;
    out.add(m && conns ? `${m[1]} => ${m[2]} : ${formatConnections(conns)}` : line);
  }
  return out;
}

export function runCase(caseDir: string): string {
  const files = manifestFiles(join(caseDir, 'manifests')).map((p) => ({ name: relative(caseDir, p), text: readFileSync(p, 'utf8') }));
  const { input } = parseManifests(files);
  return formatConnectionListTxt(analyzeReachability(input));
}

const cases = existsSync(fixtures) ? readdirSync(fixtures).filter((n) => existsSync(join(fixtures, n, 'expected.txt'))).sort() : [];

describe.skipIf(cases.length === 0)('netpol-analyzer conformance (cases from ../shared/fixtures/netpol-analyzer)', () => {
  it('finds all 40 cases', () => {
    expect(cases).toHaveLength(40);
  });
  it.each(cases)('%s', (name) => {
    const dir = join(fixtures, name);
    const got = normalise(runCase(dir));
    const want = normalise(readFileSync(join(dir, 'expected.txt'), 'utf8'));
    const missing = [...want].filter((l) => !got.has(l));
    const extra = [...got].filter((l) => !want.has(l));
    expect({ missing: missing.slice(0, 10), extra: extra.slice(0, 10), counts: [missing.length, extra.length] }).toEqual({ missing: [], extra: [], counts: [0, 0] });
  });
});

if (cases.length === 0) {
  describe('netpol-analyzer conformance', () => {
    it.skip(`skipped: no cases at ${fixtures} (set SWITCHBOARD_NETPOL_FIXTURES to the fixtures folder)`, () => {});
  });
}
