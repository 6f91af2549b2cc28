import { describe, expect, it } from 'vitest';
import { kIngress, kService } from '../../test/builders.js';
import { ingressesIn, rollback, runPlan, snapshot, storeOf } from '../../test/manifest-store.js';
import {
  normalizeIngress,
  normalizeService,
  planExpose,
  planUnexpose,
  type ExposeInput,
  type IngressRecord,
  type Plan,
  type PlanResult,
  type ServiceRecord,
  type UnexposeInput,
} from '../index.js';

const ports = [
  { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
  { name: 'grpc', protocol: 'TCP', port: 9000, targetPort: 9000 },
];
const svc = (spec: Record<string, unknown>, extra: { status?: unknown } = {}): ServiceRecord =>
  normalizeService(kService('web', { selector: { app: 'web' }, clusterIP: '10.96.0.10', ...spec }, { ns: 'shop', ...extra })).record;
const withNodePorts = ports.map((p, i) => ({ ...p, nodePort: 31000 + i }));
const clusterIp = () => svc({ type: 'ClusterIP', ports });
const nodePort = () => svc({ type: 'NodePort', ports: withNodePorts });
const loadBalancer = () => svc({ type: 'LoadBalancer', ports: withNodePorts }, { status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } });

const ing = (name: string, spec: Record<string, unknown>, ns = 'shop'): IngressRecord => normalizeIngress(kIngress(name, spec, { ns })).record;
const path = (p: string, service: string, port: number | string = 80) => ({
  path: p,
  pathType: 'Prefix',
  backend: { service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } } },
});
const rule = (host: string | undefined, ...paths: ReturnType<typeof path>[]) => ({ ...(host ? { host } : {}), http: { paths } });

const ok = (r: PlanResult): Plan => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('planUnexpose via NODE_PORT / LOAD_BALANCER', () => {
  it.each<[string, () => ServiceRecord, UnexposeInput, string, string[]]>([
    ['NodePort → ClusterIP', nodePort, { via: 'NODE_PORT' }, 'NodePort', []],
    ['LoadBalancer → ClusterIP', loadBalancer, { via: 'LOAD_BALANCER' }, 'LoadBalancer', ['a load-balancer address released now may not come back on rollback']],
  ])('%s: no node ports sent, undo restores type and node ports', (_l, service, input, undoType, notes) => {
    const s = service();
    const plan = ok(planUnexpose(s, input));
    expect(plan.notes).toEqual(notes);
    const step = plan.steps[0]!;
    if (step.op !== 'apply' || step.undo.op !== 'apply' || step.undo.manifest.kind !== 'Service') throw new Error('expected service applies');
    expect(step.manifest).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop', resourceVersion: s.resourceVersion },
      spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
    });
    expect(step.undo.manifest.spec.type).toBe(undoType);
    expect(step.undo.manifest.spec.ports?.map((p) => p.nodePort)).toEqual([31000, 31001]);
  });

  it.each<[string, () => ServiceRecord, UnexposeInput]>([
    ['ClusterIP via NODE_PORT', clusterIp, { via: 'NODE_PORT' }],
    ['ClusterIP via LOAD_BALANCER', clusterIp, { via: 'LOAD_BALANCER' }],
    ['NodePort via LOAD_BALANCER', nodePort, { via: 'LOAD_BALANCER' }],
  ])('nothing to do: %s', (_l, service, input) => {
    const plan = ok(planUnexpose(service(), input));
    expect(plan.steps).toEqual([]);
    expect(plan.notes[0]).toMatch(/^service shop\/web is not a (NodePort|LoadBalancer) service/);
  });

  it.each<[string, unknown, string[]]>([
    ['NODE_PORT on a LoadBalancer', { via: 'NODE_PORT' }, ['via: the service is a LoadBalancer (its node ports come with it): unexpose via LOAD_BALANCER to return it to ClusterIP']],
    ['missing via', {}, ['via: is required: one of NODE_PORT, LOAD_BALANCER, INGRESS']],
    ['unknown via', { via: 'DNS' }, ['via: unsupported value "DNS": supported values: "NODE_PORT", "LOAD_BALANCER", "INGRESS"']],
    ['host with LOAD_BALANCER', { via: 'LOAD_BALANCER', host: 'a.example.com' }, ['host: may only be set when via is INGRESS, got via LOAD_BALANCER']],
  ])('refuses %s', (_l, input, messages) => {
    const r = planUnexpose(loadBalancer(), input as UnexposeInput);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual(messages);
  });
});

