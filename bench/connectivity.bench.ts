// Reachability benchmark (issue #17): the connection list of a namespace-scale cluster —
// 2,000 pods in 200 workloads across 20 namespaces, 300 NetworkPolicies — computed by the
// pure engine (libs/k8s-model), the input the live mode will feed it from the mirror.
import { describe, expect, it } from 'vitest';
import { analyzeReachability, compileReachability, isNoConnections, parseCidr, serviceReach, subtractIntervals, type IpInterval, type ReachPolicy, type ReachPod, type ReachabilityInput } from '@switchboard/k8s-model';
import { recordResult } from './support/record.js';

const NAMESPACES = 20;
const WORKLOADS = 200;
const PODS_PER_WORKLOAD = 10;
const POLICIES = 300;
const RUNS = 5;
/** Services asked about in the reachableFrom benchmark (one per workload of the first hundred). */
const SERVICES = 100;

function v4(cidr: string): IpInterval {
  const c = parseCidr(cidr);
  if (c?.family !== 4) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  return c.interval;
}

function topology(): ReachabilityInput {
  const pods: ReachPod[] = [];
  for (let w = 0; w < WORKLOADS; w++) {
    const namespace = `ns-${w % NAMESPACES}`;
    for (let i = 0; i < PODS_PER_WORKLOAD; i++) {
      // Every third workload is mid-rollout: two pod-template hashes, as a Deployment's pods are.
      const hash = w % 3 === 0 && i % 2 === 1 ? `h${w}b` : `h${w}a`;
      pods.push({
        namespace,
        name: `w${w}-${i}`,
        labels: { app: `w${w}`, tier: ['web', 'api', 'db'][w % 3]!, 'pod-template-hash': hash },
        ports: [
          { name: 'http', port: 8000 + (w % 7), protocol: 'TCP' },
          { name: 'metrics', port: 9090, protocol: 'TCP' },
        ],
        ips: [`10.${w}.0.${i}`],
        workload: { kind: 'Deployment', name: `w${w}` },
      });
    }
  }
  const namespaces = Array.from({ length: NAMESPACES }, (_, n) => ({ name: `ns-${n}`, labels: { team: `t${n % 5}` } }));
  const policies: ReachPolicy[] = [];
  // A default deny per namespace (both directions) ...
  for (let n = 0; n < NAMESPACES; n++) policies.push({ namespace: `ns-${n}`, name: 'default-deny', podSelector: [], ingress: [], egress: [] });
  // ... DNS anywhere and any port inside the cluster for everyone ...
  for (let n = 0; n < NAMESPACES; n++)
    policies.push({
      namespace: `ns-${n}`,
      name: 'allow-dns-and-cluster',
      podSelector: [],
      ingress: null,
      egress: [
        { index: 0, peers: null, ports: [{ protocol: 'UDP', port: 53, endPort: null }, { protocol: 'TCP', port: 53, endPort: null }] },
        { index: 1, peers: [{ kind: 'pods', namespaceSelector: [], podSelector: null }], ports: null },
      ],
    });
  // ... and allow-lists: each workload's ingress from two others (one by namespace + pod selector), egress to them.
  for (let k = 0; policies.length < POLICIES; k++) {
    const w = k % WORKLOADS;
    const ns = `ns-${w % NAMESPACES}`;
    // Same namespace as w (w ± multiples of NAMESPACES), so the own-namespace peer matches.
    const from = (w + NAMESPACES * (1 + (k % 3))) % WORKLOADS;
    const other = (w + 37) % WORKLOADS;
    const app = (x: number) => [{ key: 'app', op: 'in' as const, values: [`w${x}`] }];
    if (k % 4 === 3) {
      const cidr = `172.${16 + (k % 16)}.0.0/16`;
      const except = `172.${16 + (k % 16)}.${k % 200}.0/24`;
      policies.push({
        namespace: ns,
        name: `egress-${w}-${k}`,
        podSelector: app(w),
        ingress: null,
        egress: [
          { index: 0, peers: [{ kind: 'pods', namespaceSelector: [], podSelector: app(from) }], ports: [{ protocol: 'TCP', port: 'http', endPort: null }] },
          { index: 1, peers: [{ kind: 'ipBlock', cidr, except: [except], intervals: subtractIntervals([v4(cidr)], [v4(except)]) }], ports: [{ protocol: 'TCP', port: 443, endPort: null }] },
        ],
      });
    } else {
      policies.push({
        namespace: ns,
        name: `ingress-${w}-${k}`,
        podSelector: app(w),
        ingress: [
          { index: 0, peers: [{ kind: 'pods', namespaceSelector: null, podSelector: app(from) }], ports: [{ protocol: 'TCP', port: 'http', endPort: null }, { protocol: 'TCP', port: 9000, endPort: 9100 }] },
          { index: 1, peers: [{ kind: 'pods', namespaceSelector: [{ key: 'team', op: 'in', values: [`t${(other % NAMESPACES) % 5}`] }], podSelector: app(other) }], ports: null },
        ],
        egress: null,
      });
    }
  }
  return { pods, namespaces, policies };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The service in front of workload w: its app label, port 80 to the named port http. */
const serviceOf = (w: number) => ({ namespace: `ns-${w % NAMESPACES}`, selector: { app: `w${w}` }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });

function median(fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

describe('reachability engine', () => {
  it('computes the connection list of 2,000 pods in 200 workloads with 300 policies in ≤ 500 ms', () => {
    const input = topology();
    expect(input.pods).toHaveLength(2000);
    expect(input.policies).toHaveLength(POLICIES);
    let result = analyzeReachability(input);
    const ms = median(() => {
      result = analyzeReachability(input);
    });
    // Baseline: the same pods without any policy — grouping, pairs and the result list only.
    const open = { ...input, policies: [] };
    const baseline = median(() => analyzeReachability(open));
    const allowed = result.connections.filter((c) => !isNoConnections(c.connections)).length;
    expect(allowed).toBeGreaterThan(0);
    const ok = recordResult({
      id: 'reachability.connectivity-2k-pods-300-policies',
      title: 'connection list: 2,000 pods / 200 workloads / 300 policies (median of 5)',
      unit: 'ms',
      value: ms,
      goal: { max: 500, source: 'issue #17' },
      baseline: { label: 'same pods, no policy', value: baseline },
      details: { pairs: result.connections.length, allowedPairs: allowed, externalSources: result.externalSources.length, externalDestinations: result.externalDestinations.length },
    });
    expect(ok).toBe(true);
  });
});

describe('live reachability', () => {
  it("answers one service's reachableFrom in ≤ 50 ms (p99) from the cluster's cached index", () => {
    const input = topology();
    const ask = (compiled: ReturnType<typeof compileReachability>, w: number) => serviceReach(compiled, input, serviceOf(w))!;
    ask(compileReachability(input, { hostNetwork: 'outside-policy' }), SERVICES); // warm-up (JIT)
    const time = (fn: () => void) => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    };
    // From the index: compiled once (per change), each service asked for the first time.
    const compiled = compileReachability(input, { hostNetwork: 'outside-policy' });
    const first = Array.from({ length: SERVICES }, (_, w) => time(() => expect(ask(compiled, w).ports[0]!.allowedFrom.length).toBeGreaterThanOrEqual(0))).sort((a, b) => a - b);
    const again = Array.from({ length: SERVICES }, (_, w) => time(() => ask(compiled, w))).sort((a, b) => a - b);
    // The first question after a change also compiles the cluster again.
    const afterChange = Array.from({ length: SERVICES }, (_, w) => time(() => ask(compileReachability(input, { hostNetwork: 'outside-policy' }), w))).sort((a, b) => a - b);
    // Baseline: answering from the whole connection list (every pair computed).
    const full = median(() => analyzeReachability(input));
    const ok = recordResult({
      id: 'reachability.service-reachable-from-p99',
      title: `reachableFrom of one service from the cached index, 2,000 pods / 300 policies (p99 of ${SERVICES} services, each asked once)`,
      unit: 'ms',
      value: percentile(first, 99),
      goal: { max: 50, source: 'issue #17 (brief)' },
      baseline: { label: 'every pair of the cluster (median)', value: full },
      details: { p50: percentile(first, 50), askedAgainP99: percentile(again, 99), firstAfterChangeP50: percentile(afterChange, 50), firstAfterChangeP99: percentile(afterChange, 99) },
    });
    expect(ok).toBe(true);
  });

  it('keeps up with one pod or policy change without computing every pair again', () => {
    const input = topology();
    const pod = input.pods[0]!;
    const onePodChanged: ReachabilityInput = { ...input, pods: [{ ...pod, labels: { ...pod.labels, tier: 'db' } }, ...input.pods.slice(1)] };
    const onePolicyChanged: ReachabilityInput = { ...input, policies: [...input.policies.slice(0, -1), { ...input.policies.at(-1)!, ingress: [] }] };
    // A change drops the cluster's entry; the next question compiles the input again, pairs come on demand.
    const podUpdate = median(() => compileReachability(onePodChanged, { hostNetwork: 'outside-policy' }));
    const policyUpdate = median(() => compileReachability(onePolicyChanged, { hostNetwork: 'outside-policy' }));
    const full = median(() => analyzeReachability(onePolicyChanged, { hostNetwork: 'outside-policy' }));
    const value = Math.max(podUpdate, policyUpdate);
    const ok = recordResult({
      id: 'reachability.update-after-change',
      title: 'update after one pod or policy change: the cluster compiled again (pairs computed when asked), 2,000 pods / 300 policies (median of 5)',
      unit: 'ms',
      value,
      goal: { max: 100, source: 'issue #17: kept up to date without recomputing the whole cluster' },
      baseline: { label: 'every pair recomputed', value: full },
      details: { podChange: podUpdate, policyChange: policyUpdate },
    });
    expect(ok).toBe(true);
  });
});
