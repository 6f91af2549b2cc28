import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { Kubectl } from '../support/kubectl.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { registerCluster } from '../support/register-cluster.js';
import { waitFor } from '../support/wait-for.js';

const SERVICE = (cluster: string, name: string) => `{ service(cluster: "${cluster}", namespace: "default", name: "${name}") { type labels { key value } ports { port nodePort } endpointCounts { ready total } } }`;

/** What a user does with kubectl shows up in the catalog, without anyone asking for a resync. */
describe('sync follows kubectl', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let kubectl: Kubectl;
  let dir: string;

  const service = async (name: string) => (await gql(api, SERVICE('k', name))).data?.service ?? null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-kubectl-sync-'));
    sim = await startCluster({ name: 'k', scenario: 'seed', nodes: 2, bookmarkIntervalMs: 500 });
    kubectl = new Kubectl(sim.kubeconfig());
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'k', sim.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
    kubectl?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kubectl apply, label, patch and delete are mirrored', async () => {
    const file = join(dir, 'svc.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: from-kubectl\n  namespace: default\nspec:\n  type: NodePort\n  selector:\n    app: MyApp\n  ports:\n    - port: 80\n      targetPort: 8080\n');
    const applied = await kubectl.run('apply', '--validate=false', '-f', file);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('service/from-kubectl created');
    await waitFor(async () => (await service('from-kubectl'))?.endpointCounts.ready === 3, 'applied service with its three endpoints');
    const created = await service('from-kubectl');
    expect(created.type).toBe('NodePort');
    expect(created.ports[0].nodePort).toBeGreaterThanOrEqual(30000);

    expect((await kubectl.run('label', 'service', 'from-kubectl', 'team=payments')).code).toBe(0);
    await waitFor(async () => (await service('from-kubectl'))?.labels.some((l: { key: string; value: string }) => l.key === 'team' && l.value === 'payments'), 'label');

    expect((await kubectl.run('patch', 'deployment', 'myapp-deployment', '--type=merge', '-p', '{"spec":{"replicas":5}}')).code).toBe(0);
    await waitFor(async () => (await service('from-kubectl'))?.endpointCounts.total === 5, 'scaled endpoints');

    expect((await kubectl.run('delete', 'service', 'from-kubectl')).code).toBe(0);
    await waitFor(async () => (await service('from-kubectl')) === null, 'deleted service gone');
  });
});
