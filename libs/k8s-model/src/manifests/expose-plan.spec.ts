import { describe, expect, it } from 'vitest';
import { kIngress, kService } from '../../test/builders.js';
import { rollback, runPlan, snapshot, storeOf } from '../../test/manifest-store.js';
import {
  normalizeIngress,
  normalizeService,
  planExpose,
  type ExposeInput,
  type ExposePlanOptions,
  type IngressManifest,
  type IngressRecord,
  type Plan,
  type PlanAction,
  type PlanResult,
  type ServiceManifest,
  type ServiceRecord,
} from '../index.js';

const ports = [
  { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
  { name: 'grpc', protocol: 'TCP', port: 9000, targetPort: 9000 },
];
const svc = (spec: Record<string, unknown>, name = 'web'): ServiceRecord => normalizeService(kService(name, { selector: { app: name }, ...spec }, { ns: 'shop' })).record;
const clusterIp = () => svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', ports });
const nodePort = () => svc({ type: 'NodePort', clusterIP: '10.96.0.10', ports: ports.map((p, i) => ({ ...p, nodePort: 31000 + i })) });
const loadBalancer = () => svc({ type: 'LoadBalancer', clusterIP: '10.96.0.10', ports: ports.map((p, i) => ({ ...p, nodePort: 31000 + i })) });
const headless = () => svc({ clusterIP: 'None', ports }, 'db');
const externalName = () => normalizeService(kService('ext', { type: 'ExternalName', externalName: 'api.example.com' }, { ns: 'shop' })).record;

const ing = (name: string, spec: Record<string, unknown>, ns = 'shop'): IngressRecord => normalizeIngress(kIngress(name, spec, { ns })).record;
const path = (p: string, service: string, port: number | string, pathType = 'Prefix') => ({
  path: p,
  pathType,
  backend: { service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } } },
});
const rule = (host: string | undefined, ...paths: ReturnType<typeof path>[]) => ({ ...(host ? { host } : {}), http: { paths } });

/** The ingress an apply step sends (fails the test for anything else). */
const ingressOf = (s: PlanAction): IngressManifest => {
  if (s.op !== 'apply' || s.manifest.kind !== 'Ingress') throw new Error(`expected an ingress apply, got ${s.op} ${s.kind}`);
  return s.manifest;
};

