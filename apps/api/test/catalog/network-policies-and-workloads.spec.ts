import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gql, rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { waitForEqualCatalog } from '../sync/catalog-vs-cluster.js';

const tpl = (labels: Record<string, string>, extra: object = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'c:1', ports: [{ name: 'http', containerPort: 8080 }] }], ...extra } });

/** A namespace of every workload kind and a policy with every kind of peer and port. */
const SHOP = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'shop' } } },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: tpl({ app: 'db' }) } },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: tpl({ app: 'agent' }) } },
  { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: tpl({ app: 'nightly' }, { restartPolicy: 'OnFailure' }) } } } },
  { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy', namespace: 'shop' }, spec: { replicas: 1, template: tpl({ app: 'legacy' }) } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'idle', namespace: 'shop' }, spec: { replicas: 0, selector: { matchLabels: { app: 'idle' } }, template: tpl({ app: 'idle' }) } },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'db-access', namespace: 'shop', labels: { team: 'shop' } },
    spec: {
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } }, podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.9.0.0/16'] } }], ports: [{ port: 'http' }, { protocol: 'TCP', port: 6000, endPort: 6010 }] }],
      egress: [{ to: [] }],
    },
  },
];

const POLICIES = `query P($cluster: String!, $namespace: String) {
  networkPolicies(cluster: $cluster, namespace: $namespace) {
    cluster namespace name policyTypes
    podSelector { matchLabels { key value } matchExpressions { key operator values } }
    ingress { ports { protocol port portName endPort } peers { podSelector { matchLabels { key value } } namespaceSelector { matchLabels { key value } } ipBlock { cidr except } } }
    egress { ports { port } peers { ipBlock { cidr } } }
    labels { key value }
  }
}`;
const WORKLOADS = `query W($cluster: String!, $namespace: String) { workloads(cluster: $cluster, namespace: $namespace) { kind namespace name mirrored replicas pods selector { matchLabels { key value } } } }`;

