import { describe, expect, it } from 'vitest';
import { kNetworkPolicy, kWorkload } from '../../test/builders.js';
import { normalize, normalizeNetworkPolicy, NormalizeError } from '../index.js';

const tpl = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i' }] } });

describe('normalizeNetworkPolicy', () => {
  it('keeps selectors, peers and ports typed, missing lists null and empty ones empty', () => {
    const raw = kNetworkPolicy('np', {
      podSelector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 3000 }, { protocol: 'UDP', port: 'dns', endPort: undefined }, { port: 8000, endPort: 8080 }] },
        {},
      ],
      egress: [{ to: [], ports: [] }],
    });
    const n = normalizeNetworkPolicy(raw);
    expect(n.record).toEqual({
      namespace: 'default',
      name: 'np',
      uid: raw.metadata.uid,
      podSelector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          peers: [
            { podSelector: { matchLabels: { app: 'web' }, matchExpressions: [] }, namespaceSelector: { matchLabels: {}, matchExpressions: [] }, ipBlock: null },
            { podSelector: null, namespaceSelector: null, ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
          ],
          ports: [
            { protocol: 'TCP', port: 3000, endPort: null },
            { protocol: 'UDP', port: 'dns', endPort: null },
            { protocol: 'TCP', port: 8000, endPort: 8080 },
          ],
        },
        { peers: null, ports: null },
      ],
      egress: [{ peers: [], ports: [] }],
      labels: {},
      annotations: {},
      resourceVersion: raw.metadata.resourceVersion,
      k8sCreatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it.each([
    ['no policyTypes, no egress: Ingress', { podSelector: {} }, ['Ingress']],
    ['no policyTypes, egress rules: Ingress and Egress', { podSelector: {}, egress: [{}] }, ['Ingress', 'Egress']],
    ['explicit Egress only', { podSelector: {}, policyTypes: ['Egress'] }, ['Egress']],
  ])('defaults policy types as the API server does: %s', (_l, spec, types) => {
    expect(normalizeNetworkPolicy(kNetworkPolicy('np', spec)).record.policyTypes).toEqual(types);
  });

  it.each([
    ['spec.policyTypes[0]', { podSelector: {}, policyTypes: ['Sideways'] }],
    ['spec.ingress[0].ports[0].protocol', { podSelector: {}, ingress: [{ ports: [{ protocol: 'HTTP', port: 80 }] }] }],
    ['spec.podSelector.matchExpressions[0].operator', { podSelector: { matchExpressions: [{ key: 'a', operator: 'Gt' }] } }],
    ['spec.egress[0].to[0].ipBlock.cidr', { podSelector: {}, egress: [{ to: [{ ipBlock: {} }] }] }],
  ])('names the bad field: %s', (field, spec) => {
    expect(() => normalizeNetworkPolicy(kNetworkPolicy('np', spec))).toThrow(expect.objectContaining({ name: 'NormalizeError', field }) as NormalizeError);
  });
});

describe('workload normalisers', () => {
  it('reads selector, template labels, replicas and the controller owner of every workload kind', () => {
    const dep = kWorkload('apps/v1', 'Deployment', 'web', { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'web' }) });
    const rs = kWorkload('apps/v1', 'ReplicaSet', 'web-abc', { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template: tpl({ app: 'web', 'pod-template-hash': 'abc' }) }, { owner: { kind: 'Deployment', name: 'web', uid: dep.metadata.uid } });
    expect(normalize('REPLICA_SET', rs).record).toEqual({
      kind: 'ReplicaSet',
      namespace: 'default',
      name: 'web-abc',
      uid: rs.metadata.uid,
      ownerKind: 'Deployment',
      ownerName: 'web',
      ownerUid: dep.metadata.uid,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' }, matchExpressions: [] },
      templateLabels: { app: 'web', 'pod-template-hash': 'abc' },
      replicas: 3,
      labels: {},
      resourceVersion: rs.metadata.resourceVersion,
      k8sCreatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(normalize('DEPLOYMENT', dep).record).toMatchObject({ kind: 'Deployment', ownerKind: null, ownerUid: null, replicas: 3 });
    const cases = [
      normalize('DAEMON_SET', kWorkload('apps/v1', 'DaemonSet', 'agent', { selector: { matchLabels: { app: 'agent' } }, template: tpl({ app: 'agent' }) })).record,
      normalize('STATEFUL_SET', kWorkload('apps/v1', 'StatefulSet', 'db', { replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: tpl({ app: 'db' }) })).record,
      normalize('REPLICATION_CONTROLLER', kWorkload('v1', 'ReplicationController', 'rc', { replicas: 1, selector: { app: 'rc' }, template: tpl({ app: 'rc' }) })).record,
      normalize('JOB', kWorkload('batch/v1', 'Job', 'j', { parallelism: 2, selector: { matchLabels: { 'controller-uid': 'u' } }, template: tpl({ 'controller-uid': 'u', 'job-name': 'j' }) })).record,
      normalize('CRON_JOB', kWorkload('batch/v1', 'CronJob', 'cj', { schedule: '* * * * *', jobTemplate: { spec: { template: tpl({ app: 'cj' }) } } })).record,
    ];
    expect(cases.map((c) => [c.kind, c.selector?.matchLabels ?? null, c.templateLabels, c.replicas])).toEqual([
      ['DaemonSet', { app: 'agent' }, { app: 'agent' }, null],
      ['StatefulSet', { app: 'db' }, { app: 'db' }, 2],
      ['ReplicationController', { app: 'rc' }, { app: 'rc' }, 1],
      ['Job', { 'controller-uid': 'u' }, { 'controller-uid': 'u', 'job-name': 'j' }, 2],
      ['CronJob', null, { app: 'cj' }, null],
    ]);
  });

  it('names the kind and the field of a malformed workload', () => {
    const bad = kWorkload('apps/v1', 'StatefulSet', 'db', { replicas: 'two', selector: {}, template: tpl({}) });
    expect(() => normalize('STATEFUL_SET', bad)).toThrow('StatefulSet default/db: spec.replicas: expected an integer, got "two"');
  });
});
