import { describe, expect, it } from 'vitest';
import { ManifestInputError, analyzeReachability, describeManifestIssue, formatConnectionListTxt, parseManifests, type ManifestIssue } from '../index.js';

function issues(text: string, name?: string): ManifestIssue[] {
  try {
    parseManifests([{ name, text }]);
  } catch (e) {
    if (e instanceof ManifestInputError) return e.issues;
    throw e;
  }
  throw new Error('expected a ManifestInputError');
}

const np = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: shop }\nspec: ${spec}`;

describe('parseManifests', () => {
  it('reads YAML and JSON documents, typed lists and plain Lists; ignores other kinds', () => {
    const podList = JSON.stringify({ kind: 'PodList', items: [{ metadata: { name: 'a', namespace: 'x', labels: { app: 'a' } }, spec: { containers: [] } }] });
    const yaml = `kind: List\nitems:\n- { kind: Namespace, metadata: { name: y, labels: { team: t } } }\n- { kind: Service, metadata: { name: s } }\n---\n{ kind: ConfigMap, metadata: { name: c } }\n---\n`;
    const { input, ignoredKinds } = parseManifests([{ text: podList }, { text: yaml }]);
    expect(input.pods.map((p) => [p.namespace, p.name, p.workload])).toEqual([['x', 'a', { kind: 'Pod', name: 'a' }]]);
    expect(input.namespaces).toEqual([{ name: 'y', labels: { team: 't' } }]);
    expect(ignoredKinds).toEqual({ Service: 1, ConfigMap: 1 });
  });

  it('names pods after their controller; Node-owned and uncontrolled pods after themselves; no namespace → default', () => {
    const pod = (name: string, owners: string) => `kind: Pod\nmetadata: { name: ${name}, ownerReferences: ${owners} }\nspec: { containers: [] }`;
    const { input } = parseManifests([
      { text: [pod('a-1', '[{ kind: ReplicaSet, name: a-rs, controller: true }]'), pod('n-1', '[{ kind: Node, name: node1, controller: true }]'), pod('b-1', '[{ kind: ReplicaSet, name: b-rs }]'), pod('c-1', '[{ name: c-owner, controller: true }]')].join('\n---\n') },
    ]);
    expect(input.pods.map((p) => `${p.namespace}/${p.workload.name}[${p.workload.kind}]`)).toEqual(['default/a-rs[ReplicaSet]', 'default/n-1[Pod]', 'default/b-1[Pod]', 'default/c-owner[Pod]']);
  });

  it('a namespace used but not declared exists with its name label', () => {
    const { input } = parseManifests([{ text: 'kind: Pod\nmetadata: { name: a, namespace: ghost }\nspec: { containers: [] }\n---\n' + np('{ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ghost } } }] }] }') }]);
    const txt = formatConnectionListTxt(analyzeReachability(input));
    expect(txt).toContain('ghost/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections');
  });
});

describe('bad manifests name the document, the object and the field', () => {
  it('unparseable YAML: file, document and line', () => {
    const [i] = issues('kind: Pod\nmetadata: { name: a }\n---\nkind: Pod\nmetadata: { name: [b\n', 'pods.yaml');
    expect(i).toMatchObject({ file: 'pods.yaml', document: 2, field: '' });
    expect(i!.line).toBeGreaterThan(0);
    expect(i!.rule).toMatch(/^unparseable YAML: /);
  });

  it.each<[string, string, string, RegExp]>([
    ['an unknown matchExpressions operator', '{ podSelector: { matchExpressions: [{ key: app, operator: Equals, values: [a] }] } }', 'spec.podSelector.matchExpressions[0].operator', /must be one of In, NotIn, Exists, DoesNotExist/],
    ['In without values', '{ podSelector: {}, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: app, operator: In }] } }] }] }', 'spec.ingress[0].from[0].podSelector.matchExpressions[0].values', /non-empty when operator is In/],
    ['an invalid label key', '{ podSelector: { matchLabels: { "-bad": x } } }', 'spec.podSelector.matchLabels', /invalid label key "-bad"/],
    ['an invalid CIDR', '{ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 10.0.0.0/33 } }] }] }', 'spec.ingress[0].from[0].ipBlock.cidr', /must be a valid CIDR/],
    ['an except outside its cidr', '{ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8, except: [11.0.0.0/8] } }] }] }', 'spec.egress[0].to[0].ipBlock.except[0]', /within cidr 10.0.0.0\/8/],
    ['a port out of range', '{ podSelector: {}, ingress: [{ ports: [{ port: 70000 }] }] }', 'spec.ingress[0].ports[0].port', /between 1 and 65535/],
    ['endPort below port', '{ podSelector: {}, ingress: [{ ports: [{ port: 80, endPort: 79 }] }] }', 'spec.ingress[0].ports[0].endPort', /greater than or equal to port/],
    ['an unknown protocol', '{ podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: ICMP }] }] }', 'spec.ingress[0].ports[0].protocol', /SCTP, TCP, UDP/],
    ['an unknown policy type', '{ podSelector: {}, policyTypes: [Ingres] }', 'spec.policyTypes[0]', /Ingress or Egress/],
  ])('%s', (_t, spec, field, rule) => {
    const [i] = issues(`kind: Namespace\nmetadata: { name: shop }\n---\n${np(spec)}`, 'netpol.yaml');
    expect(i).toMatchObject({ file: 'netpol.yaml', document: 2, object: { kind: 'NetworkPolicy', namespace: 'shop', name: 'p' }, field });
    expect(i!.rule).toMatch(rule);
  });

  it('inside a List the field path starts at the item', () => {
    const [i] = issues(JSON.stringify({ kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'a' } }, { kind: 'NetworkPolicy', metadata: { name: 'p' }, spec: { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] } }] }));
    expect(i).toMatchObject({ document: 1, object: { kind: 'NetworkPolicy', namespace: 'default', name: 'p' }, field: 'items[1].spec.ingress[0].ports[0].port' });
    expect(describeManifestIssue(i!)).toBe('document 1 (NetworkPolicy default/p) items[1].spec.ingress[0].ports[0].port: must be between 1 and 65535, inclusive (found 0)');
  });
});

describe('limits', () => {
  it('stops walking Lists nested through aliases instead of expanding them', () => {
    // 40 levels of a List holding its previous level twice: 2^40 objects if expanded.
    const levels = ['l0: &l0 { kind: Pod, metadata: { name: a } }'];
    for (let i = 1; i <= 40; i++) levels.push(`l${i}: &l${i} { kind: List, items: [*l${i - 1}, *l${i - 1}] }`);
    const [i] = issues(`${levels.join('\n')}\nkind: List\nitems: [*l40]\n`);
    expect(i!.rule).toBe('more than 200000 objects (YAML aliases included)');
  });

  it('refuses an analysis with more pairs than allowed, before computing them', () => {
    const pods = Array.from({ length: 30 }, (_, n) => `kind: Pod\nmetadata: { name: p${n} }`).join('\n---\n');
    const { input } = parseManifests([{ text: pods }]);
    expect(() => analyzeReachability(input, { maxPairs: 500 })).toThrow('30 workloads and 2 outside ranges (as sources and destinations) make 930 pairs, more than the 500 allowed');
  });
});
