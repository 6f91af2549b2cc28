/**
 * Every rule of the NetworkPolicy semantics, each as a tiny topology written as manifests
 * and the connection list (txt) the engine must print for it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeReachability, formatConnectionListTxt, parseManifests, type ReachabilityOptions } from '../index.js';

const pod = (ns: string, name: string, labels: Record<string, string>, extra: { ports?: string; hostNetwork?: boolean } = {}) => `
apiVersion: v1
kind: Pod
metadata: { namespace: ${ns}, name: ${name}, labels: ${JSON.stringify(labels)} }
spec:
  ${extra.hostNetwork ? 'hostNetwork: true' : ''}
  containers:
  - name: c
    ports: ${extra.ports ?? '[]'}
`;
const ns = (name: string, labels: Record<string, string> = {}) => `
apiVersion: v1
kind: Namespace
metadata: { name: ${name}, labels: ${JSON.stringify(labels)} }
`;
const policy = (namespace: string, name: string, spec: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { namespace: ${namespace}, name: ${name} }
spec: ${spec}
`;

/** web and api in `shop`, db in `data` (labelled team=data), external space unsplit. */
const BASE = [ns('shop', { team: 'shop' }), ns('data', { team: 'data' }), pod('shop', 'web', { app: 'web' }), pod('shop', 'api', { app: 'api' }, { ports: '[{name: http, containerPort: 3000}, {name: dns, containerPort: 53, protocol: UDP}]' }), pod('data', 'db', { app: 'db' })];

function lines(docs: string[], options?: ReachabilityOptions): string[] {
  const { input } = parseManifests([{ text: docs.join('\n---\n') }]);
  return formatConnectionListTxt(analyzeReachability(input, options)).split('\n').filter(Boolean);
}

/** Only the lines about `dst` (to keep the tables readable). */
const into = (all: string[], dst: string) => all.filter((l) => l.split(' : ')[0]!.endsWith(`=> ${dst}`));
const outOf = (all: string[], src: string) => all.filter((l) => l.startsWith(`${src} =>`));

const EXT = '0.0.0.0-255.255.255.255[External]';
const WEB = 'shop/web[Pod]';
const API = 'shop/api[Pod]';
const DB = 'data/db[Pod]';

