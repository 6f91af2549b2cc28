import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from '../src/index.js';

type Res = { status: number; body: any };

describe('server-side apply with managed fields', () => {
  let sim: SimCluster;
  const call = (method: string, path: string, body?: unknown, contentType = 'application/apply-patch+yaml'): Promise<Res> =>
    new Promise((resolve, reject) => {
      const url = new URL(sim.url + path);
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(url, { method, ca: sim.caData, headers: { authorization: `Bearer ${sim.token}`, ...(data ? { 'content-type': contentType } : {}) } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      });
      req.on('error', reject);
      req.end(data);
    });
  const svc = (labels: Record<string, string>, ports: object[] = [{ name: 'http', port: 80 }]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels }, spec: { selector: { app: 'web' }, ports } });
  const apply = (manager: string, body: unknown, extra = '') => call('PATCH', `/api/v1/namespaces/default/services/web?fieldManager=${manager}${extra}`, body);

  beforeAll(async () => {
    sim = await startCluster({ name: 'ssa', nodes: 1 });
  });
  afterAll(async () => sim?.stop());

  it('creates by apply, records the manager, and a repeated apply changes nothing (same resourceVersion)', async () => {
    const created = await apply('switchboard', svc({ team: 'a' }));
    expect(created.status).toBe(201);
    expect(created.body.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: 'switchboard', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: expect.objectContaining({ 'f:metadata': { 'f:labels': { 'f:team': {} } } }) }),
    ]);
    expect(created.body.metadata.managedFields[0].fieldsV1['f:spec']['f:ports']).toEqual({ 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:name': {}, 'f:port': {} } });
    const again = await apply('switchboard', svc({ team: 'a' }));
    expect(again.status).toBe(200);
    expect(again.body.metadata.resourceVersion).toBe(created.body.metadata.resourceVersion);
  });

  it('reports another manager’s field as a conflict in the real format, and force takes it over', async () => {
    expect((await apply('gitops', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { env: 'prod' } } })).status).toBe(200);
    const conflict = await apply('switchboard', svc({ team: 'a', env: 'dev' }));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "gitops" using v1: .metadata.labels.env',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "gitops" using v1', field: '.metadata.labels.env' }] },
    });
    // dry run reports it too, and the same value is no conflict (shared ownership).
    expect((await apply('switchboard', svc({ team: 'a', env: 'dev' }), '&dryRun=All')).status).toBe(409);
    expect((await apply('switchboard', svc({ team: 'a', env: 'prod' }))).status).toBe(200);
    const forced = await apply('switchboard', svc({ team: 'a', env: 'dev' }), '&force=true');
    expect(forced.status).toBe(200);
    expect(forced.body.metadata.labels).toEqual({ team: 'a', env: 'dev' });
  });

  it('removes what the applier stops sending, unless someone else owns it; keyed list items go whole', async () => {
    const two = await apply('switchboard', svc({ team: 'a', env: 'dev' }, [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }]));
    expect(two.body.spec.ports.map((p: { port: number }) => p.port)).toEqual([80, 9090]);
    const one = await apply('switchboard', svc({}, [{ name: 'http', port: 80 }]));
    expect(one.body.spec.ports.map((p: { port: number }) => p.port)).toEqual([80]);
    expect(one.body.metadata.labels).toBeUndefined();
  });

  it('requires a field manager for apply', async () => {
    const res = await call('PATCH', '/api/v1/namespaces/default/services/web', svc({}));
    expect(res.status).toBe(422);
    expect(res.body.details.causes[0]).toMatchObject({ field: 'fieldManager', reason: 'FieldValueRequired' });
  });

  it('records Update operations of other writers and moves ownership of what they change', async () => {
    const patched = await call('PATCH', '/api/v1/namespaces/default/services/web?fieldManager=kubectl-label', { metadata: { labels: { owner: 'me' } } }, 'application/merge-patch+json');
    expect(patched.status).toBe(200);
    expect(patched.body.metadata.managedFields).toContainEqual(expect.objectContaining({ manager: 'kubectl-label', operation: 'Update', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:owner': {} } } } }));
    const conflict = await apply('switchboard', svc({ owner: 'you' }, [{ name: 'http', port: 80 }]));
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toContain('conflict with "kubectl-label" using v1: .metadata.labels.owner');
  });
});