const ok = (r: PlanResult): Plan => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('planExpose via NODE_PORT / LOAD_BALANCER', () => {
  it.each<[string, () => ServiceRecord, ExposeInput, ServiceManifest['spec'] | null, ServiceManifest['spec']]>([
    [
      'ClusterIP → NodePort, node port allocated by the server',
      clusterIp,
      { via: 'NODE_PORT' },
      { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
      { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
    ],
    [
      'ClusterIP → NodePort with a fixed node port on a named port',
      clusterIp,
      { via: 'NODE_PORT', nodePort: 30090, port: 'grpc' },
      { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000, nodePort: 30090 }] },
      { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
    ],
    [
      'NodePort: move the first port to a fixed node port; undo restores the allocated ones',
      nodePort,
      { via: 'NODE_PORT', nodePort: 30080 },
      { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
      { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 31000 }, { name: 'grpc', protocol: 'TCP', port: 9000, nodePort: 31001 }] },
    ],
    [
      'ClusterIP → LoadBalancer',
      clusterIp,
      { via: 'LOAD_BALANCER' },
      { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
      { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
    ],
    [
      'NodePort → LoadBalancer with a fixed node port (port by number)',
      nodePort,
      { via: 'LOAD_BALANCER', nodePort: 30443, port: 9000 },
      { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: 'grpc', protocol: 'TCP', port: 9000, nodePort: 30443 }] },
      { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 31000 }, { name: 'grpc', protocol: 'TCP', port: 9000, nodePort: 31001 }] },
    ],
    [
      'LoadBalancer via NODE_PORT with a node port: stays a LoadBalancer',
      loadBalancer,
      { via: 'NODE_PORT', nodePort: 30080 },
      { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }, { name: 'grpc', protocol: 'TCP', port: 9000 }] },
      { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 31000 }, { name: 'grpc', protocol: 'TCP', port: 9000, nodePort: 31001 }] },
    ],
  ])('%s', (_l, service, input, spec, undoSpec) => {
    const s = service();
    const plan = ok(planExpose(s, input));
    expect(plan.steps).toHaveLength(1);
    const step = plan.steps[0]!;
    expect(step).toMatchObject({ op: 'apply', kind: 'Service', namespace: 'shop', name: 'web', creates: false });
    if (step.op !== 'apply' || step.undo.op !== 'apply') throw new Error('expected applies');
    expect(step.manifest.spec).toStrictEqual(spec);
    // A read-modify-apply: a catalog that lags behind the cluster gives 409, not an overwrite.
    expect(step.manifest.metadata.resourceVersion).toBe(s.resourceVersion);
    expect(step.undo.manifest.spec).toStrictEqual(undoSpec);
    expect(step.undo.manifest.metadata.resourceVersion).toBeUndefined();
  });

  it.each<[string, () => ServiceRecord, ExposeInput]>([
    ['NodePort via NODE_PORT', nodePort, { via: 'NODE_PORT' }],
    ['NodePort via NODE_PORT with its current node port', nodePort, { via: 'NODE_PORT', nodePort: 31000 }],
    ['LoadBalancer via LOAD_BALANCER', loadBalancer, { via: 'LOAD_BALANCER' }],
    ['LoadBalancer via NODE_PORT (it has node ports)', loadBalancer, { via: 'NODE_PORT' }],
  ])('nothing to do: %s', (_l, service, input) => {
    const plan = ok(planExpose(service(), input));
    expect(plan.steps).toEqual([]);
    expect(plan.notes[0]).toMatch(/^service shop\/web is already exposed through /);
  });

  it('preconditions: false sends no resourceVersion', () => {
    const step = ok(planExpose(clusterIp(), { via: 'NODE_PORT' }, { preconditions: false })).steps[0]!;
    expect(step.op === 'apply' && step.manifest.metadata.resourceVersion).toBeUndefined();
  });

  it.each<[string, () => ServiceRecord, ExposeInput, string, string[]]>([
    ['ExternalName via NODE_PORT', externalName, { via: 'NODE_PORT' }, 'invalid', ['via|forbidden']],
    ['headless via LOAD_BALANCER', headless, { via: 'LOAD_BALANCER' }, 'invalid', ['via|forbidden']],
    ['unknown port', clusterIp, { via: 'NODE_PORT', port: 'https' }, 'invalid', ['port|notFound']],
    ['node port out of range', clusterIp, { via: 'NODE_PORT', nodePort: 80 }, 'invalid', ['nodePort|range']],
    ['host with NODE_PORT', clusterIp, { via: 'NODE_PORT', host: 'a.example.com' }, 'invalid', ['host|forbidden']],
    ['node port used by another port of the service', nodePort, { via: 'NODE_PORT', nodePort: 31001 }, 'conflict', ['nodePort|duplicate']],
  ])('refuses %s', (_l, service, input, reason, fields) => {
    const r = planExpose(service(), input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.issues.map((i) => `${i.field}|${i.rule}`)).toEqual(fields);
  });
});