describe('isolation and default deny', () => {
  it.each<[string, string[], string[]]>([
    ['no policy: every pair and external, all connections', [], [`${EXT} => ${API} : All Connections`, `${DB} => ${API} : All Connections`, `${WEB} => ${API} : All Connections`]],
    ['default-deny ingress (podSelector {}, no rules) isolates and allows nothing', [policy('shop', 'deny', '{ podSelector: {} }')], []],
    ['policyTypes [Ingress] with ingress: [] is the same deny-all', [policy('shop', 'deny', '{ podSelector: {}, policyTypes: [Ingress], ingress: [] }')], []],
    ['ingress: [{}] allows everything, external included', [policy('shop', 'open', '{ podSelector: {}, ingress: [{}] }')], [`${EXT} => ${API} : All Connections`, `${DB} => ${API} : All Connections`, `${WEB} => ${API} : All Connections`]],
    ['a policy in another namespace does not isolate', [policy('data', 'deny', '{ podSelector: {} }')], [`${EXT} => ${API} : All Connections`, `${DB} => ${API} : All Connections`, `${WEB} => ${API} : All Connections`]],
    [
      'an egress-only policy on the source leaves the destination ingress open',
      [policy('shop', 'web-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress], egress: [{ to: [{ podSelector: { matchLabels: { app: api } } }], ports: [{ port: 3000 }] }] }')],
      [`${EXT} => ${API} : All Connections`, `${DB} => ${API} : All Connections`, `${WEB} => ${API} : TCP 3000`],
    ],
  ])('%s', (_title, policies, expected) => expect(into(lines([...BASE, ...policies]), API)).toEqual(expected));

  it('without policyTypes, egress rules make a policy isolate egress too', () => {
    const p = policy('shop', 'web', '{ podSelector: { matchLabels: { app: web } }, egress: [{ to: [{ podSelector: { matchLabels: { app: api } } }] }] }');
    // Ingress of web is isolated (no ingress rules) and egress reaches api only.
    expect(outOf(lines([...BASE, p]), WEB)).toEqual([`${WEB} => ${API} : All Connections`]);
    expect(into(lines([...BASE, p]), WEB)).toEqual([]);
  });

  it('egress: [] without policyTypes does not isolate egress; with policyTypes [Egress] it denies all', () => {
    const open = policy('shop', 'web', '{ podSelector: { matchLabels: { app: web } }, ingress: [{}], egress: [] }');
    expect(outOf(lines([...BASE, open]), WEB)).toEqual([`${WEB} => ${EXT} : All Connections`, `${WEB} => ${DB} : All Connections`, `${WEB} => ${API} : All Connections`]);
    const closed = policy('shop', 'web', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Ingress, Egress], ingress: [{}], egress: [] }');
    expect(outOf(lines([...BASE, closed]), WEB)).toEqual([]);
  });

  it('to: [] and a missing to both match every destination, external included', () => {
    for (const rule of ['{ to: [], ports: [{ port: 443 }] }', '{ ports: [{ port: 443 }] }']) {
      const p = policy('shop', 'web-out', `{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress], egress: [${rule}] }`);
      expect(outOf(lines([...BASE, p]), WEB)).toEqual([`${WEB} => ${EXT} : TCP 443`, `${WEB} => ${DB} : TCP 443`, `${WEB} => ${API} : TCP 443`]);
    }
  });

  it('policyTypes [Egress] without rules denies all egress, DNS included', () => {
    const p = policy('shop', 'web-deny-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress] }');
    expect(outOf(lines([...BASE, p]), WEB)).toEqual([]);
    // Allowing TCP to the api does not allow DNS (UDP 53) anywhere: egress isolation blocks it.
    const tcpOnly = policy('shop', 'web-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress], egress: [{ to: [{ podSelector: {} }], ports: [{ port: 3000 }] }] }');
    expect(outOf(lines([...BASE, tcpOnly]), WEB)).toEqual([`${WEB} => ${API} : TCP 3000`]);
    const withDns = policy('shop', 'dns', '{ podSelector: {}, policyTypes: [Egress], egress: [{ ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }] }] }');
    expect(outOf(lines([...BASE, tcpOnly, withDns]), WEB)).toEqual([`${WEB} => ${EXT} : TCP 53,UDP 53`, `${WEB} => ${DB} : TCP 53,UDP 53`, `${WEB} => ${API} : TCP 53,3000,UDP 53`]);
  });

  it('a connection needs both the source egress and the destination ingress', () => {
    const out = policy('shop', 'web-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress], egress: [{ ports: [{ port: 3000 }, { port: 4000 }] }] }');
    const inn = policy('shop', 'api-in', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ ports: [{ port: 3000 }, { port: 5000 }] }] }');
    expect(into(lines([...BASE, out, inn]), API)).toEqual([`${EXT} => ${API} : TCP 3000,5000`, `${DB} => ${API} : TCP 3000,5000`, `${WEB} => ${API} : TCP 3000`]);
  });
});

