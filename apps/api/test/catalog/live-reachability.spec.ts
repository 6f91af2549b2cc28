import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { OPENAPI_PATH } from '../support/contract-check.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { waitForEqualCatalog } from '../sync/catalog-vs-cluster.js';

const deployment = (namespace: string, name: string, labels: Record<string, string>, port: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'c:1', ports: [{ name: 'http', containerPort: port }] }] } } },
});

/** The seed (allow-web-to-api: app=web may reach app=api on TCP 3000) plus the web it names, and a second namespace. */
const EXTRA = [
  deployment('default', 'web', { app: 'web' }, 8080),
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  deployment('shop', 'cart', { app: 'cart' }, 9000),
  // Selects nothing: a finding.
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'stale', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'retired' } } } },
];

const WEB = 'default/web[Deployment]';
const API = 'default/nextgen-api[Deployment]';
const MYAPP = 'default/myapp-deployment[Deployment]';
const CART = 'shop/cart[Deployment]';

const REACHABLE_FROM = `query R($name: String!) {
  service(cluster: "live", namespace: "default", name: $name) {
    reachableFrom {
      computedAt isolated backends { id type kind }
      ports { name port targetPort protocol allowedFrom { peer { id type } allBackends why { summary ingress { isolated allowedBy { policy rule } } } } deniedFrom { peer { id } allBackends why { summary } } }
    }
  }
}`;

const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: default }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;