describe('mirrored NetworkPolicies and workloads, read back over GraphQL and REST', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;

  beforeAll(async () => {
    sim = await startCluster({ name: 'mirror', scenario: 'seed', nodes: 2 });
    await sim.apply(SHOP);
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'mirror', sim.kubeconfig());
    const id = (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'mirror' } })).id;
    await waitForEqualCatalog(api.database, id, sim);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it("lists the seed's allow-web-to-api policy with its spec typed (GraphQL)", async () => {
    const res = await gql(api, POLICIES, { cluster: 'mirror', namespace: 'default' });
    expect(res.errors).toBeUndefined();
    expect(res.data.networkPolicies).toEqual([
      {
        cluster: 'mirror',
        namespace: 'default',
        name: 'allow-web-to-api',
        policyTypes: ['Ingress'],
        podSelector: { matchLabels: [{ key: 'app', value: 'api' }], matchExpressions: [] },
        ingress: [{ ports: [{ protocol: 'TCP', port: 3000, portName: null, endPort: null }], peers: [{ podSelector: { matchLabels: [{ key: 'app', value: 'web' }] }, namespaceSelector: null, ipBlock: null }] }],
        egress: [],
        labels: [],
      },
    ]);
  });

  it('keeps both selectors of one peer, named ports, ranges, ipBlocks and defaulted policy types (REST, whole cluster)', async () => {
    const res = await rest(api, 'GET', '/clusters/mirror/networkpolicies');
    expect(res.status).toBe(200);
    expect(res.body.map((p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`)).toEqual(['default/allow-web-to-api', 'shop/db-access']);
    const shop = res.body[1];
    expect(shop.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(shop.podSelector).toEqual({ matchLabels: [], matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] });
    expect(shop.ingress[0].peers).toEqual([
      { podSelector: { matchLabels: [{ key: 'app', value: 'web' }], matchExpressions: [] }, namespaceSelector: { matchLabels: [{ key: 'kubernetes.io/metadata.name', value: 'default' }], matchExpressions: [] }, ipBlock: null },
      { podSelector: null, namespaceSelector: null, ipBlock: { cidr: '10.0.0.0/8', except: ['10.9.0.0/16'] } },
    ]);
    expect(shop.ingress[0].ports).toEqual([
      { protocol: 'TCP', port: null, portName: 'http', endPort: null },
      { protocol: 'TCP', port: 6000, portName: null, endPort: 6010 },
    ]);
    // An empty `to` (no peer matches) is not a missing one (every peer).
    expect(shop.egress).toEqual([{ ports: null, peers: [] }]);
    expect((await rest(api, 'GET', '/clusters/mirror/namespaces/shop/networkpolicies')).body.map((p: { name: string }) => p.name)).toEqual(['db-access']);
  });

  it("shows a policy's mirrored object as YAML that reads back to the same policy (GraphQL)", async () => {
    const res = await gql(api, '{ networkPolicy(cluster: "mirror", namespace: "shop", name: "db-access") { manifest } }');
    expect(res.errors).toBeUndefined();
    const object = parse(res.data.networkPolicy.manifest);
    expect(object).toMatchObject({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db-access', namespace: 'shop' } });
    expect(object.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(object.spec.ingress[0].ports).toEqual([{ port: 'http', protocol: 'TCP' }, { endPort: 6010, port: 6000, protocol: 'TCP' }]);
    expect(object.spec.ingress[0].from[1]).toEqual({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.9.0.0/16'] } });
    // An empty `to` stays empty: it allows nothing, where a missing one would allow everything.
    expect(object.spec.egress).toEqual([{ to: [] }]);
    const rest_ = await rest(api, 'GET', '/clusters/mirror/namespaces/shop/networkpolicies');
    expect(rest_.body[0].manifest).toBeUndefined();
  });

  it('answers 404 / NOT_FOUND for a cluster it does not know', async () => {
    expect((await rest(api, 'GET', '/clusters/nowhere/networkpolicies')).status).toBe(404);
    expect((await rest(api, 'GET', '/clusters/nowhere/namespaces/shop/workloads')).status).toBe(404);
    const res = await gql(api, WORKLOADS, { cluster: 'nowhere' });
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it("resolves each pod's owner chain to its top workload: Deployments through ReplicaSets, CronJobs through Jobs, bare pods", async () => {
    const seed = await gql(api, WORKLOADS, { cluster: 'mirror', namespace: 'default' });
    expect(seed.errors).toBeUndefined();
    const tops = new Map<string, { kind: string; mirrored: boolean; replicas: number | null; pods: string[] }>(seed.data.workloads.map((w: { kind: string; name: string }) => [`${w.kind}/${w.name}`, w]));
    expect(tops.get('Deployment/myapp-deployment')).toMatchObject({ mirrored: true, replicas: 3, pods: expect.arrayContaining([expect.stringMatching(/^myapp-deployment-[a-z0-9]+-[a-z0-9]{5}$/)]) });
    expect(tops.get('Deployment/myapp-deployment')!.pods).toHaveLength(3);
    expect(tops.get('Pod/hello-pod')).toEqual({ kind: 'Pod', namespace: 'default', name: 'hello-pod', mirrored: false, replicas: null, pods: ['hello-pod'], selector: null });
    expect([...tops.keys()].filter((k) => k.startsWith('ReplicaSet/'))).toEqual([]);
    const shop = (await rest(api, 'GET', '/clusters/mirror/namespaces/shop/workloads')).body as { kind: string; name: string; pods: string[]; replicas: number | null }[];
    expect(shop.map((w) => [w.kind, w.name, w.pods.length, w.replicas])).toEqual([
      ['DaemonSet', 'agent', 2, null],
      ['StatefulSet', 'db', 2, 2],
      ['Deployment', 'idle', 0, 0],
      ['ReplicationController', 'legacy', 1, 1],
      ['CronJob', 'nightly', 1, null],
    ]);
    expect(shop.find((w) => w.name === 'db')!.pods).toEqual(['db-0', 'db-1']);
  });

  it('mirrors namespace labels exactly, kubernetes.io/metadata.name included', async () => {
    const res = await gql(api, '{ namespaces(clusters: ["mirror"]) { name labels { key value } } }');
    const mirrored = Object.fromEntries(res.data.namespaces.map((n: { name: string; labels: { key: string; value: string }[] }) => [n.name, Object.fromEntries(n.labels.map((l) => [l.key, l.value]))]));
    const inCluster = Object.fromEntries((sim.list('v1', 'Namespace') as { metadata: { name: string; labels: Record<string, string> } }[]).map((n) => [n.metadata.name, n.metadata.labels]));
    expect(mirrored).toEqual(inCluster);
    expect(mirrored.shop).toEqual({ team: 'shop', 'kubernetes.io/metadata.name': 'shop' });
    expect(Object.values(mirrored).every((labels, i) => (labels as Record<string, string>)['kubernetes.io/metadata.name'] === Object.keys(mirrored)[i])).toBe(true);
  });

  it('shows a scoped viewer only the namespaces it may read', async () => {
    const token = (await rest(api, 'POST', '/tokens', { name: 'shop-team', role: 'viewer', readScope: 'GRANTS', grants: [{ cluster: 'mirror', namespace: 'shop' }] })).body.token as string;
    const viewer = { authorization: `Bearer ${token}` };
    expect((await rest(api, 'GET', '/clusters/mirror/networkpolicies', undefined, viewer)).body.map((p: { name: string }) => p.name)).toEqual(['db-access']);
    const res = await gql(api, WORKLOADS, { cluster: 'mirror' }, viewer);
    expect(new Set(res.data.workloads.map((w: { namespace: string }) => w.namespace))).toEqual(new Set(['shop']));
  });

  it('follows policy and workload changes through the watch', async () => {
    await sim.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    await sim.delete('networking.k8s.io/v1', 'NetworkPolicy', 'shop', 'db-access');
    await sim.scale('shop', 'idle', 2);
    await waitFor(async () => {
      const names = (await rest(api, 'GET', '/clusters/mirror/namespaces/shop/networkpolicies')).body.map((p: { name: string }) => p.name);
      return names.join() === 'default-deny' ? names : undefined;
    }, 'the new policy in, the deleted one out');
    await waitFor(async () => {
      const idle = ((await rest(api, 'GET', '/clusters/mirror/namespaces/shop/workloads')).body as { name: string; pods: string[]; replicas: number }[]).find((w) => w.name === 'idle');
      return idle?.pods.length === 2 && idle.replicas === 2 ? idle : undefined;
    }, 'the scaled deployment with its two pods');
  });
});