describe('planUnexpose via INGRESS', () => {
  const only = () => ing('web', { ingressClassName: 'nginx', tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }], rules: [rule('web.example.com', path('/', 'web'))] });
  const shared = () =>
    ing('edge', {
      tls: [{ hosts: ['web.example.com', 'shop.example.com'], secretName: 'edge-tls' }],
      rules: [rule('web.example.com', path('/', 'web'), path('/api', 'web', 'grpc')), rule('shop.example.com', path('/', 'storefront'), path('/web', 'web'))],
    });

  it('deletes an ingress that only routed to the service, with uid + resourceVersion preconditions; undo recreates it', () => {
    const i = only();
    const step = ok(planUnexpose(clusterIp(), { via: 'INGRESS' }, { existingIngresses: [i] })).steps[0]!;
    expect(step).toMatchObject({ op: 'delete', kind: 'Ingress', namespace: 'shop', name: 'web', preconditions: { uid: i.uid, resourceVersion: i.resourceVersion } });
    expect(step.undo.op === 'apply' && step.undo.manifest.spec).toStrictEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }],
      rules: [rule('web.example.com', path('/', 'web'))],
    });
    expect(step.undo.summary).toBe('recreate ingress shop/web');
  });

  it.each<[string, UnexposeInput, unknown]>([
    [
      'every path to the service; a host left without paths loses its rule and its TLS host',
      { via: 'INGRESS' },
      { tls: [{ hosts: ['shop.example.com'], secretName: 'edge-tls' }], rules: [rule('shop.example.com', path('/', 'storefront'))] },
    ],
    [
      'only one host',
      { via: 'INGRESS', host: 'shop.example.com' },
      { tls: [{ hosts: ['web.example.com', 'shop.example.com'], secretName: 'edge-tls' }], rules: [rule('web.example.com', path('/', 'web'), path('/api', 'web', 'grpc')), rule('shop.example.com', path('/', 'storefront'))] },
    ],
    [
      'only one path',
      { via: 'INGRESS', path: '/api' },
      { tls: [{ hosts: ['web.example.com', 'shop.example.com'], secretName: 'edge-tls' }], rules: [rule('web.example.com', path('/', 'web')), rule('shop.example.com', path('/', 'storefront'), path('/web', 'web'))] },
    ],
  ])('trims a shared ingress: %s', (_l, input, spec) => {
    const e = shared();
    const step = ok(planUnexpose(clusterIp(), input, { existingIngresses: [e] })).steps[0]!;
    expect(step).toMatchObject({ op: 'apply', name: 'edge', creates: false });
    if (step.op !== 'apply') return;
    expect(step.manifest.spec).toStrictEqual(spec);
    expect(step.manifest.metadata.resourceVersion).toBe(e.resourceVersion);
    expect(step.undo.op === 'apply' && step.undo.manifest.spec).toStrictEqual({
      tls: [{ hosts: ['web.example.com', 'shop.example.com'], secretName: 'edge-tls' }],
      rules: [rule('web.example.com', path('/', 'web'), path('/api', 'web', 'grpc')), rule('shop.example.com', path('/', 'storefront'), path('/web', 'web'))],
    });
  });

  it('a default backend to the service goes too; with nothing left the ingress is deleted', () => {
    const fallback = ing('fallback', { defaultBackend: { service: { name: 'web', port: { number: 80 } } } });
    const mixed = ing('mixed', { defaultBackend: { service: { name: 'web', port: { number: 80 } } }, rules: [rule('a.example.com', path('/', 'a'))] });
    const plan = ok(planUnexpose(clusterIp(), { via: 'INGRESS' }, { existingIngresses: [mixed, fallback] }));
    expect(plan.steps.map((s) => `${s.op} ${s.name}`)).toEqual(['delete fallback', 'apply mixed']);
    const mixedStep = plan.steps[1]!;
    expect(mixedStep.op === 'apply' && mixedStep.manifest.spec).toStrictEqual({ rules: [rule('a.example.com', path('/', 'a'))] });
  });

  it('ingressName narrows; other namespaces and other services are untouched; nothing left → no steps', () => {
    const elsewhere = ing('web', { rules: [rule('web.example.com', path('/', 'web'))] }, 'other');
    const plan = ok(planUnexpose(clusterIp(), { via: 'INGRESS', ingressName: 'edge' }, { existingIngresses: [only(), shared(), elsewhere] }));
    expect(plan.steps.map((s) => s.name)).toEqual(['edge']);
    const none = ok(planUnexpose(clusterIp(), { via: 'INGRESS' }, { existingIngresses: [elsewhere, ing('x', { rules: [rule('x.example.com', path('/', 'x'))] })] }));
    expect(none).toEqual({ ok: true, steps: [], notes: ['no ingress in shop routes to web: nothing to undo'] });
  });

  it('preconditions: false sends neither uid nor resourceVersion', () => {
    const plan = ok(planUnexpose(clusterIp(), { via: 'INGRESS' }, { existingIngresses: [only(), shared()], preconditions: false }));
    for (const s of plan.steps) {
      if (s.op === 'delete') expect(s.preconditions).toBeUndefined();
      else expect(s.manifest.metadata.resourceVersion).toBeUndefined();
    }
  });

  it('a failure in the second write rolls the first back', () => {
    const s = clusterIp();
    const ingresses = [only(), shared()];
    const store = storeOf([s], ingresses);
    const before = snapshot(store);
    const plan = ok(planUnexpose(s, { via: 'INGRESS' }, { existingIngresses: ingresses }));
    expect(plan.steps.map((st) => `${st.op} ${st.name}`)).toEqual(['apply edge', 'delete web']);
    expect(runPlan(store, plan.steps, 1)).toBe(0);
    expect(snapshot(store)).toEqual(before);
    runPlan(store, plan.steps);
    rollback(store, plan.steps);
    expect(snapshot(store)).toEqual(before);
  });
});

