import https from 'node:https';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from '../src/index.js';

type Res = { status: number; body: any };

describe('writes to the /status subresource', () => {
  let sim: SimCluster;
  const call = (method: string, path: string, body?: unknown, contentType = 'application/json', token?: string): Promise<Res> =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const headers = { authorization: `Bearer ${token ?? sim.token}`, ...(data ? { 'content-type': contentType } : {}) };
      const req = https.request(new URL(sim.url + path), { method, ca: sim.caData, headers }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      });
      req.on('error', reject);
      req.end(data);
    });
  const get = async (path: string) => (await call('GET', path)).body;
  const svcPath = '/api/v1/namespaces/default/services/my-loadbalancer-service';

  beforeAll(async () => {
    // Without a load-balancer provider, so that nothing but the test writes the services' status.
    sim = await startCluster({ name: 'status', scenario: 'seed', loadBalancer: false });
  });
  afterAll(async () => sim?.stop());

  it('PUT services/status changes the status (and labels), ignores the spec, bumps the resourceVersion and tells watchers', async () => {
    const before = await get(svcPath);
    expect(before.status).toEqual({ loadBalancer: {} });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    const events: { type: string; obj: any }[] = [];
    const watch = await new k8s.Watch(kc).watch('/api/v1/namespaces/default/services', { resourceVersion: before.metadata.resourceVersion }, (type, obj) => events.push({ type, obj }), () => undefined);
    try {
      const body = {
        ...before,
        metadata: { ...before.metadata, labels: { ...before.metadata.labels, lb: 'external' } },
        spec: { ...before.spec, type: 'ClusterIP', ports: [{ port: 9999 }] },
        status: { loadBalancer: { ingress: [{ ip: '192.0.2.7' }] } },
      };
      const res = await call('PUT', `${svcPath}/status`, body);
      expect(res.status).toBe(200);
      expect(res.body.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.0.2.7' }] } });
      expect(res.body.spec).toEqual(before.spec);
      expect(res.body.metadata.labels.lb).toBe('external');
      expect(res.body.metadata.generation).toBe(before.metadata.generation);
      expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
      expect(await get(svcPath)).toEqual(res.body);
      await expect.poll(() => events.find((e) => e.obj?.metadata?.name === 'my-loadbalancer-service')).toMatchObject({ type: 'MODIFIED', obj: { status: { loadBalancer: { ingress: [{ ip: '192.0.2.7' }] } } } });
    } finally {
      watch.abort();
    }
  });

  it('PATCH (merge, strategic, JSON) writes ingresses/, pods/ and deployments/status with the strategies’ reset fields', async () => {
    const ing = await call('PATCH', '/apis/networking.k8s.io/v1/namespaces/default/ingresses/app-ingress/status', { status: { loadBalancer: { ingress: [{ hostname: 'lb.example.net' }] } }, spec: { rules: [] } }, 'application/merge-patch+json');
    expect(ing.status).toBe(200);
    expect(ing.body.status.loadBalancer.ingress).toEqual([{ hostname: 'lb.example.net' }]);
    expect(ing.body.spec.rules.length).toBeGreaterThan(0);

    // A pod reported not Ready leaves its EndpointSlice's ready endpoints and its deployment's ready count; its owners stay.
    const pods = (await get('/api/v1/namespaces/default/pods?labelSelector=app%3DMyApp')).items;
    const pod = pods[0];
    const ready = pod.status.conditions.findIndex((c: { type: string }) => c.type === 'Ready');
    const patched = await call(
      'PATCH',
      `/api/v1/namespaces/default/pods/${pod.metadata.name}/status`,
      [{ op: 'replace', path: `/status/conditions/${ready}/status`, value: 'False' }, { op: 'replace', path: '/metadata/ownerReferences', value: [] }],
      'application/json-patch+json',
    );
    expect(patched.status).toBe(200);
    expect(patched.body.metadata.ownerReferences).toEqual(pod.metadata.ownerReferences);
    const slice = (await get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dmy-clusterip-service')).items[0];
    expect(slice.endpoints.find((e: any) => e.targetRef.name === pod.metadata.name).conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect((await get('/apis/apps/v1/namespaces/default/deployments/myapp-deployment')).status.readyReplicas).toBe(pods.length - 1);

    // Deployment labels are reset like the spec; the status is the one written.
    const dep = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/myapp-deployment/status', { metadata: { labels: { hacked: 'yes' } }, spec: { replicas: 9 }, status: { conditions: [{ type: 'Available', status: 'True' }] } }, 'application/strategic-merge-patch+json');
    expect(dep.status).toBe(200);
    expect(dep.body.metadata.labels?.hacked).toBeUndefined();
    expect(dep.body.spec.replicas).toBe(3);
    expect(dep.body.status.conditions).toEqual([{ type: 'Available', status: 'True' }]);
  });

  it('answers like the API server: Conflict on a stale version, dry run, no /status for kinds without one, Forbidden naming the subresource', async () => {
    const current = await get(svcPath);
    const stale = await call('PUT', `${svcPath}/status`, { ...current, metadata: { ...current.metadata, resourceVersion: '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ kind: 'Status', reason: 'Conflict', code: 409 });

    const dry = await call('PATCH', `${svcPath}/status?dryRun=All`, { status: { loadBalancer: { ingress: [{ ip: '192.0.2.99' }] } } }, 'application/merge-patch+json');
    expect(dry.body.status.loadBalancer.ingress).toEqual([{ ip: '192.0.2.99' }]);
    expect(await get(svcPath)).toEqual(current);

    const none = await call('GET', '/api/v1/namespaces/default/endpoints/my-clusterip-service/status');
    expect(none).toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'the server could not find the requested resource' } });

    const ro = await call('PATCH', `${svcPath}/status`, { status: {} }, 'application/merge-patch+json', sim.readOnlyToken);
    expect(ro.status).toBe(403);
    expect(ro.body.message).toBe('services "my-loadbalancer-service" is forbidden: User "system:serviceaccount:kube-system:readonly" cannot patch resource "services/status" in API group "" in the namespace "default"');

    const discovery = await get('/api/v1');
    expect(discovery.resources).toContainEqual(expect.objectContaining({ name: 'services/status', kind: 'Service', verbs: ['get', 'patch', 'update'] }));
    expect((await get('/apis/apps/v1')).resources).toContainEqual(expect.objectContaining({ name: 'deployments/scale', group: 'autoscaling', version: 'v1', kind: 'Scale' }));
  });
});
