import { describe, expect, it } from 'vitest';
import { seedCluster } from '../test/seed.js';
import {
  buildTopology,
  computeDiagnostics,
  filterTopology,
  type Topology,
  type TopologyEdge,
  type TopologyNode,
  type TopologyObjectKind,
  type TopologyStatus,
  type TopologyViewOptions,
  topologyGroupId,
  topologyOutline,
  topologyView,
  worstTopologyStatus,
} from './index.js';

/** A small graph by hand: `c` with namespaces shop (ingress, 3 services, pods), pay (a shared pod) and empty. */
function graph(): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const node = (id: string, kind: TopologyNode['kind'], namespace: string | null, name: string, status: TopologyStatus = 'OK') => nodes.push({ id, kind, cluster: 'c', namespace, name, status, data: {} });
  const edge = (source: string, target: string, kind: TopologyEdge['kind'], ready: boolean | null = null) => edges.push({ id: `${source}->${target}`, source, target, kind, label: null, ready });
  node('cluster:c', 'Cluster', null, 'c');
  for (const ns of ['shop', 'pay', 'empty']) {
    node(`ns:c/${ns}`, 'Namespace', ns, ns);
    edge('cluster:c', `ns:c/${ns}`, 'CONTAINS');
  }
  node('ing:c/shop/site', 'Ingress', 'shop', 'site', 'ERROR');
  node('svc:c/shop/web', 'Service', 'shop', 'web');
  node('svc:c/shop/api', 'Service', 'shop', 'api', 'WARNING');
  node('svc:c/shop/gone', 'Service', 'shop', 'gone', 'MISSING');
  edge('ing:c/shop/site', 'svc:c/shop/web', 'ROUTES');
  edge('ing:c/shop/site', 'svc:c/shop/gone', 'ROUTES');
  for (let i = 0; i < 5; i++) {
    node(`pod:c/shop/web-${i}`, 'Pod', 'shop', `web-${i}`, i === 4 ? 'WARNING' : 'OK');
    edge('svc:c/shop/web', `pod:c/shop/web-${i}`, i === 4 ? 'SELECTS' : 'ENDPOINT', i !== 4);
  }
  for (let i = 0; i < 2; i++) {
    node(`pod:c/shop/api-${i}`, 'Pod', 'shop', `api-${i}`);
    edge('svc:c/shop/api', `pod:c/shop/api-${i}`, 'ENDPOINT', true);
  }
  node('svc:c/pay/pay', 'Service', 'pay', 'pay');
  node('svc:c/pay/pay-canary', 'Service', 'pay', 'pay-canary');
  node('pod:c/pay/pay-0', 'Pod', 'pay', 'pay-0', 'WARNING');
  edge('svc:c/pay/pay', 'pod:c/pay/pay-0', 'ENDPOINT', false);
  edge('svc:c/pay/pay-canary', 'pod:c/pay/pay-0', 'ENDPOINT', false);
  for (const [s, t] of [
    ['ns:c/shop', 'ing:c/shop/site'],
    ['ns:c/shop', 'svc:c/shop/web'],
    ['ns:c/shop', 'svc:c/shop/api'],
    ['ns:c/shop', 'svc:c/shop/gone'],
    ['ns:c/pay', 'svc:c/pay/pay'],
    ['ns:c/pay', 'svc:c/pay/pay-canary'],
  ] as const)
    edge(s, t, 'CONTAINS');
  return { nodes, edges };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('filterTopology', () => {
  const g = graph();
  it.each<[string, { kinds?: TopologyObjectKind[]; onlyUnhealthy?: boolean }, string[], string[]]>([
    ['no filter keeps everything, empty namespaces too', {}, ids(g.nodes), []],
    [
      'only unhealthy: the unhealthy objects, the services of unhealthy pods, and their frame as context',
      { onlyUnhealthy: true },
      ['cluster:c', 'ns:c/shop', 'ns:c/pay', 'ing:c/shop/site', 'svc:c/shop/web', 'svc:c/shop/api', 'svc:c/shop/gone', 'pod:c/shop/web-4', 'svc:c/pay/pay', 'svc:c/pay/pay-canary', 'pod:c/pay/pay-0'],
      ['cluster:c', 'ns:c/shop', 'ns:c/pay', 'svc:c/shop/web', 'svc:c/pay/pay', 'svc:c/pay/pay-canary'],
    ],
    ['a kind filter drops the other kinds and the namespaces left empty', { kinds: ['Ingress'] }, ['cluster:c', 'ns:c/shop', 'ing:c/shop/site'], []],
    ['only unhealthy pods: no service brought in as context', { kinds: ['Pod'], onlyUnhealthy: true }, ['cluster:c', 'ns:c/shop', 'ns:c/pay', 'pod:c/shop/web-4', 'pod:c/pay/pay-0'], ['cluster:c', 'ns:c/shop', 'ns:c/pay']],
    ['every kind listed is the same as no kind filter', { kinds: ['Ingress', 'Service', 'Pod', 'Endpoint'] }, ids(g.nodes), []],
  ])('%s', (_name, opts, kept, context) => {
    const f = filterTopology(g, opts);
    expect(ids(f.nodes)).toEqual(kept);
    expect([...f.context].sort()).toEqual([...context].sort());
    const keptIds = new Set(kept);
    for (const e of f.edges) expect(keptIds.has(e.source) && keptIds.has(e.target), e.id).toBe(true);
  });

  it('knows the services each pod belongs to, from the whole graph (missing services own nothing)', () => {
    const f = filterTopology(g, { kinds: ['Pod'] });
    expect(f.owners.get('pod:c/pay/pay-0')).toEqual(['svc:c/pay/pay', 'svc:c/pay/pay-canary']);
    expect(f.owners.get('pod:c/shop/web-4')).toEqual(['svc:c/shop/web']);
    expect(f.narrowed).toBe(true);
    expect(f.objectCount).toBe(8);
  });

  it('the worst status wins', () => {
    expect(worstTopologyStatus([])).toBe('OK');
    expect(worstTopologyStatus(['OK', 'WARNING', 'MISSING'])).toBe('MISSING');
    expect(worstTopologyStatus(['MISSING', 'ERROR', 'WARNING'])).toBe('ERROR');
  });
});

