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

type Url = { url: string; scope: string; via: string };
const RESULT = `dryRun replayed deleted notes changes { action kind namespace name summary manifest diff }
  service { name type clusterIP ports { name port nodePort targetPort } accessUrls { url scope via } }`;

const CREATE = `mutation($ns: String!, $input: CreateServiceInput!, $dryRun: Boolean, $key: String) {
  createService(cluster: "sim", namespace: $ns, input: $input, dryRun: $dryRun, idempotencyKey: $key) { ${RESULT} } }`;
const UPDATE = `mutation($ns: String!, $name: String!, $input: UpdateServiceInput!, $force: Boolean) {
  updateService(cluster: "sim", namespace: $ns, name: $name, input: $input, force: $force) { ${RESULT} } }`;
const EXPOSE = `mutation($ns: String!, $name: String!, $input: ExposeInput!, $dryRun: Boolean) {
  exposeService(cluster: "sim", namespace: $ns, name: $name, input: $input, dryRun: $dryRun) { ${RESULT} } }`;
const UNEXPOSE = `mutation($ns: String!, $name: String!, $input: UnexposeInput!) {
  unexposeService(cluster: "sim", namespace: $ns, name: $name, input: $input) { ${RESULT} } }`;
const DELETE = `mutation($ns: String!, $name: String!, $rv: String) { deleteService(cluster: "sim", namespace: $ns, name: $name, resourceVersion: $rv) { ${RESULT} } }`;

const web = (name: string, extra: Record<string, unknown> = {}) => ({ name, selector: [{ key: 'app', value: name }], ports: [{ name: 'http', port: 80, targetPort: '8080' }], ...extra });
const urls = (s: { accessUrls: Url[] }) => s.accessUrls.map((u) => u.url);

