import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { Kubectl } from '../support/kubectl.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { registerCluster } from '../support/register-cluster.js';
import { waitFor } from '../support/wait-for.js';

const POD_LABELS = `query($ns: String!, $selector: [KeyValueInput!]) { podLabels(cluster: "sim", namespace: $ns, selector: $selector) { cluster namespace pods matching labels { key value pods } } }`;
const PLAN = `mutation($input: CreateServiceInput!) { createService(cluster: "sim", namespace: "team-a", input: $input, dryRun: true) { dryRun service { name } changes { kind name accessUrls { url scope via note } } } }`;

const pod = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'team-a', labels }, spec: { nodeName: 'sim-node-1', containers: [{ name: 'app', image: 'app:1' }] } });

describe('what the create-service form asks before anything is written: pod labels, selector matches, planned URLs', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let kubectl: Kubectl;

  beforeAll(async () => {
    sim = await startCluster({ name: 'sim', nodes: 2, nodeAddressBase: { internal: '10.0.0.', external: '203.0.113.' } });
    await sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    await sim.apply(pod('web-1', { app: 'web', tier: 'fe', 'pod-template-hash': 'abc12' }));
    await sim.apply(pod('web-2', { app: 'web', tier: 'fe', 'pod-template-hash': 'abc12' }));
    await sim.apply(pod('db-1', { app: 'db' }));
    kubectl = new Kubectl(sim.kubeconfig());
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'sim', sim.kubeconfig());
    await waitFor(async () => (await gql(api, POD_LABELS, { ns: 'team-a' })).data?.podLabels.pods === 3, 'the three pods mirrored');
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
    kubectl?.dispose();
  });

  it('lists the labels of the namespace pods, most common first, without generated ones, and counts what a selector matches (GraphQL)', async () => {
    const r = await gql(api, POD_LABELS, { ns: 'team-a', selector: [{ key: 'app', value: 'web' }] });
    expect(r.errors).toBeUndefined();
    expect(r.data.podLabels).toEqual({
      cluster: 'sim',
      namespace: 'team-a',
      pods: 3,
      matching: 2,
      labels: [
        { key: 'app', value: 'web', pods: 2 },
        { key: 'tier', value: 'fe', pods: 2 },
        { key: 'app', value: 'db', pods: 1 },
      ],
    });
    expect((await gql(api, POD_LABELS, { ns: 'team-a' })).data.podLabels.matching).toBeNull();
    expect((await gql(api, POD_LABELS, { ns: 'team-a', selector: [{ key: 'app', value: 'web' }, { key: 'tier', value: 'be' }] })).data.podLabels.matching).toBe(0);
  });

  it('answers the same over REST, and refuses a set-based selector naming the parameter', async () => {
    const r = await rest(api, 'GET', '/clusters/sim/namespaces/team-a/pod-labels?selector=app%3Dweb,tier%3Dfe');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ pods: 3, matching: 2 });
    const bad = await rest(api, 'GET', '/clusters/sim/namespaces/team-a/pod-labels?selector=app%20in%20(web,db)');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'selector' });
  });

  it('a NodePort dry run answers the URLs the service will have (allocated node port on every node) and creates nothing', async () => {
    const r = await gql(api, PLAN, { input: { name: 'shop', type: 'NodePort', selector: [{ key: 'app', value: 'web' }], ports: [{ name: 'http', port: 80, targetPort: '8080', nodePort: 30080 }] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createService).toMatchObject({ dryRun: true, service: null });
    const urls = r.data.createService.changes.find((c: { kind: string }) => c.kind === 'Service').accessUrls as { url: string; via: string; note: string | null }[];
    const planned = urls.map((u) => u.url);
    expect(planned).toEqual(expect.arrayContaining(['http://203.0.113.10:30080', 'http://203.0.113.11:30080', 'http://shop.team-a.svc.cluster.local:80']));
    // The cluster IP of a dry-run create is an example, and said to be one; the chosen node port is kept.
    const byVia = (via: string) => urls.filter((u) => u.via === via);
    expect(byVia('CLUSTER_IP')[0].note).toMatch(/example address/);
    expect(byVia('NODE_PORT')[0].note ?? '').not.toMatch(/example address/);
    expect(await kubectl.getJson('service', 'team-a', 'shop')).toBeUndefined();
  });
});