describe('planExpose via INGRESS', () => {
  const other = () => ing('shop', { ingressClassName: 'nginx', tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }], rules: [rule('shop.example.com', path('/', 'storefront', 80))] });

  it('creates <svc> routing host + path to the first port by default, undo deletes it', () => {
    const plan = ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'web.example.com' }, { existingIngresses: [other()] }));
    expect(plan.steps).toHaveLength(1);
    const step = plan.steps[0]!;
    expect(step).toMatchObject({ op: 'apply', kind: 'Ingress', namespace: 'shop', name: 'web', creates: true });
    expect(ingressOf(step)).toStrictEqual<IngressManifest>({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { rules: [rule('web.example.com', path('/', 'web', 80)) as never] },
    });
    expect(step.undo).toEqual({ op: 'delete', kind: 'Ingress', namespace: 'shop', name: 'web', summary: 'delete ingress shop/web' });
  });

  it('new ingress with class, TLS, Exact path and a port by name', () => {
    const step = ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'web.example.com', path: '/v1', pathType: 'Exact', port: 'grpc', ingressClassName: 'nginx', tls: { secretName: 'web-tls' } }, { existingIngresses: [] })).steps[0]!;
    expect(ingressOf(step).spec).toStrictEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }],
      rules: [rule('web.example.com', path('/v1', 'web', 'grpc', 'Exact'))],
    });
    expect(step.summary).toBe('create ingress shop/web routing web.example.com/v1 to web:grpc with TLS secret web-tls');
  });

  it.each<[string, string[], string]>([
    ['name free', [], 'web'],
    ['<svc> taken', ['web'], 'web-2'],
    ['<svc> and <svc>-2 taken', ['web', 'web-2'], 'web-3'],
  ])('names a new ingress: %s', (_l, taken, expected) => {
    const existing = taken.map((n) => ing(n, { rules: [rule(`${n}.other.example.com`, path('/', 'x', 80))] }));
    // An ingress of the same name in another namespace does not count.
    existing.push(ing('web-3', { rules: [rule('x.example.com', path('/', 'x', 80))] }, 'elsewhere'));
    expect(ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'web.example.com' }, { existingIngresses: existing })).steps[0]!.name).toBe(expected);
  });

  it('merges into the ingress that serves the host: full spec restated, resourceVersion precondition, undo restores', () => {
    const existing = other();
    const plan = ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'shop.example.com', path: '/web', tls: { secretName: 'shop-tls' } }, { existingIngresses: [existing] }));
    expect(plan.notes).toEqual(['merged into existing ingress shop/shop']);
    const step = plan.steps[0]!;
    expect(step).toMatchObject({ op: 'apply', kind: 'Ingress', name: 'shop', creates: false });
    if (step.op !== 'apply' || step.undo.op !== 'apply') throw new Error('expected applies');
    expect(step.manifest.metadata.resourceVersion).toBe(existing.resourceVersion);
    expect(step.manifest.spec).toStrictEqual({
      ingressClassName: 'nginx',
      // The host is already covered by the same secret: TLS unchanged.
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      rules: [rule('shop.example.com', path('/', 'storefront', 80), path('/web', 'web', 80))],
    });
    expect(step.undo.manifest.spec).toStrictEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      rules: [rule('shop.example.com', path('/', 'storefront', 80))],
    });
  });

  it.each<[string, Record<string, unknown>, ExposeInput, unknown]>([
    [
      'adds the host to the TLS entry of the same secret',
      { tls: [{ hosts: ['a.example.com'], secretName: 'shared' }], rules: [rule('a.example.com', path('/', 'a', 80))] },
      { via: 'INGRESS', host: 'b.example.com', tls: { secretName: 'shared' } },
      [{ hosts: ['a.example.com', 'b.example.com'], secretName: 'shared' }],
    ],
    [
      'adds a TLS entry for a new secret',
      { tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }], rules: [rule('a.example.com', path('/', 'a', 80))] },
      { via: 'INGRESS', host: 'b.example.com', tls: { secretName: 'b-tls' } },
      [{ hosts: ['a.example.com'], secretName: 'a-tls' }, { hosts: ['b.example.com'], secretName: 'b-tls' }],
    ],
    [
      'a wildcard entry of the same secret already covers the host',
      { tls: [{ hosts: ['*.example.com'], secretName: 'wild' }], rules: [rule('a.example.com', path('/', 'a', 80))] },
      { via: 'INGRESS', host: 'b.example.com', tls: { secretName: 'wild' } },
      [{ hosts: ['*.example.com'], secretName: 'wild' }],
    ],
  ])('TLS when merging by ingressName: %s', (_l, spec, input, tls) => {
    const step = ok(planExpose(clusterIp(), input, { ingressName: 'edge', existingIngresses: [ing('edge', spec)] })).steps[0]!;
    expect(ingressOf(step).spec.tls).toStrictEqual(tls);
    // A new host gets its own rule at the end.
    expect(ingressOf(step).spec.rules?.at(-1)).toStrictEqual(rule('b.example.com', path('/', 'web', 80)));
  });

  it('already routed here: no steps', () => {
    const existing = ing('web', { rules: [rule('web.example.com', path('/', 'web', 80))] });
    const plan = ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'web.example.com' }, { existingIngresses: [existing] }));
    expect(plan.steps).toEqual([]);
    expect(plan.notes).toEqual(['ingress shop/web already routes web.example.com/ to web']);
  });

  it('already routed here (in an ingress not first by name), but TLS asked for: only TLS is added', () => {
    const a = ing('a-first', { rules: [rule('web.example.com', path('/other', 'other', 80))] });
    const existing = ing('web', { rules: [rule('web.example.com', path('/', 'web', 80))] });
    const plan = ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'web.example.com', tls: { secretName: 'web-tls' } }, { existingIngresses: [a, existing] }));
    expect(plan.steps.map((s) => s.name)).toEqual(['web']);
    const step = plan.steps[0]!;
    expect(ingressOf(step).spec).toStrictEqual({ tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }], rules: [rule('web.example.com', path('/', 'web', 80))] });
  });

  it('an ingress of another class is not merged into: a new one is created', () => {
    const plan = ok(planExpose(clusterIp(), { via: 'INGRESS', host: 'shop.example.com', path: '/web', ingressClassName: 'traefik' }, { existingIngresses: [other()] }));
    expect(plan.steps[0]).toMatchObject({ name: 'web', creates: true });
  });

  it('host-less paths only collide inside one ingress', () => {
    const catchAll = ing('catch', { rules: [rule(undefined, path('/', 'other', 80))] });
    expect(ok(planExpose(clusterIp(), { via: 'INGRESS' }, { existingIngresses: [catchAll] })).steps[0]).toMatchObject({ name: 'web', creates: true });
    const r = planExpose(clusterIp(), { via: 'INGRESS' }, { ingressName: 'catch', existingIngresses: [catchAll] });
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual(['path: (any host)/ is already routed to service other:80 by ingress shop/catch']);
  });

  it('a host-less path merges into an ingress whose host-less rule has that path free', () => {
    const catchAll = ing('catch', { rules: [rule(undefined, path('/other', 'other', 80))] });
    const step = ok(planExpose(clusterIp(), { via: 'INGRESS' }, { existingIngresses: [catchAll] })).steps[0]!;
    expect(step.name).toBe('catch');
    expect(ingressOf(step).spec.rules).toStrictEqual([rule(undefined, path('/other', 'other', 80), path('/', 'web', 80))]);
  });

  it('ExternalName services are exposed on the port the caller names', () => {
    const step = ok(planExpose(externalName(), { via: 'INGRESS', host: 'ext.example.com', port: 443 })).steps[0]!;
    expect(ingressOf(step).spec.rules).toStrictEqual([rule('ext.example.com', path('/', 'ext', 443))]);
  });

  it.each<[string, () => ServiceRecord, ExposeInput, ExposePlanOptions, string, string[]]>([
    ['host + path routed elsewhere (other namespace too)', clusterIp, { via: 'INGRESS', host: 'shop.example.com' }, { existingIngresses: [ing('shop', { rules: [rule('shop.example.com', path('/', 'storefront', 80))] }, 'other')] }, 'conflict', ['path: shop.example.com/ is already routed to service storefront:80 by ingress other/shop']],
    ['host already on another TLS secret', clusterIp, { via: 'INGRESS', host: 'shop.example.com', path: '/web', tls: { secretName: 'mine' } }, { existingIngresses: [other()] }, 'conflict', ['tls.secretName: host "shop.example.com" already uses TLS secret "shop-tls" in ingress shop/shop']],
    ['named ingress of another class', clusterIp, { via: 'INGRESS', host: 'x.example.com', ingressClassName: 'traefik' }, { ingressName: 'shop', existingIngresses: [other()] }, 'conflict', [expect.stringMatching(/^ingressClassName: ingress shop\/shop has class "nginx", not "traefik"/) as unknown as string]],
    ['invalid ingress name', clusterIp, { via: 'INGRESS', host: 'x.example.com' }, { ingressName: 'Not_Valid' }, 'invalid', [expect.stringMatching(/^name: a lowercase RFC 1123 subdomain/) as unknown as string]],
    ['ExternalName without a port', externalName, { via: 'INGRESS', host: 'ext.example.com' }, {}, 'invalid', ['port: is required: the service has no ports, name the port the ingress should send traffic to']],
    ['path without a leading slash', clusterIp, { via: 'INGRESS', host: 'x.example.com', path: 'web' }, {}, 'invalid', ["path: must be an absolute path starting with '/', got \"web\""]],
    ['TLS without host', clusterIp, { via: 'INGRESS', tls: { secretName: 's' } }, {}, 'invalid', ['host: is required when tls is set']],
  ])('refuses %s', (_l, service, input, opts, reason, messages) => {
    const r = planExpose(service(), input, opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.issues.map((i) => i.message)).toEqual(messages);
  });
});

