import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, TEST_ADMIN_TOKEN, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

type Role = 'viewer' | 'scopedViewer' | 'operator' | 'scopedOperator' | 'admin';
const ROLES: Role[] = ['viewer', 'scopedViewer', 'operator', 'scopedOperator', 'admin'];
/** PASS: past authorisation (whatever the operation then answers); otherwise the error code expected. */
type Expect = 'PASS' | 'FORBIDDEN' | 'NOT_FOUND';
type Outcome = { status: number; code?: string; body: any };

const svc = (name: string, ns: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels: { app: name } }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
const ing = (name: string, ns: string, backend: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: ns },
  spec: { rules: [{ host: `${ns}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } }] },
});

describe('authorisation matrix: every query, mutation and REST route × role × in-scope and out-of-scope objects', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let alpha: SimCluster;
  let beta: SimCluster;
  const tokens = {} as Record<Role, string>;
  const ids = {} as Record<'teamA' | 'teamB', string>;

  beforeAll(async () => {
    [alpha, beta] = await Promise.all(['alpha', 'beta'].map((name) => startCluster({ name, scenario: 'seed', bookmarkIntervalMs: 300 })));
    for (const sim of [alpha, beta]) {
      for (const ns of ['team-a', 'team-b']) {
        await sim.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, svc('web', ns), svc('api', ns), ing('site', ns, 'web')]);
      }
    }
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'alpha', alpha.kubeconfig());
    await registerCluster(api, 'beta', beta.kubeconfig());
    const create = async (body: object) => {
      const res = await rest(api, 'POST', '/tokens', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.token as string;
    };
    tokens.admin = TEST_ADMIN_TOKEN;
    tokens.viewer = await create({ name: 'viewer', role: 'viewer' });
    tokens.scopedViewer = await create({ name: 'team-a viewer', role: 'viewer', readScope: 'GRANTS', grants: [{ cluster: 'alpha', namespace: 'team-a' }] });
    tokens.operator = await create({ name: 'team-a operator', role: 'operator', grants: [{ cluster: 'alpha', namespace: 'team-a' }] });
    tokens.scopedOperator = await create({ name: 'team-a operator (scoped reads)', role: 'operator', readScope: 'GRANTS', grants: [{ cluster: 'alpha', namespace: 'team-a*' }] });
    await waitFor(async () => (await rest(api, 'GET', '/services?namespace=team-a,team-b&cluster=alpha')).body.totalCount === 4, 'team services mirrored');
    const nodes = (await gql(api, `{ services(filter: { clusters: ["alpha"], namespaces: ["team-a", "team-b"], search: "web" }) { nodes { id namespace } } }`)).data.services.nodes as { id: string; namespace: string }[];
    ids.teamA = nodes.find((n) => n.namespace === 'team-a')!.id;
    ids.teamB = nodes.find((n) => n.namespace === 'team-b')!.id;
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([alpha?.stop(), beta?.stop()]);
    await db?.dispose();
  });

  const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });
  const R = async (role: Role, method: string, path: string, body?: unknown): Promise<Outcome> => {
    const res = await rest(api, method, path, body, as(role));
    return { status: res.status, code: res.body?.error?.code, body: res.body };
  };
  const G = async (role: Role, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> => {
    const res = await gql(api, query, variables, as(role));
    return { status: res.status, code: res.errors?.[0]?.extensions.code, body: res.data };
  };

  const AUTH_CODES = ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'CSRF_FAILED'];
  function check(name: string, outcome: Outcome, expected: Expect): string | null {
    if (expected === 'PASS') return outcome.code && AUTH_CODES.includes(outcome.code) ? `${name}: expected to pass authorisation, got ${outcome.status} ${outcome.code}` : null;
    return outcome.code === expected ? null : `${name}: expected ${expected}, got ${outcome.status} ${outcome.code ?? 'success'}`;
  }

  // Per row: what each role gets. v = viewer, sv = viewer reading alpha/team-a only, op = operator granted alpha/team-a,
  // sop = the same operator reading only its grants, a = admin.
  const row = (v: Expect, sv: Expect, op: Expect, sop: Expect, a: Expect): Record<Role, Expect> => ({ viewer: v, scopedViewer: sv, operator: op, scopedOperator: sop, admin: a });
  const ALL = row('PASS', 'PASS', 'PASS', 'PASS', 'PASS');
  const OUT_OF_READ_SCOPE = row('PASS', 'NOT_FOUND', 'PASS', 'NOT_FOUND', 'PASS');
  const ADMIN_ONLY = row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'PASS');
  const WRITE_IN_GRANT = row('FORBIDDEN', 'FORBIDDEN', 'PASS', 'PASS', 'PASS');
  const WRITE_OUTSIDE = row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'PASS');

  const SERVICE_INPUT = { name: 'new-svc', selector: { app: 'new' }, ports: [{ name: 'http', port: 80 }] };
  const GQL_SERVICE_INPUT = { name: 'new-svc', selector: [{ key: 'app', value: 'new' }], ports: [{ name: 'http', port: 80 }] };
  const INGRESS_INPUT = { name: 'new-ing', rules: [{ host: 'new.example.com', paths: [{ path: '/', service: 'web', port: '80' }] }] };

  /** Every route and operation, addressed at an in-scope (alpha/team-a) or out-of-scope object. */
  const cases = (): [string, (r: Role) => Promise<Outcome>, Record<Role, Expect>][] => {
    const mutationsAt = (cluster: string, ns: string, expected: Record<Role, Expect>): [string, (r: Role) => Promise<Outcome>, Record<Role, Expect>][] => {
      const base = `/clusters/${cluster}/namespaces/${ns}`;
      return [
        [`REST createService ${cluster}/${ns}`, (r) => R(r, 'POST', `${base}/services?dryRun=true`, SERVICE_INPUT), expected],
        [`REST updateService ${cluster}/${ns}`, (r) => R(r, 'PATCH', `${base}/services/web?dryRun=true`, { labels: { tier: 'x' } }), expected],
        [`REST deleteService ${cluster}/${ns}`, (r) => R(r, 'DELETE', `${base}/services/web?dryRun=true`), expected],
        [`REST exposeService ${cluster}/${ns}`, (r) => R(r, 'POST', `${base}/services/web/expose?dryRun=true`, { via: 'NODE_PORT' }), expected],
        [`REST unexposeService ${cluster}/${ns}`, (r) => R(r, 'POST', `${base}/services/web/unexpose?dryRun=true`, { via: 'INGRESS' }), expected],
        [`REST createIngress ${cluster}/${ns}`, (r) => R(r, 'POST', `${base}/ingresses?dryRun=true`, INGRESS_INPUT), expected],
        [`REST updateIngress ${cluster}/${ns}`, (r) => R(r, 'PATCH', `${base}/ingresses/site?dryRun=true`, { labels: { tier: 'x' } }), expected],
        [`REST deleteIngress ${cluster}/${ns}`, (r) => R(r, 'DELETE', `${base}/ingresses/site?dryRun=true`), expected],
        [`GraphQL createService ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!, $i: CreateServiceInput!) { createService(cluster: $c, namespace: $n, input: $i, dryRun: true) { dryRun } }`, { c: cluster, n: ns, i: GQL_SERVICE_INPUT }), expected],
        [`GraphQL updateService ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { updateService(cluster: $c, namespace: $n, name: "web", input: { labels: [{ key: "tier", value: "x" }] }, dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
        [`GraphQL deleteService ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { deleteService(cluster: $c, namespace: $n, name: "web", dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
        [`GraphQL exposeService ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { exposeService(cluster: $c, namespace: $n, name: "web", input: { via: NODE_PORT }, dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
        [`GraphQL unexposeService ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { unexposeService(cluster: $c, namespace: $n, name: "web", input: { via: INGRESS }, dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
        [`GraphQL createIngress ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { createIngress(cluster: $c, namespace: $n, input: { name: "new-ing", rules: [{ host: "new.example.com", paths: [{ path: "/", pathType: Prefix, service: "web", port: "80" }] }] }, dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
        [`GraphQL updateIngress ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { updateIngress(cluster: $c, namespace: $n, name: "site", input: { labels: [{ key: "tier", value: "x" }] }, dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
        [`GraphQL deleteIngress ${cluster}/${ns}`, (r) => G(r, `mutation($c: String!, $n: String!) { deleteIngress(cluster: $c, namespace: $n, name: "site", dryRun: true) { dryRun } }`, { c: cluster, n: ns }), expected],
      ];
    };
    return [
      // reads
      ['REST GET /system', (r) => R(r, 'GET', '/system'), ALL],
      ['REST GET /auth/me', (r) => R(r, 'GET', '/auth/me'), ALL],
      ['GraphQL me', (r) => G(r, '{ me { name role } }'), ALL],
      ['REST GET /clusters', (r) => R(r, 'GET', '/clusters'), ALL],
      ['GraphQL clusters', (r) => G(r, '{ clusters { name } }'), ALL],
      ['REST GET /clusters/beta', (r) => R(r, 'GET', '/clusters/beta'), OUT_OF_READ_SCOPE],
      ['GraphQL cluster(beta)', (r) => G(r, '{ cluster(name: "beta") { name } }'), OUT_OF_READ_SCOPE],
      ['REST GET /services', (r) => R(r, 'GET', '/services'), ALL],
      ['GraphQL services', (r) => G(r, '{ services { totalCount } }'), ALL],
      ['REST GET service alpha/team-a/web', (r) => R(r, 'GET', '/clusters/alpha/namespaces/team-a/services/web'), ALL],
      ['REST GET service alpha/team-b/web', (r) => R(r, 'GET', '/clusters/alpha/namespaces/team-b/services/web'), OUT_OF_READ_SCOPE],
      ['REST GET service alpha/team-b/web/urls', (r) => R(r, 'GET', '/clusters/alpha/namespaces/team-b/services/web/urls'), OUT_OF_READ_SCOPE],
      ['GraphQL service alpha/team-a/web', (r) => G(r, '{ service(cluster: "alpha", namespace: "team-a", name: "web") { name } }'), ALL],
      ['GraphQL service alpha/team-b/web', (r) => G(r, '{ service(cluster: "alpha", namespace: "team-b", name: "web") { name } }'), OUT_OF_READ_SCOPE],
      ['GraphQL node(team-a service)', (r) => G(r, `{ node(id: "${ids.teamA}") { id } }`), ALL],
      ['GraphQL node(team-b service)', (r) => G(r, `{ node(id: "${ids.teamB}") { id } }`), OUT_OF_READ_SCOPE],
      ['REST GET /ingresses', (r) => R(r, 'GET', '/ingresses'), ALL],
      ['GraphQL ingresses', (r) => G(r, '{ ingresses { totalCount } }'), ALL],
      ['REST GET ingress alpha/team-b/site', (r) => R(r, 'GET', '/clusters/alpha/namespaces/team-b/ingresses/site'), OUT_OF_READ_SCOPE],
      ['GraphQL ingress alpha/team-b/site', (r) => G(r, '{ ingress(cluster: "alpha", namespace: "team-b", name: "site") { name } }'), OUT_OF_READ_SCOPE],
      ['REST GET /namespaces', (r) => R(r, 'GET', '/namespaces'), ALL],
      ['GraphQL namespaces', (r) => G(r, '{ namespaces { name } }'), ALL],
      ['REST GET /topology', (r) => R(r, 'GET', '/topology?cluster=alpha'), ALL],
      ['REST GET /topology of a team-b service', (r) => R(r, 'GET', '/topology?cluster=alpha&namespace=team-b&service=web'), OUT_OF_READ_SCOPE],
      // what-if reachability reads no cluster: every role
      ['REST POST /connectivity/analyze', (r) => R(r, 'POST', '/connectivity/analyze', { manifests: 'kind: Pod\nmetadata: { name: a }' }), ALL],
      ['GraphQL analyzeConnectivity', (r) => G(r, '{ analyzeConnectivity(manifests: "kind: Namespace\\nmetadata: { name: x }") { deniedPairs } }'), ALL],
      // live reachability reads the mirror: the catalog's read scope
      ['REST GET /clusters/alpha/connectivity', (r) => R(r, 'GET', '/clusters/alpha/connectivity'), ALL],
      ['REST GET /clusters/beta/connectivity', (r) => R(r, 'GET', '/clusters/beta/connectivity'), OUT_OF_READ_SCOPE],
      ['GraphQL connectivity(beta)', (r) => G(r, '{ connectivity(cluster: "beta") { cluster } }'), OUT_OF_READ_SCOPE],
      ['REST POST /clusters/beta/connectivity/what-if', (r) => R(r, 'POST', '/clusters/beta/connectivity/what-if', { manifests: 'kind: Namespace\nmetadata: { name: x }' }), OUT_OF_READ_SCOPE],
      ['REST GET reachable-from of alpha/team-b/web', (r) => R(r, 'GET', '/clusters/alpha/namespaces/team-b/services/web/reachable-from'), OUT_OF_READ_SCOPE],
      ['GraphQL topology', (r) => G(r, '{ topology(cluster: "alpha") { nodes { id } } }'), ALL],
      ['REST GET /diagnostics', (r) => R(r, 'GET', '/diagnostics'), ALL],
      ['GraphQL diagnostics', (r) => G(r, '{ diagnostics { totalCount } }'), ALL],
      ['REST GET /service-groups', (r) => R(r, 'GET', '/service-groups'), ALL],
      ['GraphQL serviceGroups', (r) => G(r, '{ serviceGroups { totalCount } }'), ALL],
      ['REST GET /metrics', (r) => api.fetch(`${api.url}/metrics`, { headers: as(r) }).then(async (res) => ({ status: res.status, body: await res.text() })), ALL],
      // admin reads
      ['REST GET /audit', (r) => R(r, 'GET', '/audit'), ADMIN_ONLY],
      ['GraphQL auditEvents', (r) => G(r, '{ auditEvents { totalCount } }'), ADMIN_ONLY],
      ['REST GET /tokens', (r) => R(r, 'GET', '/tokens'), ADMIN_ONLY],
      ['GraphQL tokens', (r) => G(r, '{ tokens { id } }'), ADMIN_ONLY],
      ['REST GET /grants', (r) => R(r, 'GET', '/grants'), ADMIN_ONLY],
      ['GraphQL grants', (r) => G(r, '{ grants { namespace } }'), ADMIN_ONLY],
      // self-service, in and out of the operator's grant (dry runs: nothing changes)
      ...mutationsAt('alpha', 'team-a', WRITE_IN_GRANT),
      ...mutationsAt('alpha', 'team-b', WRITE_OUTSIDE),
      ...mutationsAt('beta', 'team-a', WRITE_OUTSIDE),
      // cluster administration (inputs that fail validation or name nothing: past authorisation, nothing changes)
      ['REST POST /clusters', (r) => R(r, 'POST', '/clusters', { name: 'x' }), ADMIN_ONLY],
      ['GraphQL registerCluster', (r) => G(r, 'mutation { registerCluster(input: { name: "x" }) { name } }'), ADMIN_ONLY],
      ['REST POST /clusters/test', (r) => R(r, 'POST', '/clusters/test', { name: 'x' }), ADMIN_ONLY],
      ['GraphQL testClusterConnection', (r) => G(r, 'mutation { testClusterConnection(input: { name: "x" }) { outcome } }'), ADMIN_ONLY],
      ['REST PATCH /clusters/alpha', (r) => R(r, 'PATCH', '/clusters/alpha', { displayName: '' }), ADMIN_ONLY],
      ['GraphQL updateCluster', (r) => G(r, 'mutation { updateCluster(name: "alpha", input: { displayName: "" }) { name } }'), ADMIN_ONLY],
      ['REST DELETE /clusters/nope', (r) => R(r, 'DELETE', '/clusters/nope'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['GraphQL removeCluster', (r) => G(r, 'mutation { removeCluster(name: "nope") { name } }'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['REST POST /clusters/nope/resync', (r) => R(r, 'POST', '/clusters/nope/resync'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['GraphQL resyncCluster', (r) => G(r, 'mutation { resyncCluster(name: "nope") { name } }'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      // tokens and grants
      ['REST POST /tokens', (r) => R(r, 'POST', '/tokens', { name: 'x', role: 'nobody' }), ADMIN_ONLY],
      ['GraphQL createToken', (r) => G(r, 'mutation { createToken(input: { name: "", role: viewer }) { token } }'), ADMIN_ONLY],
      ['REST GET /tokens/{id}', (r) => R(r, 'GET', '/tokens/00000000-0000-4000-8000-000000000000'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['GraphQL token(id)', (r) => G(r, '{ token(id: "00000000-0000-4000-8000-000000000000") { id } }'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['REST DELETE /tokens/{id}', (r) => R(r, 'DELETE', '/tokens/00000000-0000-4000-8000-000000000000'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['GraphQL revokeToken', (r) => G(r, 'mutation { revokeToken(id: "00000000-0000-4000-8000-000000000000") { id } }'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['REST POST /grants', (r) => R(r, 'POST', '/grants', { token: '00000000-0000-4000-8000-000000000000', namespace: 'x' }), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['GraphQL createGrant', (r) => G(r, 'mutation { createGrant(input: { token: "00000000-0000-4000-8000-000000000000", namespace: "x" }) { id } }'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['REST DELETE /grants/{id}', (r) => R(r, 'DELETE', '/grants/00000000-0000-4000-8000-000000000000'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
      ['GraphQL deleteGrant', (r) => G(r, 'mutation { deleteGrant(id: "00000000-0000-4000-8000-000000000000") { id } }'), row('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND')],
    ];
  };

  it('answers every cell of the matrix as the roles and grants say', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const [name, run, expected] of cases()) {
      for (const role of ROLES) {
        cells++;
        const problem = check(`${name} as ${role}`, await run(role), expected[role]);
        if (problem) failures.push(problem);
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(350);
  });

  it('filters lists down to the read scope instead of refusing them', async () => {
    const namespaces = async (role: Role) => new Set(((await R(role, 'GET', '/services?namespace=team-a,team-b&limit=100')).body.items as { cluster: string; namespace: string }[]).map((s) => `${s.cluster}/${s.namespace}`));
    expect([...(await namespaces('viewer'))].sort()).toEqual(['alpha/team-a', 'alpha/team-b', 'beta/team-a', 'beta/team-b']);
    expect([...(await namespaces('scopedViewer'))]).toEqual(['alpha/team-a']);
    expect((await R('scopedViewer', 'GET', '/clusters')).body.map((c: { name: string }) => c.name)).toEqual(['alpha']);
    const ns = (await G('scopedViewer', '{ namespaces { cluster name } }')).body.namespaces as { cluster: string; name: string }[];
    expect(ns).toEqual([{ cluster: 'alpha', name: 'team-a' }]);
    const topo = (await R('scopedViewer', 'GET', '/topology?cluster=alpha')).body as { nodes: { kind: string; namespace: string | null }[] };
    expect(new Set(topo.nodes.filter((n) => n.namespace !== null).map((n) => n.namespace))).toEqual(new Set(['team-a']));
    expect(topo.nodes.some((n) => n.kind === 'Service')).toBe(true);
    const ingresses = (await G('scopedViewer', '{ ingresses { nodes { cluster namespace } } }')).body.ingresses.nodes as { cluster: string; namespace: string }[];
    expect(new Set(ingresses.map((i) => `${i.cluster}/${i.namespace}`))).toEqual(new Set(['alpha/team-a']));
    const diag = (await R('scopedViewer', 'GET', '/diagnostics?limit=100')).body.items as { object: { cluster: string; namespace: string } }[];
    expect(diag.every((d) => d.object.cluster === 'alpha' && d.object.namespace === 'team-a')).toBe(true);
  });

  it('a viewer cannot change anything anywhere, and an operator of alpha/team-a nothing outside it', async () => {
    const forbidden = await R('viewer', 'POST', '/clusters/alpha/namespaces/team-a/services', SERVICE_INPUT);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/needs the operator role; token "viewer" has the viewer role/);
    const outside = await R('operator', 'POST', '/clusters/alpha/namespaces/team-b/services', SERVICE_INPUT);
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe('token "team-a operator" may change services and ingresses in namespaces team-a in cluster alpha only; namespace "team-b" of cluster "alpha" is outside its grants');
    expect(outside.body.error.details).toEqual([{ field: 'namespace', rule: 'notGranted', message: expect.any(String) }]);
    const otherCluster = await R('operator', 'DELETE', '/clusters/beta/namespaces/team-a/services/web');
    expect(otherCluster.status).toBe(403);
    // Nothing happened in either cluster.
    expect(alpha.get('v1', 'Service', 'team-b', 'new-svc')).toBeUndefined();
    expect(beta.get('v1', 'Service', 'team-a', 'web')).toBeDefined();
    // Inside its grant it really works.
    const made = await R('operator', 'POST', '/clusters/alpha/namespaces/team-a/services', SERVICE_INPUT);
    expect(made.status).toBe(201);
    expect(alpha.get('v1', 'Service', 'team-a', 'new-svc')).toBeDefined();
    const audit = await R('admin', 'GET', '/audit?action=createService&limit=100');
    const rows = audit.body.items as { actor: string; namespace: string; outcome: string; errorCode: string | null; dryRun: boolean; actorRole: string }[];
    expect(rows.find((e) => !e.dryRun && e.outcome === 'SUCCEEDED' && e.namespace === 'team-a' && e.actor.startsWith('token:team-a operator'))?.actorRole).toBe('operator');
    expect(rows.some((e) => !e.dryRun && e.outcome === 'FAILED' && e.errorCode === 'FORBIDDEN' && e.namespace === 'team-b' && e.actor.startsWith('token:team-a operator'))).toBe(true);
  });
  it('holds every role, admin included, to the GraphQL alias and cost limits', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: system { version }`).join(' ')} }`;
    const costly = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: services(first: 100) { nodes { name namespace cluster uid type headless } }`).join(' ')} }`;
    for (const role of ROLES) {
      expect((await G(role, aliases)).code, role).toBe('TOO_MANY_ALIASES');
      expect((await G(role, costly)).code, role).toBe('QUERY_TOO_COSTLY');
    }
  });
});