describe('self-service: services over GraphQL and REST against kube-sim, checked with kubectl', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let kubectl: Kubectl;
  const kubectlDir = mkdtempSync(join(tmpdir(), 'switchboard-ss-'));

  beforeAll(async () => {
    sim = await startCluster({ name: 'sim', scenario: 'seed', nodes: 2, nodeAddressBase: { internal: '10.0.0.', external: '203.0.113.' }, bookmarkIntervalMs: 500 });
    for (const ns of ['team-a', 'team-b']) await sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    kubectl = new Kubectl(sim.kubeconfig());
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    await registerCluster(api, 'sim', sim.kubeconfig());
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
    kubectl?.dispose();
    rmSync(kubectlDir, { recursive: true, force: true });
  });

  it('creates my-app, exposes it through an ingress with TLS and answers with https://<host>/<path> (GraphQL)', async () => {
    const created = await gql(api, CREATE, { ns: 'team-a', input: web('my-app') });
    expect(created.errors).toBeUndefined();
    const svc = created.data.createService.service;
    expect(svc).toMatchObject({ name: 'my-app', type: 'ClusterIP' });
    expect(urls(svc)).toContain('http://my-app.team-a.svc.cluster.local:80');
    expect(created.data.createService.changes).toEqual([expect.objectContaining({ action: 'CREATE', kind: 'Service', namespace: 'team-a', name: 'my-app' })]);

    const live = await kubectl.getJson('service', 'team-a', 'my-app');
    expect(live.spec.ports[0]).toMatchObject({ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' });
    expect(live.spec.clusterIP).toBe(svc.clusterIP);

    const exposed = await gql(api, EXPOSE, { ns: 'team-a', name: 'my-app', input: { via: 'INGRESS', host: 'my-app.example.com', path: '/shop', tls: { secretName: 'my-app-tls' } } });
    expect(exposed.errors).toBeUndefined();
    expect(urls(exposed.data.exposeService.service)).toContain('https://my-app.example.com/shop');
    expect(exposed.data.exposeService.changes[0]).toMatchObject({ action: 'CREATE', kind: 'Ingress', name: 'my-app' });
    const ingress = await kubectl.getJson('ingress', 'team-a', 'my-app');
    expect(ingress.spec.rules).toEqual([{ host: 'my-app.example.com', http: { paths: [{ path: '/shop', pathType: 'Prefix', backend: { service: { name: 'my-app', port: { number: 80 } } } }] } }]);
    expect(ingress.spec.tls).toEqual([{ hosts: ['my-app.example.com'], secretName: 'my-app-tls' }]);

    // The watch confirms: the catalog still has exactly this after sync has seen the writes.
    const after = await gql(api, `{ service(cluster: "sim", namespace: "team-a", name: "my-app") { accessUrls { url } ingresses { name } } }`);
    expect(after.data.service.ingresses).toEqual([{ name: 'my-app' }]);
  });

  it('does the same over REST', async () => {
    const created = await rest(api, 'POST', '/clusters/sim/namespaces/team-b/services', { name: 'my-app', selector: { app: 'my-app' }, ports: [{ port: 8080 }] });
    expect(created.status).toBe(201);
    expect(created.body.service.accessUrls.map((u: Url) => u.url)).toContain('http://my-app.team-b.svc.cluster.local:8080');
    const exposed = await rest(api, 'POST', '/clusters/sim/namespaces/team-b/services/my-app/expose', { via: 'INGRESS', host: 'b.example.com', path: '/api', tls: { secretName: 'b-tls' } });
    expect(exposed.status).toBe(200);
    expect(exposed.body.service.accessUrls.map((u: Url) => u.url)).toContain('https://b.example.com/api');
    expect(await kubectl.names('ingresses', 'team-b')).toEqual(['my-app']);
  });

  it('dry runs validate on the cluster, return YAML and a diff, and change nothing', async () => {
    const dry = await gql(api, CREATE, { ns: 'team-a', input: web('dry-one'), dryRun: true });
    expect(dry.errors).toBeUndefined();
    const change = dry.data.createService.changes[0];
    expect(dry.data.createService).toMatchObject({ dryRun: true, service: null });
    expect(change.action).toBe('CREATE');
    expect(change.manifest).toContain('kind: Service');
    expect(change.manifest).toContain('name: dry-one');
    expect(change.diff).toMatch(/^\+ /);
    expect(await kubectl.getJson('service', 'team-a', 'dry-one')).toBeUndefined();
    expect((await rest(api, 'GET', '/clusters/sim/namespaces/team-a/services/dry-one')).status).toBe(404);

    // An update dry run shows the field that would change, and the service keeps its type.
    const upd = await rest(api, 'POST', '/clusters/sim/namespaces/team-a/services/my-app/expose?dryRun=true', { via: 'NODE_PORT', nodePort: 31555 });
    expect(upd.status).toBe(200);
    expect(upd.body.changes[0].diff).toContain('~ spec.type: "ClusterIP" → "NodePort"');
    expect(upd.body.changes[0].diff).toContain('31555');
    expect((await kubectl.getJson('service', 'team-a', 'my-app')).spec.type).toBe('ClusterIP');
  });

  it('exposes as NodePort with a fixed port and as LoadBalancer, and takes it back', async () => {
    await gql(api, CREATE, { ns: 'team-a', input: web('np-app') });
    const np = await gql(api, EXPOSE, { ns: 'team-a', name: 'np-app', input: { via: 'NODE_PORT', nodePort: 31234 } });
    expect(np.errors).toBeUndefined();
    expect(np.data.exposeService.service.ports[0].nodePort).toBe(31234);
    expect(urls(np.data.exposeService.service)).toEqual(expect.arrayContaining(['http://203.0.113.10:31234', 'http://10.0.0.10:31234']));
    expect((await kubectl.getJson('service', 'team-a', 'np-app')).spec).toMatchObject({ type: 'NodePort', ports: [expect.objectContaining({ nodePort: 31234 })] });

    const lb = await gql(api, EXPOSE, { ns: 'team-a', name: 'np-app', input: { via: 'LOAD_BALANCER' } });
    expect(lb.errors).toBeUndefined();
    expect(lb.data.exposeService.service.type).toBe('LoadBalancer');
    await waitFor(async () => {
      const r = await gql(api, `{ service(cluster: "sim", namespace: "team-a", name: "np-app") { accessUrls { via } } }`);
      return r.data.service.accessUrls.some((u: { via: string }) => u.via === 'LOAD_BALANCER');
    }, 'load balancer address in the catalog');

    const back = await gql(api, UNEXPOSE, { ns: 'team-a', name: 'np-app', input: { via: 'LOAD_BALANCER' } });
    expect(back.errors).toBeUndefined();
    expect(back.data.unexposeService.service.type).toBe('ClusterIP');
    const live = await kubectl.getJson('service', 'team-a', 'np-app');
    expect(live.spec.type).toBe('ClusterIP');
    expect(live.spec.ports[0].nodePort).toBeUndefined();
  });

  it('updates ports and labels, refuses a stale resourceVersion with CONFLICT and headless changes with RECREATE_REQUIRED', async () => {
    await gql(api, CREATE, { ns: 'team-a', input: web('upd-app') });
    const rv = (await kubectl.getJson('service', 'team-a', 'upd-app')).metadata.resourceVersion;
    const ok = await gql(api, UPDATE, { ns: 'team-a', name: 'upd-app', input: { ports: [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }], labels: [{ key: 'team', value: 'a' }], resourceVersion: rv } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateService.service.ports.map((p: { port: number }) => p.port)).toEqual([8080, 9090]);
    const live = await kubectl.getJson('service', 'team-a', 'upd-app');
    expect(live.metadata.labels).toEqual({ team: 'a' });
    expect(live.spec.selector).toEqual({ app: 'upd-app' });

    const stale = await gql(api, UPDATE, { ns: 'team-a', name: 'upd-app', input: { labels: [{ key: 'team', value: 'b' }], resourceVersion: rv } });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await kubectl.getJson('service', 'team-a', 'upd-app')).metadata.labels).toEqual({ team: 'a' });

    const headless = await rest(api, 'PATCH', '/clusters/sim/namespaces/team-a/services/upd-app', { headless: true });
    expect(headless.status).toBe(422);
    expect(headless.body.error.code).toBe('RECREATE_REQUIRED');
    expect(headless.body.error.details[0]).toMatchObject({ field: 'headless', rule: 'immutable' });
  });

  it('reports fields another field manager owns as FIELD_MANAGER_CONFLICT, and takes them over with force', async () => {
    await gql(api, CREATE, { ns: 'team-a', input: web('gitops-app') });
    // A GitOps tool owns the label `team` through its own server-side apply.
    const manifest = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'gitops-app', namespace: 'team-a', labels: { team: 'gitops' } } });
    const file = join(kubectlDir, 'gitops-app.json');
    writeFileSync(file, manifest);
    const applied = await kubectl.run('apply', '--server-side', '--field-manager=gitops', '--validate=false', '-f', file);
    expect(applied.stderr).toBe('');

    const conflict = await gql(api, UPDATE, { ns: 'team-a', name: 'gitops-app', input: { labels: [{ key: 'team', value: 'platform' }] } });
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'FIELD_MANAGER_CONFLICT', details: [expect.objectContaining({ field: 'labels.team', rule: 'fieldManagerConflict' })] });
    expect(conflict.errors?.[0]?.message).toContain('"gitops"');
    expect((await kubectl.getJson('service', 'team-a', 'gitops-app')).metadata.labels).toEqual({ team: 'gitops' });

    const forced = await gql(api, UPDATE, { ns: 'team-a', name: 'gitops-app', input: { labels: [{ key: 'team', value: 'platform' }] }, force: true });
    expect(forced.errors).toBeUndefined();
    const live = await kubectl.getJson('service', 'team-a', 'gitops-app');
    expect(live.metadata.labels).toEqual({ team: 'platform' });
    const shown = JSON.parse((await kubectl.run('get', 'service', 'gitops-app', '-n', 'team-a', '-o', 'json', '--show-managed-fields')).stdout);
    const managers = shown.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`);
    // Forced: the label moved to switchboard, and gitops (which owned nothing else) no longer appears.
    expect(managers).toEqual(['switchboard/Apply']);
  });

  it('an idempotency key makes a retry return the first answer instead of acting twice', async () => {
    const input = web('idem-app');
    const first = await gql(api, CREATE, { ns: 'team-a', input, key: 'create-idem-app-1' });
    expect(first.errors).toBeUndefined();
    const again = await gql(api, CREATE, { ns: 'team-a', input, key: 'create-idem-app-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data.createService).toMatchObject({ replayed: true, changes: first.data.createService.changes });
    expect(again.data.createService.service.clusterIP).toBe(first.data.createService.service.clusterIP);
    // Without the key the same request is a duplicate.
    expect((await gql(api, CREATE, { ns: 'team-a', input })).errors?.[0]?.extensions.code).toBe('ALREADY_EXISTS');
    // The key with another request is refused.
    const other = await gql(api, CREATE, { ns: 'team-a', input: web('idem-other'), key: 'create-idem-app-1' });
    expect(other.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await kubectl.getJson('service', 'team-a', 'idem-other')).toBeUndefined();

    const restFirst = await rest(api, 'POST', '/clusters/sim/namespaces/team-b/services', { name: 'idem-rest', ports: [{ port: 80 }] }, { 'idempotency-key': 'k-rest' });
    const restAgain = await rest(api, 'POST', '/clusters/sim/namespaces/team-b/services', { name: 'idem-rest', ports: [{ port: 80 }] }, { 'idempotency-key': 'k-rest' });
    expect([restFirst.status, restAgain.status]).toEqual([201, 200]);
    expect(restAgain.body.replayed).toBe(true);
  });

  it('deletes a service (and only the incarnation asked for)', async () => {
    await gql(api, CREATE, { ns: 'team-a', input: web('del-app') });
    const stale = await gql(api, DELETE, { ns: 'team-a', name: 'del-app', rv: '1' });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const del = await gql(api, DELETE, { ns: 'team-a', name: 'del-app' });
    expect(del.errors).toBeUndefined();
    expect(del.data.deleteService).toMatchObject({ deleted: true, service: null, changes: [expect.objectContaining({ action: 'DELETE' })] });
    expect(await kubectl.getJson('service', 'team-a', 'del-app')).toBeUndefined();
    expect((await rest(api, 'GET', '/clusters/sim/namespaces/team-a/services/del-app')).status).toBe(404);
    expect((await gql(api, DELETE, { ns: 'team-a', name: 'del-app' })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('records every mutation of this file in the audit log: successes with their diff, dry runs, replays and failures', async () => {
    const all = await rest(api, 'GET', '/audit?limit=100');
    expect(all.status).toBe(200);
    const events: { action: string; name: string | null; namespace: string | null; outcome: string; dryRun: boolean; errorCode: string | null; diff: string | null }[] = all.body.items;
    expect(all.body.totalCount).toBe(events.length);
    const find = (f: Partial<(typeof events)[number]>) => events.filter((e) => Object.entries(f).every(([k, v]) => (e as Record<string, unknown>)[k] === v));
    expect(find({ action: 'createService', namespace: 'team-a', name: 'my-app', outcome: 'SUCCEEDED', dryRun: false })[0]?.diff).toContain('+ (object)');
    expect(find({ action: 'exposeService', namespace: 'team-a', name: 'my-app', outcome: 'SUCCEEDED', dryRun: false })[0]?.diff).toContain('Ingress team-a/my-app (CREATE)');
    expect(find({ action: 'createService', name: 'dry-one', dryRun: true, outcome: 'SUCCEEDED' })).toHaveLength(1);
    expect(find({ action: 'updateService', name: 'upd-app', outcome: 'FAILED', errorCode: 'CONFLICT' })).toHaveLength(1);
    expect(find({ action: 'updateService', name: 'gitops-app', outcome: 'FAILED', errorCode: 'FIELD_MANAGER_CONFLICT' })).toHaveLength(1);
    expect(find({ action: 'createService', name: 'idem-app', outcome: 'REPLAYED' })).toHaveLength(1);
    expect(find({ action: 'deleteService', name: 'del-app', outcome: 'SUCCEEDED' })).toHaveLength(1);
    // Newest first, and the GraphQL view agrees.
    const gq = await gql(api, `{ auditEvents(first: 100, outcome: FAILED) { totalCount nodes { action errorCode } } }`);
    expect(gq.data.auditEvents.totalCount).toBe(events.filter((e) => e.outcome === 'FAILED').length);
  });
});