describe('expose rollback', () => {
  it.each<[string, () => ServiceRecord, ExposeInput, IngressRecord[]]>([
    ['NodePort', clusterIp, { via: 'NODE_PORT', nodePort: 30080 }, []],
    ['fixed node port on a NodePort service', nodePort, { via: 'NODE_PORT', nodePort: 30080 }, []],
    ['LoadBalancer from NodePort', nodePort, { via: 'LOAD_BALANCER' }, []],
    ['new ingress', clusterIp, { via: 'INGRESS', host: 'web.example.com', tls: { secretName: 'web-tls' } }, []],
    ['merge into an ingress', clusterIp, { via: 'INGRESS', host: 'shop.example.com', path: '/web', tls: { secretName: 'shop-tls' } }, [ing('shop', { rules: [rule('shop.example.com', path('/', 'storefront', 80))] })]],
  ])('undoing every step restores the objects: %s', (_l, service, input, ingresses) => {
    const s = service();
    const store = storeOf([s], ingresses);
    const before = snapshot(store);
    const plan = ok(planExpose(s, input, { existingIngresses: ingresses }));
    expect(runPlan(store, plan.steps)).toBe(1);
    expect(snapshot(store)).not.toEqual(before);
    rollback(store, plan.steps);
    expect(snapshot(store)).toEqual(before);
  });
});
