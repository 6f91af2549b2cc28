import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from '../src/index.js';

const run = promisify(execFile);
// Debian's python3-kubernetes is importable by the system interpreter (.ci/run installs it).
const PYTHON = '/usr/bin/python3';
const hasClient = await run(PYTHON, ['-c', 'import kubernetes']).then(
  () => true,
  () => false,
);
if (!hasClient) console.warn('python3-kubernetes is not installed: the official Python client tests are skipped');

/** A second real client besides client-node and kubectl: what it sends, kube-sim must take as a real API server does. */
describe.skipIf(!hasClient)('kube-sim through the official Kubernetes Python client', () => {
  let sim: SimCluster;
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-python-'));

  beforeAll(async () => {
    sim = await startCluster({ name: 'py', nodes: 1 });
    await sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'paged' } });
    for (const name of ['a', 'b', 'c', 'd', 'e']) await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'paged' }, spec: { ports: [{ port: 80 }] } });
    writeFileSync(join(dir, 'kubeconfig'), sim.kubeconfig());
  });
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists in pages, creates, patches, watches and gets Status errors', async () => {
    const script = fileURLToPath(new URL('./python-client/drive.py', import.meta.url));
    const { stdout } = await run(PYTHON, [script, join(dir, 'kubeconfig')], { timeout: 60_000 });
    const out = JSON.parse(stdout);
    expect(out.version).toBe('v1.32.0-kube-sim');
    expect(out.paged).toEqual({ pages: 3, names: ['a', 'b', 'c', 'd', 'e'] });
    expect(out.created).toMatchObject({ clusterIP: expect.stringMatching(/^10\./), targetPort: 8080 });
    expect(out.patched).toEqual({ 'made-by': 'python', patched: 'yes' });
    expect(out.events).toEqual([['MODIFIED', 'from-python', 'yes']]);
    expect(out.notFound).toEqual({ status: 404, reason: 'NotFound', causes: [] });
    expect(out.alreadyExists).toEqual({ status: 409, reason: 'AlreadyExists', causes: [] });
    expect(out.invalid).toEqual({ status: 422, reason: 'Invalid', causes: ['spec.ports'] });
    expect(sim.get('v1', 'Service', 'default', 'from-python')).toBeDefined();
  });
});
