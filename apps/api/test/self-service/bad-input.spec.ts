import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { Kubectl } from '../support/kubectl.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { registerCluster } from '../support/register-cluster.js';
import { startFailingRelay } from './failing-relay.js';

type ErrorBody = { error: { code: string; message: string; details: { field: string; rule?: string; message: string }[] } };

/**
 * Every bad input of issue #6: a clear error naming the field and the rule, over REST
 * and GraphQL alike, and nothing left behind in the cluster (checked with kubectl).
 */
describe('self-service: bad input leaves nothing behind', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let kubectl: Kubectl;
  let relay: Awaited<ReturnType<typeof startFailingRelay>>;
  let before: { services: string[]; ingresses: string[] };

  const state = async () => ({ services: await kubectl.names('services', 'team-a'), ingresses: await kubectl.names('ingresses', 'team-a') });
  const post = (path: string, body: unknown) => rest<ErrorBody>(api, 'POST', `/clusters/sim/namespaces/team-a${path}`, body);

  beforeAll(async () => {
    sim = await startCluster({ name: 'sim', scenario: 'seed', nodes: 1 });
    await sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'existing', namespace: 'team-a' }, spec: { selector: { app: 'existing' }, ports: [{ port: 80 }] } });
    kubectl = new Kubectl(sim.kubeconfig());
    relay = await startFailingRelay(sim);
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    // Through the relay, so a test can make the cluster fail half-way through a change.
    await registerCluster(api, 'sim', relay.kubeconfig);
    before = await state();
  });
  afterAll(async () => {
    await api?.close();
    await relay?.stop();
    await sim?.stop();
    await db?.dispose();
    kubectl?.dispose();
  });

  const cases: [string, string, unknown, number, string, { field: string; rule: string }[]][] = [
    ['invalid name', '/services', { name: 'My_App', ports: [{ port: 80 }] }, 422, 'VALIDATION_FAILED', [{ field: 'name', rule: 'dns1035Label' }]],
    ['too-long name', '/services', { name: 'a'.repeat(64), ports: [{ port: 80 }] }, 422, 'VALIDATION_FAILED', [{ field: 'name', rule: 'tooLong' }]],
    ['port 0 and 70000 at once', '/services', { name: 'ports', ports: [{ name: 'a', port: 0 }, { name: 'b', port: 70000 }] }, 422, 'VALIDATION_FAILED', [{ field: 'ports[0].port', rule: 'range' }, { field: 'ports[1].port', rule: 'range' }]],
    ['node port out of range', '/services', { name: 'np', type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] }, 422, 'VALIDATION_FAILED', [{ field: 'ports[0].nodePort', rule: 'range' }]],
    ['node port already taken (the cluster says so)', '/services', { name: 'np-taken', type: 'NodePort', ports: [{ port: 80, nodePort: 30007 }] }, 422, 'VALIDATION_FAILED', [{ field: 'ports[0].nodePort', rule: 'allocated' }]],
    ['duplicate service', '/services', { name: 'existing', ports: [{ port: 80 }] }, 409, 'ALREADY_EXISTS', [{ field: 'name', rule: 'duplicate' }]],
    ['ExternalName with selector and ports', '/services', { name: 'ext', type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'x' }, ports: [{ port: 80 }] }, 422, 'VALIDATION_FAILED', [{ field: 'selector', rule: 'forbidden' }, { field: 'ports', rule: 'forbidden' }]],
    ['headless NodePort', '/services', { name: 'hl', type: 'NodePort', headless: true, ports: [{ port: 80 }] }, 422, 'VALIDATION_FAILED', [{ field: 'headless', rule: 'forbidden' }]],
    ['ingress path without a leading slash', '/ingresses', { name: 'ing', rules: [{ host: 'a.example.com', paths: [{ path: 'api', pathType: 'Prefix', service: 'existing', port: 80 }] }] }, 422, 'VALIDATION_FAILED', [{ field: 'rules[0].paths[0].path', rule: 'absolutePath' }]],
    ['invalid host', '/ingresses', { name: 'ing', rules: [{ host: 'Bad_Host!', paths: [{ path: '/', pathType: 'Prefix', service: 'existing', port: 80 }] }] }, 422, 'VALIDATION_FAILED', [{ field: 'rules[0].host', rule: 'dns1123Subdomain' }]],
    ['TLS host not in any rule', '/ingresses', { name: 'ing', rules: [{ host: 'a.example.com', paths: [{ path: '/', pathType: 'Prefix', service: 'existing', port: 80 }] }], tls: [{ hosts: ['b.example.com'], secretName: 's' }] }, 422, 'VALIDATION_FAILED', [{ field: 'tls[0].hosts[0]', rule: 'hostNotInRules' }]],
    ['expose with a path without a leading slash', '/services/existing/expose', { via: 'INGRESS', host: 'x.example.com', path: 'nope' }, 422, 'VALIDATION_FAILED', [{ field: 'path', rule: 'absolutePath' }]],
    ['expose with a node port outside the range', '/services/existing/expose', { via: 'NODE_PORT', nodePort: 80 }, 422, 'VALIDATION_FAILED', [{ field: 'nodePort', rule: 'range' }]],
    ['expose with TLS but no host', '/services/existing/expose', { via: 'INGRESS', tls: { secretName: 's' } }, 422, 'VALIDATION_FAILED', [{ field: 'host', rule: 'required' }]],
  ];

  it.each(cases)('%s → %s %s naming the field, nothing created', async (_what, path, body, status, code, fields) => {
    const res = await post(path, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    for (const f of fields) expect(res.body.error.details).toContainEqual(expect.objectContaining(f));
    for (const d of res.body.error.details) expect(d.message).toBeTruthy();
    expect(await state()).toEqual(before);
  });

  it('GraphQL gives the same codes and fields in extensions', async () => {
    const r = await gql(api, `mutation { createService(cluster: "sim", namespace: "team-a", input: { name: "np2", type: NodePort, ports: [{ port: 80, nodePort: 30007 }] }) { service { name } } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'ports[0].nodePort', rule: 'allocated' })] });
    expect(r.errors?.[0]?.message).toContain('provided port is already allocated');
    const dup = await gql(api, `mutation { createService(cluster: "sim", namespace: "team-a", input: { name: "dup", ports: [{ port: 80 }], labels: [{ key: "a", value: "1" }, { key: "a", value: "2" }] }) { service { name } } }`);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'labels[1].key', rule: 'duplicate' })] });
    expect(await state()).toEqual(before);
  });

  it('unknown cluster or namespace → NOT_FOUND naming it', async () => {
    const cluster = await rest<ErrorBody>(api, 'POST', '/clusters/nope/namespaces/team-a/services', { name: 'x', ports: [{ port: 80 }] });
    expect(cluster.status).toBe(404);
    expect(cluster.body.error).toMatchObject({ code: 'NOT_FOUND', details: [expect.objectContaining({ field: 'cluster' })] });
    const ns = await rest<ErrorBody>(api, 'POST', '/clusters/sim/namespaces/nowhere/services', { name: 'x', ports: [{ port: 80 }] });
    expect(ns.status).toBe(404);
    expect(ns.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'namespace "nowhere" not found in cluster "sim"', details: [expect.objectContaining({ field: 'namespace' })] });
    const bad = await rest<ErrorBody>(api, 'POST', '/clusters/sim/namespaces/Bad_NS/services', { name: 'x', ports: [{ port: 80 }] });
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ field: 'namespace', rule: 'dns1123Label' }));
  });

  it('a cluster that is down answers CLUSTER_UNREACHABLE and nothing is created', async () => {
    await sim.faults.down();
    try {
      const res = await post('/services', { name: 'while-down', ports: [{ port: 80 }] });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toMatch(/^CLUSTER_/);
    } finally {
      await sim.faults.up();
    }
    expect(await state()).toEqual(before);
  });

  it('a multi-object change that fails half-way is rolled back', async () => {
    // Two ingresses route to `existing`; taking the ingress exposure back deletes both.
    for (const [host, ingressName] of [['one.example.com', 'one'], ['two.example.com', 'two']]) {
      expect((await post('/services/existing/expose', { via: 'INGRESS', host, ingressName })).status).toBe(200);
    }
    const exposed = await state();
    expect(exposed.ingresses).toEqual(['one', 'two']);

    relay.failOneWriteAfter(1); // the first delete goes through, the second fails
    const res = await post('/services/existing/unexpose', { via: 'INGRESS' });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('CLUSTER_ERROR');
    expect(res.body.error.message).toContain('rolled back');
    expect(await state()).toEqual(exposed);
    const one = await kubectl.getJson('ingress', 'team-a', 'one');
    expect(one.spec.rules[0].host).toBe('one.example.com');

    // Healthy again, the same request does it all.
    expect((await post('/services/existing/unexpose', { via: 'INGRESS' })).status).toBe(200);
    expect((await state()).ingresses).toEqual([]);
  });

  it('a change left half-done keeps its idempotency key: a retry replays the failure instead of acting again', async () => {
    for (const [host, ingressName] of [['three.example.com', 'three'], ['four.example.com', 'four']]) {
      expect((await post('/services/existing/expose', { via: 'INGRESS', host, ingressName })).status).toBe(200);
    }
    const unexpose = (key: string) => rest<ErrorBody>(api, 'POST', '/clusters/sim/namespaces/team-a/services/existing/unexpose', { via: 'INGRESS' }, { 'idempotency-key': key });

    relay.failWritesAfter(1, 2); // the first delete goes through; the second fails, and so does putting the first back
    const first = await unexpose('half-done');
    expect(first.status).toBe(500);
    expect(first.body.error.code).toBe('PARTIALLY_APPLIED');
    const left = await state();
    expect(left.ingresses).toHaveLength(1);

    const retry = await unexpose('half-done');
    expect(retry.status).toBe(500);
    expect(retry.body.error).toEqual(first.body.error);
    expect(await state()).toEqual(left);
    const audit = (await rest(api, 'GET', '/audit?action=unexposeService&limit=2')).body.items as { outcome: string; errorCode: string }[];
    expect(audit.map((e) => [e.outcome, e.errorCode])).toEqual([
      ['REPLAYED', 'PARTIALLY_APPLIED'],
      ['FAILED', 'PARTIALLY_APPLIED'],
    ]);

    // A failure before anything was applied frees its key: the retry really runs.
    relay.failWritesAfter(0, 1);
    expect((await unexpose('nothing-done')).body.error.code).toBe('CLUSTER_ERROR');
    expect(await state()).toEqual(left);
    expect((await unexpose('nothing-done')).status).toBe(200);
    expect((await state()).ingresses).toEqual([]);
  });

  it('every refused request is in the audit log as FAILED with its code', async () => {
    const failed = await rest(api, 'GET', '/audit?outcome=FAILED&limit=100');
    const codes = (failed.body.items as { errorCode: string; action: string }[]).map((e) => e.errorCode);
    // The table above, the GraphQL pair, the three address checks, the cluster that was down and the half-way failure.
    expect(failed.body.totalCount).toBeGreaterThanOrEqual(cases.length + 2 + 3 + 1 + 1);
    for (const [, , , , code] of cases) expect(codes).toContain(code);
    expect(codes).toEqual(expect.arrayContaining(['NOT_FOUND', 'CLUSTER_ERROR']));
    expect(codes.filter((c) => /^CLUSTER_UNREACHABLE|^CLUSTER_ERROR/.test(c)).length).toBeGreaterThanOrEqual(2);
  });
});