describe('live reachability of a mirrored cluster', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  const allowedIds = async (service: string) => {
    const res = await gql(api, REACHABLE_FROM, { name: service });
    expect(res.errors).toBeUndefined();
    return (res.data.service.reachableFrom.ports[0].allowedFrom as { peer: { id: string } }[]).map((p) => p.peer.id);
  };

  beforeAll(async () => {
    sim = await startCluster({ name: 'live', scenario: 'seed', nodes: 2 });
    await sim.apply(EXTRA);
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'live', sim.kubeconfig());
    const id = (await api.database.prisma.cluster.findUniqueOrThrow({ where: { name: 'live' } })).id;
    await waitForEqualCatalog(api.database, id, sim);
    // The REST contract check compares this file's answers with the OpenAPI document.
    expect((await api.fetch(`${api.url}${OPENAPI_PATH}`)).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  it("answers the seed's allow-web-to-api: only web can open api-service's port (80 → 3000/TCP), the rest cannot, each with why", async () => {
    const res = await gql(api, REACHABLE_FROM, { name: 'api-service' });
    expect(res.errors).toBeUndefined();
    const reach = res.data.service.reachableFrom;
    expect(reach).toMatchObject({ isolated: true, backends: [{ id: API, type: 'WORKLOAD', kind: 'Deployment' }] });
    expect(reach.ports).toHaveLength(1);
    const [port] = reach.ports;
    expect(port).toMatchObject({ name: null, port: 80, targetPort: '3000', protocol: 'TCP' });
    expect(port.allowedFrom).toEqual([
      { peer: { id: WEB, type: 'WORKLOAD' }, allBackends: true, why: { summary: 'source egress not isolated; ingress allowed by default/allow-web-to-api ingress[0]', ingress: { isolated: true, allowedBy: [{ policy: 'default/allow-web-to-api', rule: 'ingress[0]' }] } } },
    ]);
    const denied = new Map((port.deniedFrom as { peer: { id: string }; why: { summary: string } }[]).map((d) => [d.peer.id, d.why.summary]));
    expect(denied.get(MYAPP)).toBe('destination isolated by default/allow-web-to-api, no rule matches the source');
    expect(denied.get(CART)).toBe('destination isolated by default/allow-web-to-api, no rule matches the source');
    expect(denied.has(WEB)).toBe(false);

    // REST answers the same.
    const byRest = await rest(api, 'GET', '/clusters/live/namespaces/default/services/api-service/reachable-from');
    expect(byRest.status).toBe(200);
    expect(byRest.body.ports[0].allowedFrom.map((p: { peer: { id: string } }) => p.peer.id)).toEqual([WEB]);
  });

  it('reaches a service without policies from everywhere, and has no answer for an ExternalName service', async () => {
    const open = await allowedIds('app-service');
    expect(open).toEqual(expect.arrayContaining([WEB, MYAPP, CART, API, '0.0.0.0-255.255.255.255[External]']));
    const res = await gql(api, '{ service(cluster: "live", namespace: "default", name: "my-externalname-service") { reachableFrom { isolated } } }');
    expect(res.data.service.reachableFrom).toBeNull();
    const byRest = await rest(api, 'GET', '/clusters/live/namespaces/default/services/my-externalname-service/reachable-from');
    expect(byRest.status).toBe(422);
    expect(byRest.body.error.details[0].field).toBe('selector');
  });

  it('lists the cluster connection list, focused by namespace or workload, as JSON and as netpol-analyzer txt', async () => {
    const all = await gql(api, '{ connectivity(cluster: "live") { cluster computedAt workloads { id } connections { source { id } destination { id } text } } }');
    expect(all.errors).toBeUndefined();
    expect(all.data.connectivity.cluster).toBe('live');
    const pairs = all.data.connectivity.connections.map((c: { source: { id: string }; destination: { id: string }; text: string }) => `${c.source.id} => ${c.destination.id} : ${c.text}`);
    expect(pairs).toContain(`${WEB} => ${API} : TCP 3000`);
    expect(pairs.some((p: string) => p.startsWith(`${MYAPP} => ${API}`))).toBe(false);

    const focused = await gql(api, 'query F($w: WorkloadFocusInput) { connectivity(cluster: "live", workload: $w) { connections { source { id } destination { id } } } }', { w: { namespace: 'default', kind: 'Deployment', name: 'nextgen-api' } });
    const ends = focused.data.connectivity.connections.map((c: { source: { id: string }; destination: { id: string } }) => [c.source.id, c.destination.id]);
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every(([s, d]: string[]) => s === API || d === API)).toBe(true);

    const shop = await rest(api, 'GET', '/clusters/live/connectivity?namespace=shop');
    expect(shop.status).toBe(200);
    expect(shop.body.connections.every((c: { source: { namespace: string | null }; destination: { namespace: string | null } }) => c.source.namespace === 'shop' || c.destination.namespace === 'shop')).toBe(true);

    const txt = await api.fetch(`${api.url}/api/v1/clusters/live/connectivity?workload=default/Deployment/nextgen-api&format=txt`);
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = (await txt.text()).split('\n').filter(Boolean);
    expect(lines).toContain(`${WEB} => ${API} : TCP 3000`);
    expect(lines.every((l) => l.includes(API))).toBe(true);
    const byAccept = await api.fetch(`${api.url}/api/v1/clusters/live/connectivity?workload=default/Deployment/nextgen-api`, { headers: { accept: 'text/plain' } });
    expect((await byAccept.text()).split('\n').filter(Boolean)).toEqual(lines);
  });

  it('refuses a bad workload focus naming the field, and answers NOT_FOUND for an unknown cluster', async () => {
    const malformed = await rest(api, 'GET', '/clusters/live/connectivity?workload=default-web');
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.details).toEqual([expect.objectContaining({ field: 'workload', rule: 'format' })]);
    const unknown = await rest(api, 'GET', '/clusters/live/connectivity?workload=default/Deployment/nope');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'workload', rule: 'exists' });
    const empty = await gql(api, '{ connectivity(cluster: "live", workload: { namespace: "default", kind: "", name: "web" }) { cluster } }');
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'workload.kind' })] });
    expect((await rest(api, 'GET', '/clusters/nowhere/connectivity')).status).toBe(404);
    const gone = await gql(api, '{ connectivity(cluster: "nowhere") { cluster } }');
    expect(gone.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it("answers a workload's reach and a policy's effect", async () => {
    const w = await rest(api, 'GET', '/clusters/live/namespaces/default/workloads/Deployment/web/connectivity');
    expect(w.status).toBe(200);
    expect(w.body.canReach.map((c: { destination: { id: string } }) => c.destination.id)).toContain(API);
    const unknown = await rest(api, 'GET', '/clusters/live/namespaces/default/workloads/Deployment/no-such/connectivity');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('Deployment default/no-such');
    const api_ = await gql(api, '{ workloads(cluster: "live", namespace: "default") { kind name reachableFrom { source { id } text } } }');
    const target = api_.data.workloads.find((x: { name: string }) => x.name === 'nextgen-api');
    expect(target.reachableFrom).toEqual([{ source: { id: WEB }, text: 'TCP 3000' }]);

    const effect = await rest(api, 'GET', '/clusters/live/namespaces/default/networkpolicies/allow-web-to-api/effect');
    expect(effect.status).toBe(200);
    expect(effect.body.selectedWorkloads.map((x: { id: string }) => x.id)).toEqual([API]);
    expect(effect.body.allows.map((c: { source: { id: string }; destination: { id: string } }) => `${c.source.id} => ${c.destination.id}`)).toEqual([`${WEB} => ${API}`]);
    const one = await gql(api, '{ networkPolicy(cluster: "live", namespace: "default", name: "allow-web-to-api") { name selectedWorkloads { id pods } allows { text } } }');
    expect(one.data.networkPolicy).toEqual({ name: 'allow-web-to-api', selectedWorkloads: [{ id: API, pods: 2 }], allows: [{ text: 'TCP 3000' }] });
    expect((await rest(api, 'GET', '/clusters/live/namespaces/default/networkpolicies/nope/effect')).status).toBe(404);
  });

  it('lists reachability findings among the catalog diagnostics (GraphQL and REST)', async () => {
    const res = await gql(api, '{ diagnostics(clusters: ["live"], codes: [NETWORK_POLICY_SELECTS_NO_PODS, SERVICE_UNREACHABLE, NETWORK_POLICY_NAMED_PORT_UNDEFINED]) { nodes { code severity hint object { kind namespace name } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.diagnostics.nodes).toEqual([{ code: 'NETWORK_POLICY_SELECTS_NO_PODS', severity: 'WARNING', hint: expect.stringContaining('podSelector'), object: { kind: 'NetworkPolicy', namespace: 'shop', name: 'stale' } }]);
    const byRest = await rest(api, 'GET', '/diagnostics?cluster=live&code=NETWORK_POLICY_SELECTS_NO_PODS');
    expect(byRest.status).toBe(200);
    expect(byRest.body.items.map((d: { object: { name: string } }) => d.object.name)).toEqual(['stale']);
  });

  it('diffs a proposed default-deny against the mirrored cluster without applying it', async () => {
    const res = await api.fetch(`${api.url}/api/v1/clusters/live/connectivity/what-if`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: DEFAULT_DENY });
    expect(res.status).toBe(200);
    const diff = (await res.json()) as { cluster: string; gained: unknown[]; lost: { source: { id: string }; destination: { id: string } }[]; changed: unknown[] };
    expect(diff.cluster).toBe('live');
    expect(diff.gained).toEqual([]);
    const lost = diff.lost.map((c) => `${c.source.id} => ${c.destination.id}`);
    expect(lost).toEqual(expect.arrayContaining([`${WEB} => ${MYAPP}`, `${MYAPP} => default/nextgen-app[Deployment]`, `${CART} => ${MYAPP}`]));
    expect(lost.every((l) => l.split(' => ')[1]!.startsWith('default/'))).toBe(true);
    // allow-web-to-api still lets web in: a deny adds isolation, it takes no allowed rule away.
    expect(lost).not.toContain(`${WEB} => ${API}`);
    // Nothing was applied: the live answer is unchanged.
    expect(await allowedIds('api-service')).toEqual([WEB]);

    const gq = await gql(api, 'query W($m: String!) { connectivityWhatIf(cluster: "live", manifests: $m) { lost { text } } }', { m: DEFAULT_DENY });
    expect(gq.data.connectivityWhatIf.lost).toHaveLength(diff.lost.length);
    const bad = await rest(api, 'POST', '/clusters/live/connectivity/what-if', { manifests: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: x, namespace: default }\nspec: { podSelector: { matchLabels: 7 } }\n' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('MANIFEST_INVALID');
    expect(bad.body.error.details[0]).toMatchObject({ field: 'documents[1].spec.podSelector.matchLabels', object: 'NetworkPolicy default/x' });
  });

  it('shows a scoped viewer what the catalog shows it: its namespaces only', async () => {
    const token = (await rest(api, 'POST', '/tokens', { name: 'shop-team', role: 'viewer', readScope: 'GRANTS', grants: [{ cluster: 'live', namespace: 'shop' }] })).body.token as string;
    const viewer = { authorization: `Bearer ${token}` };
    const res = await rest(api, 'GET', '/clusters/live/connectivity', undefined, viewer);
    expect(res.status).toBe(200);
    expect(res.body.workloads.map((w: { id: string }) => w.id)).toEqual([CART]);
    expect(res.body.connections.every((c: { source: { type: string; namespace: string }; destination: { type: string; namespace: string } }) => [c.source, c.destination].every((p) => p.type === 'EXTERNAL' || p.namespace === 'shop'))).toBe(true);
    expect((await rest(api, 'GET', '/clusters/live/namespaces/default/services/api-service/reachable-from', undefined, viewer)).status).toBe(404);
    expect((await rest(api, 'GET', '/clusters/live/namespaces/default/workloads/Deployment/web/connectivity', undefined, viewer)).status).toBe(404);
    expect((await rest(api, 'GET', '/clusters/live/namespaces/shop/networkpolicies/allow-web-to-api/effect', undefined, viewer)).status).toBe(404);
  });

  it('follows a policy applied in the cluster: reachableFrom changes within seconds', async () => {
    await sim.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-myapp-to-api', namespace: 'default' },
      spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'MyApp' } } }], ports: [{ port: 3000 }] }] },
    });
    const ids = await waitFor(async () => {
      const now = await allowedIds('api-service');
      return now.includes(MYAPP) ? now : undefined;
    }, 'myapp-deployment allowed into api-service');
    expect(ids.sort()).toEqual([MYAPP, WEB].sort());

    await sim.delete('networking.k8s.io/v1', 'NetworkPolicy', 'default', 'allow-web-to-api');
    await waitFor(async () => {
      const now = await allowedIds('api-service');
      return now.join() === MYAPP ? now : undefined;
    }, 'web no longer allowed once its policy is gone');
  });
});
