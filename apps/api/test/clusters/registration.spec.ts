import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { kubeconfigFor, type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { captureOutput } from './capture-output.js';
import { startForbiddingProxy } from './forbidding-proxy.js';

const CLUSTER_FIELDS = 'id name displayName server authKind context clusterDomain paused status labels { key value } syncStates { kind status objectCount }';

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('clusters: registration with a connection probe', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let alpha: SimCluster;
  let beta: SimCluster;
  let gamma: SimCluster;
  const output = captureOutput();
  const bodies: string[] = [];
  const count = () => api.database.prisma.cluster.count();
  const r = async (method: string, path: string, body?: unknown) => {
    const res = await rest(api, method, path, body);
    bodies.push(JSON.stringify(res.body));
    return res;
  };
  const g = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql(api, query, variables);
    bodies.push(JSON.stringify(res));
    return res;
  };

  beforeAll(async () => {
    [alpha, beta, gamma] = await Promise.all(['alpha', 'beta', 'gamma'].map((name) => startCluster({ name })));
    db = await createTestDatabase();
    // A service-account folder as Kubernetes mounts it, pointing at alpha.
    const saDir = path.join(db.dataDir, 'serviceaccount');
    await mkdir(saDir, { recursive: true });
    await writeFile(path.join(saDir, 'token'), `${alpha.token}\n`);
    await writeFile(path.join(saDir, 'ca.crt'), alpha.caData);
    const inCluster = { KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: new URL(alpha.url).port, SWITCHBOARD_SERVICE_ACCOUNT_DIR: saDir };
    // debug: the most log lines there are, all of which must stay free of credentials.
    api = await startTestApp(db.config({ LOG_LEVEL: 'debug', SYNC_LEASE_SECONDS: '3', ...inCluster }));
  });
  afterAll(async () => {
    await api?.close();
    output.stop();
    await Promise.all([alpha, beta, gamma].map((s) => s?.stop()));
    await db?.dispose();
  });

  it('registers from a kubeconfig over REST (name from the context) and never shows credentials', async () => {
    const res = await r('POST', '/clusters', { kubeconfig: alpha.kubeconfig(), labels: { environment: 'prod', region: 'eu-west-1', owner: 'team-a' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'alpha', displayName: 'alpha', authKind: 'KUBECONFIG', context: 'alpha', clusterDomain: 'cluster.local', paused: false, server: alpha.url });
    expect(res.body.labels).toEqual([
      { key: 'environment', value: 'prod' },
      { key: 'owner', value: 'team-a' },
      { key: 'region', value: 'eu-west-1' },
    ]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(alpha.token);
    expect(text).not.toContain('credentials');
  });

  it('registers several contexts of one kubeconfig over GraphQL, one cluster each', async () => {
    const kubeconfig = kubeconfigFor([beta, gamma].map((s) => ({ name: s.name, url: s.url, caData: s.caData, token: s.token })));
    const res = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { ${CLUSTER_FIELDS} } }`, {
      input: { kubeconfig, contexts: ['beta', 'gamma'], labels: [{ key: 'environment', value: 'staging' }], clusterDomain: 'corp.internal' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerCluster.map((c: { name: string }) => c.name)).toEqual(['beta', 'gamma']);
    expect(res.data.registerCluster.every((c: { clusterDomain: string }) => c.clusterDomain === 'corp.internal')).toBe(true);
    const list = await g(`{ clusters { name server } }`);
    expect(list.data.clusters.map((c: { name: string }) => c.name)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('answers one cluster for one context over REST, and an array for `contexts: [...]`', async () => {
    const kubeconfig = kubeconfigFor([beta, gamma].map((s) => ({ name: s.name, url: s.url, caData: s.caData, token: s.token })), 'beta');
    const one = await r('POST', '/clusters', { kubeconfig, context: 'gamma', name: 'gamma-one' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ name: 'gamma-one', context: 'gamma' });
    const listed = await r('POST', '/clusters', { kubeconfig, contexts: ['beta'], name: 'beta-listed' });
    expect(listed.status).toBe(201);
    expect(listed.body).toEqual([expect.objectContaining({ name: 'beta-listed', context: 'beta' })]);
    for (const name of ['gamma-one', 'beta-listed']) expect((await r('DELETE', `/clusters/${name}`)).status).toBe(200);
  });

  it('registers from server + token + CA over REST (base64 CA) and GraphQL (PEM CA)', async () => {
    const viaRest = await r('POST', '/clusters', { name: 'alpha-token', server: alpha.url, token: alpha.token, caData: Buffer.from(alpha.caData).toString('base64'), labels: { region: 'us-east-1' } });
    expect(viaRest.status).toBe(201);
    expect(viaRest.body).toMatchObject({ name: 'alpha-token', authKind: 'TOKEN', context: null });
    const viaGql = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name authKind displayName } }`, {
      input: { name: 'beta-token', displayName: 'Beta (token)', server: beta.url, token: beta.token, caData: beta.caData },
    });
    expect(viaGql.errors).toBeUndefined();
    expect(viaGql.data.registerCluster[0]).toEqual({ name: 'beta-token', authKind: 'TOKEN', displayName: 'Beta (token)' });
  });

  it('registers the cluster it runs in from the service account (inCluster)', async () => {
    const res = await r('POST', '/clusters', { name: 'home', inCluster: true, labels: { environment: 'prod' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'home', authKind: 'IN_CLUSTER', server: `https://127.0.0.1:${new URL(alpha.url).port}` });
    const mixed = await r('POST', '/clusters', { name: 'home2', inCluster: true, server: alpha.url, token: alpha.token });
    expect(mixed.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('accepts a read-only token (get/list/watch is all the catalog needs)', async () => {
    const res = await r('POST', '/clusters', { name: 'gamma-readonly', server: gamma.url, token: gamma.readOnlyToken, caData: gamma.caData });
    expect(res.status).toBe(201);
  });

  it('answers every probe failure precisely and writes nothing', async () => {
    const before = await count();
    const unreachable = await r('POST', '/clusters', { name: 'down', server: `https://127.0.0.1:${await freePort()}`, token: alpha.token, caData: alpha.caData });
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error.code).toBe('CLUSTER_UNREACHABLE');
    expect(unreachable.body.error.message).toMatch(/unreachable \(ECONNREFUSED\)/);

    const dns = await r('POST', '/clusters', { name: 'nowhere', server: 'https://no-such-host.invalid:6443', token: alpha.token });
    expect(dns.body.error.code).toBe('CLUSTER_UNREACHABLE');

    const wrongCa = await r('POST', '/clusters', { name: 'wrong-ca', server: alpha.url, token: alpha.token, caData: beta.caData });
    expect(wrongCa.status).toBe(502);
    expect(wrongCa.body.error.code).toBe('CLUSTER_TLS');
    expect(wrongCa.body.error.message).toMatch(/TLS/);
    expect(wrongCa.body.error.message).toMatch(/CA/);

    const badToken = await r('POST', '/clusters', { name: 'bad-token', server: alpha.url, token: 'not-the-token-at-all', caData: alpha.caData });
    expect(badToken.body.error.code).toBe('CLUSTER_UNAUTHORIZED');
    expect(badToken.body.error.message).toMatch(/401/);

    const gqlBadToken = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name } }`, {
      input: { name: 'bad-token', server: beta.url, token: `${beta.token}x`, caData: beta.caData },
    });
    expect(gqlBadToken.errors?.[0]?.extensions.code).toBe('CLUSTER_UNAUTHORIZED');

    expect(await count()).toBe(before);
    for (const res of [unreachable, dns, wrongCa, badToken]) expect(JSON.stringify(res.body)).not.toContain(alpha.token);
  });

  it('names every resource the credentials may not list or watch (403) and writes nothing', async () => {
    const before = await count();
    const proxy = await startForbiddingProxy(alpha, [
      { path: '/api/v1/services', verb: 'list', resource: 'services', group: '' },
      { path: '/apis/networking.k8s.io/v1/ingresses', verb: 'list', resource: 'ingresses', group: 'networking.k8s.io' },
      { path: '/api/v1/pods', verb: 'watch', resource: 'pods', group: '' },
    ]);
    try {
      const res = await r('POST', '/clusters', { kubeconfig: proxy.kubeconfig });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('CLUSTER_FORBIDDEN');
      expect(res.body.error.message).toContain('list/watch on services, ingresses.networking.k8s.io; watch on pods');
      expect(res.body.error.details.map((d: { message: string }) => d.message).sort()).toEqual([
        'missing list/watch on ingresses.networking.k8s.io',
        'missing list/watch on services',
        'missing watch on pods',
      ]);
      const viaGql = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name } }`, { input: { kubeconfig: proxy.kubeconfig } });
      expect(viaGql.errors?.[0]?.extensions.code).toBe('CLUSTER_FORBIDDEN');
    } finally {
      await proxy.stop();
    }
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate name with ALREADY_EXISTS', async () => {
    const res = await r('POST', '/clusters', { kubeconfig: alpha.kubeconfig() });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: [{ field: 'name' }] });
    const gqlRes = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name } }`, { input: { name: 'alpha', server: alpha.url, token: alpha.token, caData: alpha.caData } });
    expect(gqlRes.errors?.[0]?.extensions.code).toBe('ALREADY_EXISTS');
  });

  it('names every bad field with VALIDATION_FAILED and writes nothing', async () => {
    const before = await count();
    const res = await r('POST', '/clusters', { name: 'Bad_Name', server: 'ftp://x', clusterDomain: '-bad-', labels: { 'bad key!': 'v' }, displayName: 'x'.repeat(101) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    for (const f of ['name', 'server', 'token', 'clusterDomain', 'displayName']) expect(fields).toContain(f);
    expect(fields.some((f: string) => f.startsWith('labels'))).toBe(true);

    const none = await r('POST', '/clusters', {});
    expect(none.body.error.details).toContainEqual(expect.objectContaining({ field: 'kubeconfig', rule: 'required' }));

    const both = await r('POST', '/clusters', { name: 'both', kubeconfig: alpha.kubeconfig(), server: alpha.url, token: alpha.token });
    expect(both.body.error.details.map((d: { field: string }) => d.field)).toContain('server');

    const garbage = await r('POST', '/clusters', { name: 'garbage', kubeconfig: `apiVersion: v1\nclusters: [\n  token: ${alpha.token}` });
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.details[0].field).toBe('kubeconfig');

    const missingContext = await r('POST', '/clusters', { kubeconfig: alpha.kubeconfig(), context: 'nope' });
    expect(missingContext.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'context' }] });

    const gqlRes = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name } }`, { input: { name: 'x', server: alpha.url, clusterDomain: 'a..b' } });
    expect(gqlRes.errors?.[0]?.extensions.code).toBe('VALIDATION_FAILED');
    expect((gqlRes.errors?.[0]?.extensions.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['clusterDomain', 'token']);
    // GraphQL's own coercion errors would repeat a wrongly typed value (a parsed kubeconfig, a token object).
    const typed = await g(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name } }`, { input: { name: 'x', server: alpha.url, token: { value: alpha.token } } });
    expect(typed.errors?.[0]?.message).toContain('"input.token"');
    const literal = await g(`mutation { registerCluster(input: { name: "x", kubeconfig: 12345678987654321 }) { name } }`);
    expect(literal.errors?.[0]?.message).not.toContain('12345678987654321');
    expect(await count()).toBe(before);
  });

  it('stores credentials encrypted: the raw column holds neither the token nor the CA', async () => {
    const rows = await api.database.prisma.cluster.findMany({ select: { name: true, credentials: true } });
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const raw = Buffer.from(row.credentials);
      for (const secret of [alpha.token, beta.token, gamma.token, gamma.readOnlyToken]) {
        expect(raw.includes(Buffer.from(secret))).toBe(false);
        expect(raw.toString('base64')).not.toContain(Buffer.from(secret).toString('base64'));
      }
      expect(raw.toString('latin1')).not.toContain('BEGIN CERTIFICATE');
    }
  });

  it('no response body or log line contains a token, CA or kubeconfig', async () => {
    const logs = output.text();
    expect(logs.length).toBeGreaterThan(0);
    const all = bodies.join('\n') + logs;
    for (const s of [alpha, beta, gamma]) {
      expect(all).not.toContain(s.token);
      expect(all).not.toContain(s.readOnlyToken);
      expect(all).not.toContain(Buffer.from(s.caData).toString('base64'));
    }
    expect(all).not.toContain('BEGIN CERTIFICATE');
    expect(all).not.toContain('certificate-authority-data');
    expect(all).not.toContain('not-the-token-at-all');
  });
});
