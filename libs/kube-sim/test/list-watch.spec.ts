import https from 'node:https';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from '../src/index.js';

function clients(sim: SimCluster) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  return { kc, core: kc.makeApiClient(k8s.CoreV1Api), discovery: kc.makeApiClient(k8s.DiscoveryV1Api) };
}

/** Collects watch events until `until` holds (or 5 s pass), then aborts the watch. */
async function watchUntil(kc: k8s.KubeConfig, path: string, query: Record<string, string | number | boolean | undefined>, until: (events: { type: string; obj: any }[]) => boolean, action?: () => Promise<void>) {
  const events: { type: string; obj: any }[] = [];
  let done!: (err?: unknown) => void;
  const finished = new Promise((r) => (done = r));
  const req = await new k8s.Watch(kc).watch(path, query, (type, obj) => {
    events.push({ type, obj });
    if (until(events)) done();
  }, (err) => done(err));
  await action?.();
  await Promise.race([finished, new Promise((r) => setTimeout(r, 5000))]);
  req.abort();
  return events;
}

/** The first chunk of a GET's answer, then the connection is dropped (a watch never ends by itself). */
function firstChunk(sim: SimCluster, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(`${sim.url}${path}`, { ca: sim.caData, headers: { authorization: `Bearer ${sim.token}` } }, (res) => {
      res.once('data', (chunk: Buffer) => {
        resolve({ status: res.statusCode ?? 0, text: chunk.toString('utf8') });
        req.destroy();
      });
    });
    req.on('error', reject);
  });
}

