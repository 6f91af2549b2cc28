import { kubeconfigFor, type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { startForbiddingProxy } from './forbidding-proxy.js';

const TEST_FIELDS = 'name context server outcome errorCode message forbidden';

describe('clusters: the connection test registers nothing and answers with a verdict per cluster', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let alpha: SimCluster;
  let beta: SimCluster;
  const count = () => api.database.prisma.cluster.count();

  beforeAll(async () => {
    [alpha, beta] = await Promise.all(['alpha', 'beta'].map((name) => startCluster({ name })));
    db = await createTestDatabase();
    api = await startTestApp(db.config({}));
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([alpha, beta].map((s) => s?.stop()));
    await db?.dispose();
  });

  it('tests each chosen context of a kubeconfig over GraphQL: OK, or TLS with the CA named', async () => {
    // beta's context carries alpha's CA: a certificate the client must refuse.
    const kubeconfig = kubeconfigFor([
      { name: 'alpha', url: alpha.url, caData: alpha.caData, token: alpha.token },
      { name: 'beta', url: beta.url, caData: alpha.caData, token: beta.token },
    ]);
    const res = await gql(api, `mutation($input: RegisterClusterInput!) { testClusterConnection(input: $input) { ${TEST_FIELDS} } }`, { input: { kubeconfig, contexts: ['alpha', 'beta'] } });
    expect(res.errors).toBeUndefined();
    expect(res.data.testClusterConnection).toEqual([
      { name: 'alpha', context: 'alpha', server: alpha.url, outcome: 'OK', errorCode: null, message: expect.stringContaining('every synced kind'), forbidden: [] },
      { name: 'beta', context: 'beta', server: beta.url, outcome: 'TLS', errorCode: 'CLUSTER_TLS', message: expect.stringMatching(/TLS.*CA/), forbidden: [] },
    ]);
    expect(JSON.stringify(res)).not.toContain(alpha.token);
    expect(await count()).toBe(0);
  });

  it('answers UNAUTHORIZED and FORBIDDEN (naming the resources) over REST, storing nothing', async () => {
    const bad = await rest(api, 'POST', '/clusters/test', { name: 'bad-token', server: alpha.url, token: 'not-the-token', caData: alpha.caData });
    expect(bad.status).toBe(200);
    expect(bad.body).toEqual([expect.objectContaining({ name: 'bad-token', context: null, outcome: 'UNAUTHORIZED', errorCode: 'CLUSTER_UNAUTHORIZED' })]);

    const proxy = await startForbiddingProxy(alpha, [{ path: '/api/v1/pods', verb: 'watch', resource: 'pods', group: '' }]);
    try {
      const forbidden = await rest(api, 'POST', '/clusters/test', { kubeconfig: proxy.kubeconfig });
      expect(forbidden.status).toBe(200);
      expect(forbidden.body[0]).toMatchObject({ outcome: 'FORBIDDEN', errorCode: 'CLUSTER_FORBIDDEN', forbidden: ['missing watch on pods'] });
    } finally {
      await proxy.stop();
    }
    expect(await count()).toBe(0);
  });

  it('refuses bad input and taken names as registration does, and audits each test', async () => {
    const unreadable = await rest(api, 'POST', '/clusters/test', { kubeconfig: 'apiVersion: [' });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.details[0].field).toBe('kubeconfig');

    expect((await rest(api, 'POST', '/clusters', { kubeconfig: alpha.kubeconfig() })).status).toBe(201);
    const taken = await rest(api, 'POST', '/clusters/test', { kubeconfig: alpha.kubeconfig() });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: [{ field: 'name' }] });

    const viewer = await rest(api, 'POST', '/tokens', { name: 'viewer', role: 'viewer' });
    const refused = await rest(api, 'POST', '/clusters/test', { kubeconfig: beta.kubeconfig() }, { authorization: `Bearer ${viewer.body.token}` });
    expect(refused.status).toBe(403);

    const audit = await rest(api, 'GET', '/audit?action=testClusterConnection&limit=10');
    expect(audit.body.items.map((e: { outcome: string; errorCode: string | null }) => `${e.outcome} ${e.errorCode ?? ''}`.trim())).toEqual([
      'FAILED FORBIDDEN',
      'FAILED ALREADY_EXISTS',
      'FAILED VALIDATION_FAILED',
      'SUCCEEDED',
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
  });
});
