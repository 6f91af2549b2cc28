/**
 * The live mode's pure pieces: a service's reach per port (target ports resolved per pod),
 * the diff of two results, a policy's effect, mirrored records as input, overlays.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeReachability,
  compileReachability,
  diagnoseReachability,
  diffConnectivity,
  focusedResult,
  liveReachabilityInput,
  overlayReachabilityInput,
  parseManifests,
  policyEffect,
  serviceReach,
  type MirroredReachState,
  type ReachabilityInput,
} from '../index.js';

const pod = (ns: string, name: string, labels: Record<string, string>, ports = '[]') => `
apiVersion: v1
kind: Pod
metadata: { namespace: ${ns}, name: ${name}, labels: ${JSON.stringify(labels)} }
spec: { containers: [{ name: c, ports: ${ports} }] }
`;
const policy = (namespace: string, name: string, spec: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { namespace: ${namespace}, name: ${name} }
spec: ${spec}
`;
const input = (...docs: string[]): ReachabilityInput => parseManifests([{ text: docs.join('\n---\n') }]).input;

const WEB_TO_API = policy('shop', 'allow-web-to-api', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 3000 }] }] }');
const API_PORTS = '[{ name: http, containerPort: 3000 }]';
const BASE = [pod('shop', 'web', { app: 'web' }), pod('shop', 'api', { app: 'api' }, API_PORTS), pod('shop', 'batch', { app: 'batch' })];
const API_SERVICE = { namespace: 'shop', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: '3000', protocol: 'TCP' }] };

function reachOf(i: ReachabilityInput, service = API_SERVICE) {
  return serviceReach(compileReachability(i, { hostNetwork: 'outside-policy' }), i, service)!;
}
const ids = (list: { peer: { id: string } }[]) => list.map((r) => r.peer.id);

describe('serviceReach', () => {
  it('lists who can open each port and who cannot, with why', () => {
    const r = reachOf(input(...BASE, WEB_TO_API));
    expect(r.backends.map((b) => b.id)).toEqual(['shop/api[Pod]']);
    expect(r.isolated).toBe(true);
    const [port] = r.ports;
    expect(ids(port!.allowedFrom)).toEqual(['shop/web[Pod]']);
    expect(port!.allowedFrom[0]).toMatchObject({ allBackends: true, why: { ingress: { isolated: true, allowedBy: [{ policy: 'shop/allow-web-to-api', rule: 'ingress[0]' }] } } });
    expect(ids(port!.deniedFrom)).toEqual(['shop/api[Pod]', 'shop/batch[Pod]']);
    expect(port!.deniedFrom[1]!.why.summary).toBe('destination isolated by shop/allow-web-to-api, no rule matches the source');
  });

  it('counts outside ranges that can reach, and leaves out those that cannot', () => {
    const open = reachOf(input(...BASE));
    expect(open.isolated).toBe(false);
    expect(ids(open.ports[0]!.allowedFrom)).toEqual(['shop/api[Pod]', 'shop/batch[Pod]', 'shop/web[Pod]', '0.0.0.0-255.255.255.255[External]']);
    expect(ids(reachOf(input(...BASE, WEB_TO_API)).ports[0]!.allowedFrom)).not.toContain('0.0.0.0-255.255.255.255[External]');
  });

  it('resolves a named target port per backend pod: only pods defining it count', () => {
    const i = input(pod('shop', 'web', { app: 'web' }), pod('shop', 'api-a', { app: 'api' }, API_PORTS), pod('shop', 'api-b', { app: 'api' }, '[{ name: other, containerPort: 3000 }]'));
    const r = reachOf(i, { ...API_SERVICE, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    expect(r.ports[0]!.allowedFrom.find((p) => p.peer.id === 'shop/web[Pod]')).toMatchObject({ allBackends: false });
  });

  it('says which ports are allowed when the target port is not one of them', () => {
    const r = reachOf(input(...BASE, WEB_TO_API), { ...API_SERVICE, ports: [{ name: 'admin', port: 81, targetPort: '9000', protocol: 'TCP' }] });
    expect(r.ports[0]!.allowedFrom).toEqual([]);
    expect(r.ports[0]!.deniedFrom.find((p) => p.peer.id === 'shop/web[Pod]')!.why.summary).toBe('only TCP 3000 allowed, not TCP 9000');
  });

  it('answers null without a selector and empty lists without backend pods', () => {
    const i = input(...BASE);
    expect(serviceReach(compileReachability(i), i, { ...API_SERVICE, selector: null })).toBeNull();
    const none = reachOf(i, { ...API_SERVICE, selector: { app: 'gone' } });
    expect(none).toMatchObject({ backends: [], isolated: false, ports: [{ allowedFrom: [], deniedFrom: [] }] });
  });
});

describe('diffConnectivity', () => {
  it('lists lost, gained and changed pairs', () => {
    const before = analyzeReachability(input(...BASE, WEB_TO_API));
    const deny = policy('shop', 'deny-batch', '{ podSelector: { matchLabels: { app: batch } } }');
    const widen = policy('shop', 'allow-web-to-api', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 3000 }, { port: 3001 }] }] }');
    const after = analyzeReachability(overlayReachabilityInput(input(...BASE, WEB_TO_API), input(deny, widen)));
    const d = diffConnectivity(before, after);
    expect(d.lost.map((c) => `${c.src.id} => ${c.dst.id}`).sort()).toEqual(['0.0.0.0-255.255.255.255[External] => shop/batch[Pod]', 'shop/api[Pod] => shop/batch[Pod]', 'shop/web[Pod] => shop/batch[Pod]']);
    expect(d.gained).toEqual([]);
    expect(d.changed.map((c) => [c.source.id, c.destination.id])).toEqual([['shop/web[Pod]', 'shop/api[Pod]']]);
    expect(diffConnectivity(after, before).gained).toHaveLength(3);
  });
});

describe('overlayReachabilityInput', () => {
  it('replaces by identity and adds the rest', () => {
    const base = input(...BASE, WEB_TO_API);
    const o = overlayReachabilityInput(base, input(pod('shop', 'web', { app: 'web', v: '2' }), pod('shop', 'new', { app: 'new' }), WEB_TO_API));
    expect(o.pods.map((p) => p.name).sort()).toEqual(['api', 'batch', 'new', 'web']);
    expect(o.pods.find((p) => p.name === 'web')!.labels).toEqual({ app: 'web', v: '2' });
    expect(o.policies).toHaveLength(1);
  });
});

describe('policyEffect', () => {
  it('names the workloads a policy selects and the connections it allows', () => {
    const i = input(...BASE, WEB_TO_API, policy('shop', 'unused', '{ podSelector: { matchLabels: { app: nobody } } }'));
    const compiled = compileReachability(i);
    const e = policyEffect(compiled, compiled.result(), 'shop/allow-web-to-api');
    expect(e.selectedWorkloads.map((w) => w.id)).toEqual(['shop/api[Pod]']);
    expect(e.allows.map((c) => `${c.src.id} => ${c.dst.id}`)).toEqual(['shop/web[Pod] => shop/api[Pod]']);
    expect(policyEffect(compiled, compiled.result(), 'shop/unused')).toEqual({ selectedWorkloads: [], allows: [] });
  });
});

describe('liveReachabilityInput', () => {
  const state: MirroredReachState = {
    namespaces: [{ name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } }],
    workloads: [
      { kind: 'Deployment', name: 'api', uid: 'd1', ownerKind: null, ownerName: null, ownerUid: null },
      { kind: 'ReplicaSet', name: 'api-5d8', uid: 'r1', ownerKind: 'Deployment', ownerName: 'api', ownerUid: 'd1' },
    ],
    pods: [
      { namespace: 'shop', name: 'api-5d8-x', labels: { app: 'api' }, podIps: ['10.0.0.1'], phase: 'Running', ownerKind: 'ReplicaSet', ownerName: 'api-5d8', ownerUid: 'r1', containerPorts: [{ container: 'c', name: 'http', containerPort: 3000, protocol: 'TCP' }] },
      { namespace: 'shop', name: 'api-5d8-y', labels: { app: 'api' }, podIps: [], phase: 'Pending', ownerKind: 'ReplicaSet', ownerName: 'api-5d8', ownerUid: 'r1', containerPorts: [] },
      { namespace: 'shop', name: 'done', labels: { app: 'job' }, podIps: [], phase: 'Succeeded', ownerKind: null, ownerName: null, ownerUid: null, containerPorts: [] },
      { namespace: 'shop', name: 'web', labels: { app: 'web' }, podIps: ['10.0.0.2'], phase: 'Running', ownerKind: null, ownerName: null, ownerUid: null, containerPorts: [], hostNetwork: true },
    ],
    policies: [
      {
        namespace: 'shop',
        name: 'allow-web-to-api',
        podSelector: { matchLabels: { app: 'api' }, matchExpressions: [] },
        policyTypes: ['Ingress'],
        ingress: [{ peers: [{ podSelector: { matchLabels: { app: 'web' }, matchExpressions: [] }, namespaceSelector: null, ipBlock: null }], ports: [{ protocol: 'TCP', port: 'http', endPort: null }] }],
        egress: [],
      },
    ],
  };

  it('groups pods under their top workload, keeps pending pods, drops finished ones, and parses policies as manifests are', () => {
    const i = liveReachabilityInput(state);
    expect(i.pods.map((p) => `${p.name} ${p.workload.kind}/${p.workload.name}`)).toEqual(['api-5d8-x Deployment/api', 'api-5d8-y Deployment/api', 'web Pod/web']);
    const fromManifest = input(WEB_TO_API.replace('ports: [{ port: 3000 }]', 'ports: [{ port: http }]')).policies[0]!;
    expect(i.policies[0]).toEqual({ ...fromManifest, namespace: 'shop' });
  });

  it('puts hostNetwork pods outside policy in live mode', () => {
    const i = liveReachabilityInput(state);
    const compiled = compileReachability(i, { hostNetwork: 'outside-policy' });
    const web = compiled.workloads.find((w) => w.ref.id === 'shop/web[Pod]')!;
    const api = compiled.workloads.find((w) => w.ref.id === 'shop/api[Deployment]')!;
    // A hostNetwork source matches no pod selector: the policy's rule does not let it in.
    expect(compiled.connect(web.ref, web.classes, api.ref, api.classes).why.summary).toBe('destination isolated by shop/allow-web-to-api, no rule matches the source');
  });
});

describe('diagnoseReachability', () => {
  const svc = (name: string, selector: Record<string, string>, port = { name: 'http', port: 80, targetPort: '3000', protocol: 'TCP', position: 0, nodePort: null, appProtocol: null }) => ({ namespace: 'shop', name, type: 'ClusterIP' as const, selector, ports: [port] });
  const diagnose = (docs: string[], services = [svc('api', { app: 'api' })], ingresses: { namespace: string; name: string; rules: never[] }[] = []) => {
    const i = input(...docs);
    return diagnoseReachability({ cluster: 'c1', compiled: compileReachability(i, { hostNetwork: 'outside-policy' }), input: i, services, ingresses }).map((d) => `${d.code} ${d.object.kind} ${d.object.name}`);
  };

  it('finds nothing without policies, and nothing when someone can reach the service', () => {
    expect(diagnose(BASE)).toEqual([]);
    expect(diagnose([...BASE, WEB_TO_API])).toEqual([]);
  });

  it('flags a service no workload and no outside range can reach, once its pods are isolated', () => {
    expect(diagnose([...BASE, policy('shop', 'deny-api', '{ podSelector: { matchLabels: { app: api } } }')])).toEqual(['SERVICE_UNREACHABLE Service api']);
  });

  it('flags a policy selecting no pod, and a named port none of its pods defines', () => {
    const typo = policy('shop', 'typo', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ ports: [{ port: htttp }] }] }');
    expect(diagnose([...BASE, WEB_TO_API, typo, policy('shop', 'gone', '{ podSelector: { matchLabels: { app: old } } }')])).toEqual(['NETWORK_POLICY_NAMED_PORT_UNDEFINED NetworkPolicy typo', 'NETWORK_POLICY_SELECTS_NO_PODS NetworkPolicy gone']);
  });

  it("flags an ingress backend the controller's pods may not open", () => {
    const controller = pod('ingress-nginx', 'controller', { 'app.kubernetes.io/name': 'ingress-nginx' });
    const rules = [{ host: 'shop.example.com', path: '/', pathType: 'Prefix', backendService: 'api', backendPortNumber: 80, backendPortName: null, backendResource: null, position: 0 }] as never[];
    const ingresses = [{ namespace: 'shop', name: 'shop', rules }];
    expect(diagnose([...BASE, controller, WEB_TO_API], undefined, ingresses)).toEqual(['INGRESS_BACKEND_BLOCKED_BY_POLICY Service api']);
    const allowController = policy('shop', 'from-ingress', "{ podSelector: { matchLabels: { app: api } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ingress-nginx } } }] }] }");
    expect(diagnose([...BASE, controller, WEB_TO_API, allowController], undefined, ingresses)).toEqual([]);
  });
});

describe('focusedResult', () => {
  it('computes exactly the pairs of the full result that touch the focus', () => {
    const i = input(...BASE, WEB_TO_API, policy('shop', 'out', "{ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8 } }] }] }"));
    const compiled = compileReachability(i);
    const text = (cs: { src: { id: string }; dst: { id: string }; connections: unknown }[]) => cs.map((c) => `${c.src.id} ${c.dst.id} ${JSON.stringify(c.connections)}`).sort();
    const touches = (c: { src: { id: string }; dst: { id: string } }) => c.src.id === 'shop/api[Pod]' || c.dst.id === 'shop/api[Pod]';
    expect(text(focusedResult(compiled, (w) => w.id === 'shop/api[Pod]').connections)).toEqual(text(analyzeReachability(i).connections.filter(touches)));
  });
});