describe('kube-sim through @kubernetes/client-node', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startCluster({ name: 'alpha', scenario: 'seed', bookmarkIntervalMs: 100, historyWindow: 50 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('serves the seed scenario with server defaults and allocations', async () => {
    const { core } = clients(sim);
    const np = await core.readNamespacedService({ namespace: 'default', name: 'my-nodeport-service' });
    expect(np.spec?.ports?.[0]).toMatchObject({ port: 80, targetPort: 8080, nodePort: 30007, protocol: 'TCP' });
    expect(np.spec?.clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\./);
    expect(np.spec).toMatchObject({ sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const ext = await core.readNamespacedService({ namespace: 'default', name: 'my-externalname-service' });
    expect(ext.spec?.clusterIP).toBeUndefined();
    const headless = await core.readNamespacedService({ namespace: 'default', name: 'headless-svc' });
    expect(headless.spec?.clusterIP).toBe('None');
    const lb = await core.readNamespacedService({ namespace: 'default', name: 'my-loadbalancer-service' });
    expect(lb.status?.loadBalancer?.ingress?.[0]?.ip).toMatch(/^198\.51\.100\./);
    const hello = await core.readNamespacedService({ namespace: 'default', name: 'hello-svc' });
    expect(hello.spec?.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30086);
    const ns = await core.readNamespace({ name: 'kube-system' });
    expect(ns.metadata?.labels?.['kubernetes.io/metadata.name']).toBe('kube-system');
  });

  it('derives EndpointSlices from ready pods with the real labels and owner', async () => {
    const { discovery } = clients(sim);
    const slices = await discovery.listNamespacedEndpointSlice({ namespace: 'default', labelSelector: 'kubernetes.io/service-name=my-clusterip-service' });
    expect(slices.items).toHaveLength(1);
    const s = slices.items[0]!;
    expect(s.metadata?.name).toMatch(/^my-clusterip-service-[a-z0-9]{5}$/);
    expect(s.metadata?.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
    expect(s.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'my-clusterip-service' });
    expect(s.endpoints).toHaveLength(3);
    expect(s.endpoints!.every((e) => e.conditions?.ready && e.targetRef?.kind === 'Pod')).toBe(true);
    expect(s.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const orphan = await discovery.listNamespacedEndpointSlice({ namespace: 'default', labelSelector: 'kubernetes.io/service-name=orphan-service' });
    expect(orphan.items[0]?.endpoints ?? []).toHaveLength(0);
  });

  it('answers errors as Status objects with causes', async () => {
    const { core } = clients(sim);
    const dup = await core
      .createNamespacedService({ namespace: 'default', body: { metadata: { name: 'dup-nodeport' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30007 }] } } })
      .catch((e: k8s.ApiException<string>) => e);
    expect((dup as k8s.ApiException<string>).code).toBe(422);
    const status = JSON.parse((dup as k8s.ApiException<string>).body);
    expect(status).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422, details: { name: 'dup-nodeport', kind: 'Service', causes: [{ reason: 'FieldValueInvalid', field: 'spec.ports[0].nodePort' }] } });
    expect(status.message).toBe('Service "dup-nodeport" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated');
    const exists = await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'app-service' }, spec: { ports: [{ port: 80 }] } } }).catch((e) => e);
    expect(JSON.parse(exists.body)).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'services "app-service" already exists' });
    const range = await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'far' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 40000 }] } } }).catch((e) => e);
    expect(JSON.parse(range.body).message).toContain('provided port is not in the valid range. The range of valid ports is 30000-32767');
    const ro = new k8s.KubeConfig();
    ro.loadFromString(sim.readOnlyKubeconfig());
    const forbidden = await ro.makeApiClient(k8s.CoreV1Api).deleteNamespacedService({ namespace: 'default', name: 'app-service' }).catch((e) => e);
    expect(forbidden.code).toBe(403);
    expect((await ro.makeApiClient(k8s.CoreV1Api).listNamespacedService({ namespace: 'default' })).items.length).toBeGreaterThan(5);
  });

  // apimachinery's Convert_Slice_string_To_bool: only "0" and "false" (any case) are false.
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True', ''])('reads watch=%j as a watch, as the API server does', async (v) => {
    const { status, text } = await firstChunk(sim, `/api/v1/namespaces/default/services?watch=${v}`);
    expect(status).toBe(200);
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ type: 'ADDED', object: { kind: 'Service' } });
  });

  it.each(['0', 'false', 'False', 'FALSE'])('reads watch=%j as a list', async (v) => {
    const { text } = await firstChunk(sim, `/api/v1/namespaces/default/services?watch=${v}`);
    expect(text).toMatch(/^\{"kind":"ServiceList"/);
  });

  it('answers /version and /version/ alike', async () => {
    for (const path of ['/version', '/version/']) expect(JSON.parse((await firstChunk(sim, path)).text)).toMatchObject({ major: '1', gitVersion: 'v1.32.0-kube-sim' });
  });

  it('pages lists with limit/continue under one resourceVersion', async () => {
    const { core } = clients(sim);
    const names: string[] = [];
    let cont: string | undefined;
    do {
      const page = await core.listServiceForAllNamespaces({ limit: 4, _continue: cont });
      names.push(...page.items.map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`));
      cont = page.metadata?._continue;
    } while (cont);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(new Set(names).size).toBe(names.length);
  });

  it('watches from a version with bookmarks, and answers a compacted version with one ERROR 410 event', async () => {
    const { kc, core } = clients(sim);
    const rv = (await core.listNamespacedService({ namespace: 'default' })).metadata!.resourceVersion!;
    const events = await watchUntil(
      kc,
      '/api/v1/namespaces/default/services',
      { resourceVersion: rv, allowWatchBookmarks: true },
      (ev) => ev.some((e) => e.type === 'ADDED') && ev.some((e) => e.type === 'BOOKMARK'),
      () => sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'watched', namespace: 'default' }, spec: { ports: [{ port: 80 }] } }).then(() => undefined),
    );
    expect(events.find((e) => e.type === 'ADDED')?.obj.metadata.name).toBe('watched');
    expect(events.find((e) => e.type === 'BOOKMARK')?.obj.metadata.resourceVersion).toMatch(/^\d+$/);
    sim.faults.compact();
    const expired = await watchUntil(kc, '/api/v1/namespaces/default/services', { resourceVersion: rv }, (ev) => ev.length > 0);
    expect(expired[0]).toMatchObject({ type: 'ERROR', obj: { kind: 'Status', code: 410, reason: 'Expired' } });
  });

  it('counts the requests it serves by verb and resource, and the watches it answered with 410', async () => {
    const { kc, core } = clients(sim);
    sim.requestCounts(true);
    await core.listNamespacedService({ namespace: 'default' });
    const first = await core.listServiceForAllNamespaces({ limit: 2 });
    await core.listServiceForAllNamespaces({ limit: 2, _continue: first.metadata!._continue });
    await core.readNamespace({ name: 'default' });
    const rv = sim.resourceVersion();
    sim.faults.compact();
    await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'counted', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    sim.faults.compact();
    const expired = await watchUntil(kc, '/api/v1/pods', { resourceVersion: rv }, (ev) => ev.length > 0);
    expect(expired[0]).toMatchObject({ type: 'ERROR', obj: { code: 410 } });
    expect(sim.requestCounts()).toEqual({ 'list services': 2, 'list-continue services': 1, 'get namespaces': 1, 'watch pods': 1, 'expired pods': 1 });
    // Over HTTP too, with the cluster token; a reset starts the counts over.
    const counted = await new Promise<unknown>((resolve, reject) => {
      const req = https.request(`${sim.url}/_sim/requests?reset=true`, { method: 'POST', ca: sim.caData, headers: { authorization: `Bearer ${sim.token}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.on('error', reject);
      req.end();
    });
    expect(counted).toMatchObject({ 'list services': 2, 'expired pods': 1 });
    expect(sim.requestCounts()).toEqual({});
  });

  it('injects faults: expired watches, 5xx bursts with Retry-After, dropped watches, down and up', async () => {
    const { kc, core } = clients(sim);
    sim.faults.expireNextWatches(1);
    const ev = await watchUntil(kc, '/api/v1/services', {}, (e) => e.length > 0);
    expect(ev[0]).toMatchObject({ type: 'ERROR', obj: { code: 410 } });
    sim.faults.failNext(2, 429, 1);
    const e1 = await core.listNamespace().catch((e) => e);
    expect(e1.code).toBe(429);
    expect(e1.headers?.['retry-after']).toBe('1');
    await core.listNamespace().catch(() => undefined);
    expect((await core.listNamespace()).items.length).toBeGreaterThanOrEqual(4);
    let ended: unknown = 'open';
    const req = await new k8s.Watch(kc).watch('/api/v1/pods', { resourceVersion: sim.resourceVersion() }, () => undefined, (err) => (ended = err ?? null));
    sim.faults.dropWatches();
    await new Promise((r) => setTimeout(r, 300));
    expect(ended).not.toBe('open');
    req.abort();
    await sim.faults.down();
    const unreachable = await core.listNamespace().catch((e) => e);
    expect(String(unreachable?.message ?? unreachable)).toMatch(/ECONNREFUSED|socket hang up|connect/);
    await sim.faults.up();
    expect((await core.listNamespace()).items.length).toBeGreaterThanOrEqual(4);
  });
});

