/**
 * netpol-analyzer conformance through the what-if endpoint: each case's manifest files,
 * joined into one multi-document YAML body, posted with ?format=txt; the answer must be
 * the analyzer's own connection list, compared as sets of normalised lines. The cases live
 * outside the repository (see the fixtures' README); without them this spec skips.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConnections, parseConnections } from '@switchboard/k8s-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixtures = process.env.SWITCHBOARD_NETPOL_FIXTURES ?? resolve(repoRoot, '../shared/fixtures/netpol-analyzer');
const cases = existsSync(fixtures) ? readdirSync(fixtures).filter((n) => existsSync(join(fixtures, n, 'expected.txt'))).sort() : [];

const manifestFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? manifestFiles(join(dir, n)) : /\.(ya?ml|json)$/.test(n) ? [join(dir, n)] : []));

function normalise(text: string): string[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^(.*) => (.*) : (.*)$/.exec(line);
      const conns = m ? parseConnections(m[3]!) : null;
      return m && conns ? `${m[1]} => ${m[2]} : ${formatConnections(conns)}` : line;
    })
    .sort();
}

describe.skipIf(cases.length === 0)('what-if endpoint against netpol-analyzer (cases from ../shared/fixtures/netpol-analyzer)', () => {
  let db: TestDatabase;
  let api: RunningApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('has all 40 cases', () => expect(cases).toHaveLength(40));

  it.each(cases)('%s', async (name) => {
    const body = manifestFiles(join(fixtures, name, 'manifests'))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n---\n');
    const res = await api.fetch(`${api.url}/api/v1/connectivity/analyze?format=txt`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body });
    expect(res.status).toBe(200);
    expect(normalise(await res.text())).toEqual(normalise(readFileSync(join(fixtures, name, 'expected.txt'), 'utf8')));
  });
});

if (cases.length === 0) {
  describe('what-if endpoint against netpol-analyzer', () => {
    it.skip(`skipped: no cases at ${fixtures} (set SWITCHBOARD_NETPOL_FIXTURES to the fixtures folder)`, () => {});
  });
}