describe('peers', () => {
  const ingress = (from: string) => [...BASE, policy('shop', 'api-in', `{ podSelector: { matchLabels: { app: api } }, ingress: [{ from: ${from} }] }`)];
  it.each<[string, string, string[]]>([
    ['podSelector alone: own namespace only', '[{ podSelector: { matchLabels: { app: web } } }]', [`${WEB} => ${API} : All Connections`]],
    ['podSelector {} alone: every pod of the own namespace, no external', '[{ podSelector: {} }]', [`${WEB} => ${API} : All Connections`]],
    ['namespaceSelector {}: every pod of every namespace', '[{ namespaceSelector: {} }]', [`${DB} => ${API} : All Connections`, `${WEB} => ${API} : All Connections`]],
    ['namespaceSelector by label', '[{ namespaceSelector: { matchLabels: { team: data } } }]', [`${DB} => ${API} : All Connections`]],
    ['namespaceSelector on the implicit name label', '[{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: data } } }]', [`${DB} => ${API} : All Connections`]],
    ['both selectors in one peer: AND (web is in shop, not data)', '[{ namespaceSelector: { matchLabels: { team: data } }, podSelector: { matchLabels: { app: web } } }]', []],
    ['the same selectors as two peers: OR', '[{ namespaceSelector: { matchLabels: { team: data } } }, { podSelector: { matchLabels: { app: web } } }]', [`${DB} => ${API} : All Connections`, `${WEB} => ${API} : All Connections`]],
    ['from: [] matches every source, external included', '[]', [`${EXT} => ${API} : All Connections`, `${DB} => ${API} : All Connections`, `${WEB} => ${API} : All Connections`]],
    ['matchExpressions NotIn matches a namespace without the key', '[{ namespaceSelector: { matchExpressions: [{ key: team, operator: NotIn, values: [shop] }] } }]', [`${DB} => ${API} : All Connections`]],
    ['matchExpressions DoesNotExist', '[{ podSelector: { matchExpressions: [{ key: tier, operator: DoesNotExist }] } }]', [`${WEB} => ${API} : All Connections`]],
    ['matchExpressions Exists on a missing key matches nothing', '[{ podSelector: { matchExpressions: [{ key: tier, operator: Exists }] } }]', []],
    ['an ipBlock never matches pods', '[{ ipBlock: { cidr: 0.0.0.0/0 } }]', [`${EXT} => ${API} : All Connections`]],
  ])('%s', (_t, from, expected) => expect(into(lines(ingress(from)), API)).toEqual(expected));

  it('ipBlock except splits the outside space into atoms, each on its own line', () => {
    const docs = ingress('[{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }]');
    expect(into(lines(docs), API)).toEqual([`10.0.0.0-10.0.255.255[External] => ${API} : All Connections`, `10.2.0.0-10.255.255.255[External] => ${API} : All Connections`]);
    // Sources are cut by ingress ipBlocks only: the web pod's way out is still one range.
    expect(outOf(lines(docs), WEB).filter((l) => l.includes('External'))).toEqual([`${WEB} => ${EXT} : All Connections`]);
    expect(lines(docs).filter((l) => l.startsWith('10.1.'))).toEqual([`10.1.0.0-10.1.255.255[External] => ${DB} : All Connections`, `10.1.0.0-10.1.255.255[External] => ${WEB} : All Connections`]);
  });
});

