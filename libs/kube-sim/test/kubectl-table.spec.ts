import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from '../src/index.js';
import { humanAge } from '../src/table.js';

const run = promisify(execFile);
const hasKubectl = await run('kubectl', ['version', '--client']).then(
  () => true,
  () => false,
);

/** Rows of kubectl's table output, split on runs of 2+ spaces. */
const rows = (out: string) => out.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));

describe.skipIf(!hasKubectl)('kubectl get prints the columns of a real cluster (Table responses)', () => {
  let sim: SimCluster;
  let dir: string;
  const kubectl = async (...args: string[]) => (await run('kubectl', ['--kubeconfig', join(dir, 'kubeconfig'), ...args])).stdout;

  beforeAll(async () => {
    sim = await startCluster({ name: 'tables', scenario: 'seed', nodes: 2 });
    dir = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));
    writeFileSync(join(dir, 'kubeconfig'), sim.kubeconfig());
  });
  afterAll(async () => {
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and SELECTOR with -o wide', async () => {
    const t = rows(await kubectl('get', 'services', '-n', 'default'));
    expect(t[0]).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    const by = new Map(t.slice(1).map((r) => [r[0], r]));
    expect(by.get('my-nodeport-service')!.slice(1, 5)).toEqual(['NodePort', expect.stringMatching(/^10\./), '<none>', '80:30007/TCP']);
    expect(by.get('headless-svc')!.slice(1, 4)).toEqual(['ClusterIP', 'None', '<none>']);
    expect(by.get('my-externalname-service')!.slice(1, 4)).toEqual(['ExternalName', '<none>', expect.stringContaining('.')]);
    expect(by.get('my-loadbalancer-service')![3]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const wide = rows(await kubectl('get', 'service', 'my-clusterip-service', '-n', 'default', '-o', 'wide'));
    expect(wide[0]).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(wide[1]!.at(-1)).toBe('app=MyApp');
  });

  it('ingresses, pods, nodes, namespaces and deployments', async () => {
    const ing = rows(await kubectl('get', 'ingress', '-n', 'default'));
    expect(ing[0]).toEqual(['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
    expect(ing.find((r) => r[0] === 'app-ingress')!.slice(1, 3)).toEqual(['nginx', 'learn.nextgenplayground.org']);
    expect(rows(await kubectl('get', 'pods', '-n', 'default'))[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    const nodes = rows(await kubectl('get', 'nodes'));
    expect(nodes[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(nodes[1]![1]).toBe('Ready');
    expect(rows(await kubectl('get', 'namespaces'))[0]).toEqual(['NAME', 'STATUS', 'AGE']);
    const dep = rows(await kubectl('get', 'deployments', '-n', 'default'));
    expect(dep[0]).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
  });

  it('kubectl apply validates against /openapi/v3 (no --validate=false): the seed manifests, client- and server-side', async () => {
    const fresh = await startCluster({ name: 'apply', nodes: 1 });
    try {
      writeFileSync(join(dir, 'apply.kubeconfig'), fresh.kubeconfig());
      const k = async (...args: string[]) => (await run('kubectl', ['--kubeconfig', join(dir, 'apply.kubeconfig'), ...args])).stdout;
      const seed = fileURLToPath(new URL('../scenarios/seed/', import.meta.url));
      const out = await k('apply', '-f', seed);
      expect(out).toContain('service/my-nodeport-service created');
      expect(out).toContain('ingress.networking.k8s.io/app-ingress created');
      expect(await k('apply', '-f', seed)).toContain('service/my-nodeport-service unchanged');
      expect(await k('apply', '--server-side', '-f', join(seed, '10-services.yaml'))).toContain('service/my-nodeport-service serverside-applied');
      expect(rows(await k('get', 'service', 'my-nodeport-service'))[1]!.slice(1, 5)).toEqual(['NodePort', expect.stringMatching(/^10\./), '<none>', '80:30007/TCP']);
      expect(await k('delete', '-f', join(seed, '30-ingress.yaml'))).toContain('deleted');
    } finally {
      await fresh.stop();
    }
  });

  it('kubectl scale goes through the /scale subresource', async () => {
    expect(await kubectl('scale', 'deployment', 'myapp-deployment', '-n', 'default', '--replicas=5')).toContain('deployment.apps/myapp-deployment scaled');
    expect(await kubectl('get', 'deployment', 'myapp-deployment', '-n', 'default', '-o', 'jsonpath={.spec.replicas}')).toBe('5');
    const scale = JSON.parse(await kubectl('get', '--raw', '/apis/apps/v1/namespaces/default/deployments/myapp-deployment/scale'));
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 5 }, status: { selector: 'app=MyApp' } });
    const bad = await run('kubectl', ['--kubeconfig', join(dir, 'kubeconfig'), 'scale', 'deployment', 'myapp-deployment', '-n', 'default', '--replicas=-1']).then(
      () => '',
      (e: { stderr: string }) => e.stderr,
    );
    expect(bad).toMatch(/replicas/);
    expect(await kubectl('get', 'deployment', 'myapp-deployment', '-n', 'default', '-o', 'jsonpath={.spec.replicas}')).toBe('5');
  });

  it('ages read like kubectl’s', () => {
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    expect([humanAge(at(5)), humanAge(at(150)), humanAge(at(3600)), humanAge(at(4 * 3600 + 60)), humanAge(at(3 * 86400))]).toEqual(['5s', '2m30s', '60m', '4h1m', '3d']);
  });
});
