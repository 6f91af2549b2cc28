import * as k8s from '@kubernetes/client-node';
// Perf check for issue #3 (not a test: prints numbers). Build first: tsc -b libs/kube-sim/tsconfig.lib.json
// then: node libs/kube-sim/bench/perf.mjs
const { startCluster } = await import('../dist/index.js');
let t = performance.now();
const sim = await startCluster({ name: 'perf', generate: { seed: 1, namespaces: Number(process.env.NS ?? 100), servicesPerNamespace: 100, podsPerService: 3, ingressesPerNamespace: 2 } });
const gen = performance.now() - t;
console.log('generate', gen.toFixed(0), 'ms', 'services', sim.list('v1','Service').length, 'pods', sim.list('v1','Pod').length, 'slices', sim.list('discovery.k8s.io/v1','EndpointSlice').length);
const kc = new k8s.KubeConfig(); kc.loadFromString(sim.kubeconfig());
const core = kc.makeApiClient(k8s.CoreV1Api);
t = performance.now(); let n = 0, cont;
do { const r = await core.listServiceForAllNamespaces({ limit: 500, _continue: cont }); n += r.items.length; cont = r.metadata?._continue; } while (cont);
console.log('paginated list', n, (performance.now() - t).toFixed(0), 'ms');
const rv = sim.resourceVersion();
const watch = new k8s.Watch(kc);
let got = 0; const target = 10 * 1000; let done; const p = new Promise(r => done = r);
const ws = [];
for (let i = 0; i < 10; i++) ws.push(await watch.watch('/api/v1/services', { resourceVersion: rv }, (type) => { if (type !== 'BOOKMARK' && ++got === target) done(); }, () => {}));
await new Promise(r => setTimeout(r, 200));
const svcs = sim.list('v1','Service').slice(0, 1000);
t = performance.now();
for (const s of svcs) await sim.apply({ ...s, metadata: { ...s.metadata, labels: { ...(s.metadata.labels||{}), touched: 'yes' } } });
await p;
console.log('watch fan-out 1000 changes x 10 watchers', (performance.now() - t).toFixed(0), 'ms');
for (const w of ws) w.abort();
console.log('rss MiB', (process.memoryUsage().rss / 2**20).toFixed(0), 'heap MiB', (process.memoryUsage().heapUsed / 2**20).toFixed(0));
await sim.stop(); process.exit(0);