describe('ports', () => {
  const ingress = (ports: string) => [...BASE, policy('shop', 'api-in', `{ podSelector: { matchLabels: { app: api } }, ingress: [{ from: [{ podSelector: {} }], ports: ${ports} }] }`)];
  it.each<[string, string, string]>([
    ['protocol defaults to TCP', '[{ port: 3000 }]', 'TCP 3000'],
    ['a port without number: the whole protocol', '[{ protocol: UDP }]', 'UDP 1-65535'],
    ['endPort is an inclusive range, merged with neighbours', '[{ port: 8000, endPort: 8080 }, { port: 8081 }]', 'TCP 8000-8081'],
    ['protocols print SCTP, TCP, UDP', '[{ port: 9, protocol: UDP }, { port: 7, protocol: SCTP }, { port: 8 }]', 'SCTP 7,TCP 8,UDP 9'],
    ['1-65535 on all three protocols is All Connections', '[{ port: 1, endPort: 65535 }, { port: 1, endPort: 65535, protocol: UDP }, { port: 1, endPort: 65535, protocol: SCTP }]', 'All Connections'],
    ['a named port resolves against the destination pod', '[{ port: http }]', 'TCP 3000'],
    ['a named port on another protocol adds nothing', '[{ port: dns }, { port: http }]', 'TCP 3000'],
    ['a named port with its protocol', '[{ port: dns, protocol: UDP }]', 'UDP 53'],
  ])('%s', (_t, ports, conns) => expect(into(lines(ingress(ports)), API)).toEqual([`${WEB} => ${API} : ${conns}`]));

  it('named ports resolve per destination pod (egress to two pods naming http differently)', () => {
    const docs = [
      ns('shop'),
      pod('shop', 'client', { app: 'client' }),
      pod('shop', 'a', { app: 'a' }, { ports: '[{name: http, containerPort: 8080}]' }),
      pod('shop', 'b', { app: 'b' }, { ports: '[{name: http, containerPort: 9090}]' }),
      pod('shop', 'c', { app: 'c' }),
      policy('shop', 'client-out', '{ podSelector: { matchLabels: { app: client } }, policyTypes: [Egress], egress: [{ to: [{ podSelector: {} }], ports: [{ port: http }] }] }'),
    ];
    expect(outOf(lines(docs), 'shop/client[Pod]')).toEqual(['shop/client[Pod] => shop/a[Pod] : TCP 8080', 'shop/client[Pod] => shop/b[Pod] : TCP 9090']);
  });
});

describe('hostNetwork pods', () => {
  const docs = [ns('shop'), pod('shop', 'agent', { app: 'agent' }, { hostNetwork: true }), pod('shop', 'web', { app: 'web' }), policy('shop', 'deny-all', '{ podSelector: {}, policyTypes: [Ingress, Egress] }')];
  it('are outside policy in the Kubernetes mode: not isolated, not matched by selectors', () => {
    expect(lines(docs, { hostNetwork: 'outside-policy' })).toEqual([`${EXT} => shop/agent[Pod] : All Connections`, 'shop/agent[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections']);
    const allowWeb = policy('shop', 'from-web', '{ podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }');
    // podSelector {} matches web but not the hostNetwork agent.
    expect(lines([...docs, allowWeb], { hostNetwork: 'outside-policy' }).filter((l) => l.includes('=> shop/web'))).toEqual([]);
  });
  it('are ordinary pods in the analyzer mode (the default, as netpol-analyzer)', () => {
    expect(lines(docs)).toEqual([]);
  });
});

describe('workloads', () => {
  it('a Deployment is one peer named after it, its template labels count, replicas do not talk to themselves', () => {
    const docs = [
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, labels: { app: other } }\nspec:\n  replicas: 3\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: c }] }`,
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: report }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: { labels: { app: report } }\n        spec: { containers: [{ name: c }] }`,
      policy('default', 'web-in', '{ podSelector: { matchLabels: { app: web } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: report } } }], ports: [{ port: 80 }] }] }'),
    ];
    expect(lines(docs)).toEqual([
      `${EXT} => default/report[CronJob] : All Connections`,
      'default/report[CronJob] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'default/report[CronJob] => default/web[Deployment] : TCP 80',
      'default/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'default/web[Deployment] => default/report[CronJob] : All Connections',
    ]);
  });

  it('the why names the allowing rule, or the isolation that denies', () => {
    const docs = [...BASE, policy('shop', 'api-in', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 3000 }] }] }')];
    const result = analyzeReachability(parseManifests([{ text: docs.join('\n---\n') }]).input);
    const pair = (s: string, d: string) => result.connections.find((c) => c.src.id === s && c.dst.id === d)!.why;
    expect(pair(WEB, API)).toMatchObject({ ingress: { isolated: true, allowedBy: [{ policy: 'shop/api-in', rule: 'ingress[0]' }] }, summary: 'source egress not isolated; ingress allowed by shop/api-in ingress[0]' });
    expect(pair(DB, API).summary).toBe('destination isolated by shop/api-in, no rule matches the source');
    expect(pair(WEB, DB).summary).toBe('no policy isolates either end');
  });
});
