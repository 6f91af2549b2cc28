import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { kubeconfigFor, type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupRegistration } from '../../src/clusters/startup-registration.service.js';
import { gql, rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

// Deployed into a cluster (deploy/kubernetes sets SWITCHBOARD_IN_CLUSTER_NAME), the API
// registers that cluster itself from the pod's service account.
describe('clusters registered by configuration: the cluster Switchboard runs in (SWITCHBOARD_IN_CLUSTER_NAME)', () => {
  let db: TestDatabase;
  let sim: SimCluster;
  let saDir: string;
  const apps: RunningApp[] = [];

  const podEnv = () => ({ KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: new URL(sim.url).port, SWITCHBOARD_SERVICE_ACCOUNT_DIR: saDir, SWITCHBOARD_IN_CLUSTER_NAME: 'home', SYNC_LEASE_SECONDS: '3' });
  const dryRunCreate = (api: RunningApp) =>
    gql(api, `mutation { createService(cluster: "home", namespace: "default", dryRun: true, input: { name: "probe", ports: [{ port: 80 }] }) { dryRun } }`);

  beforeAll(async () => {
    sim = await startCluster({ name: 'home', scenario: 'seed' });
    db = await createTestDatabase();
    // The folder Kubernetes mounts into every pod (the token without a newline, as the kubelet writes it).
    saDir = path.join(db.dataDir, 'serviceaccount');
    await mkdir(saDir, { recursive: true });
    await writeFile(path.join(saDir, 'token'), sim.token);
    await writeFile(path.join(saDir, 'ca.crt'), sim.caData);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await sim?.stop();
    await db?.dispose();
  });

  it('registers and syncs it at startup, audited as the product itself', async () => {
    apps.push(await startTestApp(db.config(podEnv())));
    const api = apps[0]!;
    const home = await waitFor(async () => {
      const res = await rest(api, 'GET', '/clusters/home');
      return res.status === 200 && res.body.status === 'READY' ? res.body : undefined;
    }, 'the in-cluster registration to be READY', 30_000);
    expect(home).toMatchObject({ name: 'home', authKind: 'IN_CLUSTER', server: `https://127.0.0.1:${new URL(sim.url).port}` });
    const audit = await rest(api, 'GET', '/audit?action=registerCluster');
    expect(audit.body.items.map((e: { actor: string; outcome: string; cluster: string }) => [e.actor, e.outcome, e.cluster])).toEqual([['system:startup', 'SUCCEEDED', 'home']]);
  });

  it('reads the rotating token from the file at each connection instead of storing a copy', async () => {
    const api = apps[0]!;
    expect((await dryRunCreate(api)).errors).toBeUndefined();
    await writeFile(path.join(saDir, 'token'), 'a-token-the-cluster-does-not-know');
    expect((await dryRunCreate(api)).errors?.[0]?.extensions?.code).toBe('CLUSTER_UNAUTHORIZED');
    await writeFile(path.join(saDir, 'token'), sim.token);
    expect((await dryRunCreate(api)).errors).toBeUndefined();
  });

  it('a second replica finds it registered and registers nothing again', async () => {
    apps.push(await startTestApp(db.config(podEnv())));
    const second = apps[1]!;
    // Its registration attempt ran (or gave up) before this resolves: it must have found "home".
    await second.app.get(StartupRegistration).whenDone();
    expect((await rest(second, 'GET', '/clusters')).body.map((c: { name: string }) => c.name)).toEqual(['home']);
    const audit = await rest(second, 'GET', '/audit?action=registerCluster');
    expect(audit.body.items).toHaveLength(1);
  });
});

// docker compose's demo profile: simulated clusters in another container write a
// kubeconfig into a shared volume, and the API registers every context of it.
describe('clusters registered by configuration: a kubeconfig file (SWITCHBOARD_REGISTER_KUBECONFIG)', () => {
  let db: TestDatabase;
  let sims: SimCluster[] = [];
  let api: RunningApp | undefined;

  beforeAll(async () => {
    sims = await Promise.all(['east', 'west'].map((name) => startCluster({ name, scenario: 'seed' })));
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all(sims.map((s) => s.stop()));
    await db?.dispose();
  });

  it('waits for the file, then registers every context, labelled as registered from it', async () => {
    const file = path.join(db.dataDir, 'shared', 'kubeconfig.yaml');
    api = await startTestApp(db.config({ SWITCHBOARD_REGISTER_KUBECONFIG: file, SYNC_LEASE_SECONDS: '3' }));
    expect((await rest(api, 'GET', '/clusters')).body).toEqual([]);
    // Written after the API started, as a container starting beside it would.
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, kubeconfigFor(sims.map((s) => ({ name: s.name, url: s.url, caData: s.caData, token: s.token }))));
    const clusters = await waitFor(async () => {
      const list = (await rest(api!, 'GET', '/clusters')).body as { name: string; status: string; labels: { key: string; value: string }[] }[];
      return list.length === 2 && list.every((c) => c.status === 'READY') ? list : undefined;
    }, 'both contexts registered and READY', 30_000);
    expect(clusters.map((c) => c.name).sort()).toEqual(['east', 'west']);
    for (const c of clusters) expect(c.labels).toContainEqual({ key: 'switchboard.dev/registered-from', value: 'kubeconfig-file' });
  });
});