describe('topologyView', () => {
  const g = graph();
  const all = filterTopology(g);
  const webPods = topologyGroupId('Pod', ['svc:c/shop/web'], 'ns:c/shop');
  const shape = (opts: TopologyViewOptions) => {
    const v = topologyView(all, opts);
    return v.items.map((i) => (i.type === 'group' ? `${i.id} ×${i.members.length} ${i.status}` : i.type === 'namespace' ? `${i.id}${i.collapsed ? ' collapsed' : ''}` : i.type === 'more' ? `${i.id} +${i.hidden}` : i.id));
  };

  it.each<[string, TopologyViewOptions, string[]]>([
    [
      'pods behind the same services collapse from podGroupMin; fewer stay drawn; reading order is ingress, then each service with its pods',
      {},
      [
        'cluster:c',
        'ns:c/shop',
        'ing:c/shop/site',
        'svc:c/shop/web',
        `${webPods} ×5 WARNING`,
        'svc:c/shop/api',
        'pod:c/shop/api-0',
        'pod:c/shop/api-1',
        'svc:c/shop/gone',
        'ns:c/pay',
        'svc:c/pay/pay',
        'pod:c/pay/pay-0',
        'svc:c/pay/pay-canary',
        'ns:c/empty',
      ],
    ],
    [
      'a group the reader opened draws its members',
      { toggles: { [webPods]: true } },
      ['cluster:c', 'ns:c/shop', 'ing:c/shop/site', 'svc:c/shop/web', 'pod:c/shop/web-0', 'pod:c/shop/web-1', 'pod:c/shop/web-2', 'pod:c/shop/web-3', 'pod:c/shop/web-4', 'svc:c/shop/api', 'pod:c/shop/api-0', 'pod:c/shop/api-1', 'svc:c/shop/gone', 'ns:c/pay', 'svc:c/pay/pay', 'pod:c/pay/pay-0', 'svc:c/pay/pay-canary', 'ns:c/empty'],
    ],
    [
      'over collapseAbove, the largest namespace collapses first (then the next, until it fits)',
      { collapseAbove: 10 },
      ['cluster:c', 'ns:c/shop collapsed', 'ns:c/pay', 'svc:c/pay/pay', 'pod:c/pay/pay-0', 'svc:c/pay/pay-canary', 'ns:c/empty'],
    ],
    ['collapsing stops when nothing is left to fold', { collapseAbove: 1 }, ['cluster:c', 'ns:c/shop collapsed', 'ns:c/pay collapsed', 'ns:c/empty']],
    [
      'a namespace the reader opened stays open; one they closed stays closed',
      { collapseAbove: 10, toggles: { 'ns:c/shop': true, 'ns:c/empty': false } },
      ['cluster:c', 'ns:c/shop', 'ing:c/shop/site', 'svc:c/shop/web', `${webPods} ×5 WARNING`, 'svc:c/shop/api', 'pod:c/shop/api-0', 'pod:c/shop/api-1', 'svc:c/shop/gone', 'ns:c/pay collapsed', 'ns:c/empty collapsed'],
    ],
    ['the budget draws the first items in reading order and counts the rest', { budget: 6 }, ['cluster:c', 'ns:c/shop', 'ing:c/shop/site', 'svc:c/shop/web', `${webPods} ×5 WARNING`, 'svc:c/shop/api', 'more:ns:c/shop +3', 'more:cluster:c +5']],
    [
      'a revealed node is drawn whatever the budget, with its namespace and group open',
      { budget: 4, reveal: 'pod:c/shop/web-3', collapseAbove: 1 },
      ['cluster:c', 'ns:c/shop', 'ing:c/shop/site', 'svc:c/shop/web', 'pod:c/shop/web-3', 'more:ns:c/shop +8', 'more:cluster:c +5'],
    ],
  ])('%s', (_name, opts, expected) => expect(shape(opts)).toEqual(expected));

  it('revealing a node that is drawn anyway changes nothing', () => {
    const v = topologyView(all, {});
    expect(topologyView(all, { reveal: 'svc:c/shop/api' }).items).toEqual(v.items);
  });

  it('groups pods by the set of services they belong to, and sums edges into a group', () => {
    const v = topologyView(all, { podGroupMin: 1 });
    const shared = v.items.find((i) => i.type === 'group' && i.owners.length === 2);
    expect(shared).toMatchObject({ id: 'group:Pod:svc:c/pay/pay+svc:c/pay/pay-canary', members: ['pod:c/pay/pay-0'] });
    const web = v.edges.find((e) => e.target === webPods)!;
    expect(web).toMatchObject({ source: 'svc:c/shop/web', count: 5, readyCount: 4, ready: false, edgeId: null });
    expect(v.edges.filter((e) => e.target === shared!.id).map((e) => e.source)).toEqual(['svc:c/pay/pay', 'svc:c/pay/pay-canary']);
    expect(v.shownBy.get('pod:c/shop/web-2')).toBe(webPods);
  });

  it('draws no edge into a collapsed namespace, and every edge joins two drawn items', () => {
    for (const opts of [{}, { collapseAbove: 10 }, { budget: 6 }, { podGroupMin: 1 }] satisfies TopologyViewOptions[]) {
      const v = topologyView(all, opts);
      const drawn = new Set(v.items.map((i) => i.id));
      for (const e of v.edges) expect(drawn.has(e.source) && drawn.has(e.target), e.id).toBe(true);
      // Parents come before their children.
      const seen = new Set<string>();
      for (const i of v.items) {
        if (i.parent) expect(seen.has(i.parent), i.id).toBe(true);
        seen.add(i.id);
      }
    }
    const v = topologyView(all, { collapseAbove: 10 });
    expect(v.edges.some((e) => e.source.includes('/shop/'))).toBe(false);
    expect(v.collapsedNamespaces).toBe(1);
    const shop = v.items.find((i) => i.id === 'ns:c/shop')!;
    expect(shop.type === 'namespace' && shop.counts).toEqual({ Ingress: 1, Service: 3, Pod: 7, Endpoint: 0 });
    expect(shop.type === 'namespace' && shop.statuses).toEqual({ OK: 7, WARNING: 2, ERROR: 1, MISSING: 1 });
    expect(v.shownBy.get('pod:c/shop/web-1')).toBe('ns:c/shop');
  });

  it('stays linear and within the budget for a 5,000-object namespace', () => {
    const nodes: TopologyNode[] = [{ id: 'cluster:c', kind: 'Cluster', cluster: 'c', namespace: null, name: 'c', status: 'OK', data: {} }, { id: 'ns:c/big', kind: 'Namespace', cluster: 'c', namespace: 'big', name: 'big', status: 'OK', data: {} }];
    const edges: TopologyEdge[] = [];
    for (let s = 0; s < 1000; s++) {
      const sid = `svc:c/big/s${s}`;
      nodes.push({ id: sid, kind: 'Service', cluster: 'c', namespace: 'big', name: `s${s}`, status: 'OK', data: {} });
      for (let p = 0; p < 4; p++) {
        nodes.push({ id: `pod:c/big/s${s}-${p}`, kind: 'Pod', cluster: 'c', namespace: 'big', name: `s${s}-${p}`, status: 'OK', data: {} });
        edges.push({ id: `${sid}->pod:c/big/s${s}-${p}`, source: sid, target: `pod:c/big/s${s}-${p}`, kind: 'ENDPOINT', label: null, ready: true });
      }
    }
    const started = performance.now();
    const v = topologyView(filterTopology({ nodes, edges }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(v.items.filter((i) => i.type !== 'more').length).toBeLessThanOrEqual(400);
    expect(v.hidden).toBe(5000 - 5 * 199);
    expect(v.items.at(-1)).toMatchObject({ type: 'more', id: 'more:ns:c/big' });
  });
});

describe('topologyOutline', () => {
  const flat = (entries: ReturnType<typeof topologyOutline>, depth = 0): string[] => entries.flatMap((e) => [`${'  '.repeat(depth)}${e.node.id}${e.context ? ' (context)' : ''}${e.routesTo.length ? ` → ${e.routesTo.map((r) => r.name).join(', ')}` : ''}`, ...flat(e.children, depth + 1)]);

  it('cluster → namespace → ingresses and services → their pods; a shared pod under each service', () => {
    expect(flat(topologyOutline(filterTopology(graph())))).toEqual([
      'cluster:c',
      '  ns:c/empty',
      '  ns:c/pay',
      '    svc:c/pay/pay',
      '      pod:c/pay/pay-0',
      '    svc:c/pay/pay-canary',
      '      pod:c/pay/pay-0',
      '  ns:c/shop',
      '    ing:c/shop/site → web, gone',
      '    svc:c/shop/api',
      '      pod:c/shop/api-0',
      '      pod:c/shop/api-1',
      '    svc:c/shop/gone',
      '    svc:c/shop/web',
      '      pod:c/shop/web-0',
      '      pod:c/shop/web-1',
      '      pod:c/shop/web-2',
      '      pod:c/shop/web-3',
      '      pod:c/shop/web-4',
    ]);
  });

  it('follows the filters: pods of hidden services sit under their namespace; context is marked', () => {
    expect(flat(topologyOutline(filterTopology(graph(), { kinds: ['Pod'], onlyUnhealthy: true })))).toEqual(['cluster:c (context)', '  ns:c/pay (context)', '    pod:c/pay/pay-0', '  ns:c/shop (context)', '    pod:c/shop/web-4']);
  });

  it('lists every node of a real graph at least once', () => {
    const a = seedCluster({ cluster: 'a' });
    const t = buildTopology([a], {}, { diagnostics: computeDiagnostics([a], { now: '2026-01-01T00:01:00Z' }) });
    const listed = new Set(flat(topologyOutline(filterTopology(t))).map((l) => l.trim().split(' ')[0]));
    expect([...listed].sort()).toEqual(t.nodes.map((n) => n.id).sort());
  });
});