describe('expose then unexpose', () => {
  const storefront = () => ing('shop', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }], rules: [rule('shop.example.com', path('/', 'storefront'))] });
  it.each<[string, () => ServiceRecord, ExposeInput, UnexposeInput, IngressRecord[], string?]>([
    ['NodePort', clusterIp, { via: 'NODE_PORT' }, { via: 'NODE_PORT' }, []],
    ['NodePort with a fixed node port', clusterIp, { via: 'NODE_PORT', nodePort: 30080 }, { via: 'NODE_PORT' }, []],
    ['LoadBalancer', clusterIp, { via: 'LOAD_BALANCER' }, { via: 'LOAD_BALANCER' }, []],
    ['a new ingress with TLS', clusterIp, { via: 'INGRESS', host: 'web.example.com', tls: { secretName: 'web-tls' } }, { via: 'INGRESS' }, [storefront()]],
    ['a path merged into an ingress', clusterIp, { via: 'INGRESS', host: 'shop.example.com', path: '/web' }, { via: 'INGRESS', host: 'shop.example.com', path: '/web' }, [storefront()]],
    ['a new host (with TLS) merged into a named ingress', clusterIp, { via: 'INGRESS', host: 'web.example.com', tls: { secretName: 'shop-tls' } }, { via: 'INGRESS' }, [storefront()], 'shop'],
  ])('leaves the objects as they were: %s', (_l, service, expose, unexpose, ingresses, ingressName) => {
    const s = service();
    const store = storeOf([s], ingresses);
    const before = snapshot(store);
    const exposed = ok(planExpose(s, expose, { existingIngresses: ingresses, ...(ingressName ? { ingressName } : {}) }));
    if (ingressName) expect(exposed.steps.map((st) => st.name)).toEqual([ingressName]);
    runPlan(store, exposed.steps);
    expect(snapshot(store)).not.toEqual(before);
    // The service record after the expose, as the catalog would see it (node ports allocated).
    const after = exposed.steps.find((st) => st.kind === 'Service');
    const exposedSvc: ServiceRecord = after && after.op === 'apply' && after.manifest.kind === 'Service' ? { ...s, type: after.manifest.spec.type, ports: s.ports.map((p, i) => ({ ...p, nodePort: 32000 + i })) } : s;
    runPlan(store, ok(planUnexpose(exposedSvc, unexpose, { existingIngresses: ingressesIn(store) })).steps);
    expect(snapshot(store)).toEqual(before);
  });
});
