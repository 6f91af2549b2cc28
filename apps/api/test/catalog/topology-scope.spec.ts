import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../support/api-client.js';
import { insertCluster, insertPods, insertService, serviceRecord } from '../support/seed-catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

type Graph = { nodes: { id: string; kind: string; namespace: string | null }[] };

/**
 * The topology's size limit (20,000 services and pods) and its contents are computed
 * within the caller's read scope: a viewer limited to one namespace gets that
 * namespace's graph however crowded the rest of the cluster is, and learns nothing of
 * the rest — not even how much of it there is.
 */
describe('topology within the caller’s read scope', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    const d = api.database;
    const big = await insertCluster(d, 'big');
    await insertPods(d, big, 'crowded', 'filler', 20_001);
    await insertService(d, big, serviceRecord('team-a', 'web'));
    await insertPods(d, big, 'team-a', 'web', 2);
    await insertService(d, await insertCluster(d, 'elsewhere'), serviceRecord('team-a', 'api'));
    const token = (await rest(api, 'POST', '/tokens', { name: 'team-a', role: 'viewer', readScope: 'GRANTS', grants: [{ cluster: 'big', namespace: 'team-a' }] })).body.token as string;
    viewer = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('refuses the whole cluster to a caller who sees all of it', async () => {
    const res = await rest(api, 'GET', '/topology?cluster=big');
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'namespace', rule: 'tooLarge' })]);
  });

  it('draws the namespaces a scoped viewer may read, however large the cluster (REST)', async () => {
    const res = await rest<Graph>(api, 'GET', '/topology?cluster=big', undefined, viewer);
    expect(res.status).toBe(200);
    const namespaced = res.body.nodes.filter((n) => n.namespace !== null);
    expect(namespaced.length).toBeGreaterThan(0);
    expect(new Set(namespaced.map((n) => n.namespace))).toEqual(new Set(['team-a']));
    expect(res.body.nodes.map((n) => n.id)).toContain('svc:big/team-a/web');
    expect(JSON.stringify(res.body)).not.toContain('crowded');
  });

  it('draws only the clusters a scoped viewer may read (GraphQL, no cluster named)', async () => {
    const res = await gql(api, '{ topology { nodes { id kind namespace } } }', {}, viewer);
    expect(res.errors).toBeUndefined();
    const ids = (res.data.topology as Graph).nodes.map((n) => n.id);
    expect(ids).toContain('svc:big/team-a/web');
    expect(ids.some((id) => id.includes('elsewhere'))).toBe(false);
    expect(ids.some((id) => id.includes('crowded'))).toBe(false);
  });
});