describe('kube-sim controllers', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startCluster({ name: 'beta', scenario: 'seed', loadBalancer: false });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('follows pod readiness and deployment scaling into EndpointSlices', async () => {
    const slice = () => (sim.list('discovery.k8s.io/v1', 'EndpointSlice', 'default') as any[]).find((s) => s.metadata.labels['kubernetes.io/service-name'] === 'app-service');
    expect(slice().endpoints).toHaveLength(2);
    await sim.scale('default', 'nextgen-app', 4);
    expect(slice().endpoints).toHaveLength(4);
    const pod = slice().endpoints[0].targetRef.name;
    await sim.setPodReady('default', pod, false);
    const ep = slice().endpoints.find((e: any) => e.targetRef.name === pod);
    expect(ep.conditions).toEqual({ ready: false, serving: false, terminating: false });
    await sim.scale('default', 'nextgen-app', 0);
    expect(slice().endpoints).toHaveLength(0);
  });

  it('leaves LoadBalancers pending without a provider, and deletes owned slices with their service', async () => {
    const lb = sim.get('v1', 'Service', 'default', 'my-loadbalancer-service') as any;
    expect(lb.status.loadBalancer).toEqual({});
    await sim.delete('v1', 'Service', 'default', 'api-service');
    const left = (sim.list('discovery.k8s.io/v1', 'EndpointSlice', 'default') as any[]).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'api-service');
    expect(left).toEqual([]);
  });
});

describe('NetworkPolicies and workloads are listed and watched like the other kinds', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startCluster({ name: 'watched', scenario: 'seed', nodes: 2 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('a watch from a list sees a new policy, a rollout ReplicaSet, a StatefulSet pod and a deleted policy', async () => {
    const { kc } = clients(sim);
    const watchAll = async (path: string, action: () => Promise<void>, until: (events: { type: string; obj: any }[]) => boolean) => {
      const list = (await (await fetchJson(sim, path)).json()) as { metadata: { resourceVersion: string }; items: unknown[] };
      return { items: list.items, events: await watchUntil(kc, path, { resourceVersion: list.metadata.resourceVersion, allowWatchBookmarks: true }, until, action) };
    };
    const np = await watchAll(
      '/apis/networking.k8s.io/v1/networkpolicies',
      async () => {
        await sim.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'default' }, spec: { podSelector: {} } });
        await sim.delete('networking.k8s.io/v1', 'NetworkPolicy', 'default', 'deny');
      },
      (events) => events.some((e) => e.type === 'DELETED'),
    );
    expect(np.items.map((o: any) => o.metadata.name)).toEqual(['allow-web-to-api']);
    expect(np.events.filter((e) => e.type !== 'BOOKMARK').map((e) => [e.type, e.obj.metadata.name, e.obj.spec.policyTypes])).toEqual([
      ['ADDED', 'deny', ['Ingress']],
      ['DELETED', 'deny', ['Ingress']],
    ]);
    const rs = await watchAll(
      '/apis/apps/v1/replicasets',
      async () => {
        const dep = sim.list('apps/v1', 'Deployment').find((d: any) => d.metadata.name === 'nextgen-app') as any;
        await sim.apply({ ...dep, metadata: { name: dep.metadata.name, namespace: 'default' }, spec: { ...dep.spec, template: { ...dep.spec.template, spec: { containers: [{ name: 'app', image: 'nextgen/app:2.0' }] } } } });
      },
      (events) => events.some((e) => e.type === 'ADDED'),
    );
    expect(rs.items.length).toBe(sim.list('apps/v1', 'Deployment').length);
    const added = rs.events.find((e) => e.type === 'ADDED')!.obj;
    expect(added.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Deployment', name: 'nextgen-app', controller: true })]);
    const sts = await watchAll(
      '/api/v1/pods',
      async () => void (await sim.apply({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { serviceName: 'db', replicas: 1, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'db:1' }] } } } })),
      (events) => events.some((e) => e.obj?.metadata?.name === 'db-0'),
    );
    expect(sts.events.find((e) => e.obj?.metadata?.name === 'db-0')).toMatchObject({ type: 'ADDED', obj: { spec: { hostname: 'db-0', subdomain: 'db' }, metadata: { ownerReferences: [{ kind: 'StatefulSet', name: 'db' }] } } });
  });
});

function fetchJson(sim: SimCluster, path: string): Promise<{ json(): Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    https
      .get(`${sim.url}${path}`, { ca: sim.caData, headers: { authorization: `Bearer ${sim.token}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ json: async () => JSON.parse(text) }));
      })
      .on('error', reject);
  });
}
