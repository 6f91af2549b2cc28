// kube-sim command line: simulated clusters until Ctrl-C.
//   npm run kube-sim -- --clusters 3 --scenario seed --kubeconfig kube.yaml [--host 127.0.0.1] [--port 6443] [--no-lb] [--generate 20x15x3x2]
import { type SimClusterOptions, startClusters } from '@switchboard/kube-sim';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    clusters: { type: 'string', default: '1' },
    scenario: { type: 'string' },
    kubeconfig: { type: 'string' },
    // Where clients reach the clusters: listened on, and written into the kubeconfig and certificates (e.g. a container's name).
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'no-lb': { type: 'boolean', default: false },
    generate: { type: 'string', description: 'namespaces x services x pods x ingresses, e.g. 20x15x3x2' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: kube-sim [--clusters N] [--scenario seed|<dir>] [--kubeconfig <file>] [--host H] [--port P] [--no-lb] [--generate NSxSVCxPODSxING] [--seed N]');
  process.exit(0);
}
const count = Number(values.clusters);
if (!Number.isInteger(count) || count < 1 || count > 50) {
  console.error('--clusters must be a whole number from 1 to 50');
  process.exit(2);
}
let generate: SimClusterOptions['generate'];
if (values.generate) {
  const parts = values.generate.split('x').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0)) {
    console.error('--generate takes four whole numbers: namespaces x services-per-namespace x pods-per-service x ingresses-per-namespace, e.g. 20x15x3x2');
    process.exit(2);
  }
  generate = { seed: Number(values.seed), namespaces: parts[0]!, servicesPerNamespace: parts[1]!, podsPerService: parts[2]!, ingressesPerNamespace: parts[3]! };
}
const basePort = Number(values.port);
const regions = ['eu-west-1', 'us-east-1', 'ap-south-1', 'eu-central-1', 'us-west-2'];
const sims = await startClusters(
  Array.from({ length: count }, (_, i) => ({
    name: count === 1 ? 'kube-sim' : `kube-sim-${i + 1}`,
    host: values.host,
    port: basePort ? basePort + i : 0,
    region: regions[i % regions.length],
    scenario: values.scenario,
    loadBalancer: values['no-lb'] ? (false as const) : undefined,
    generate,
  })),
);
if (values.kubeconfig) await sims.writeKubeconfig(values.kubeconfig);
for (const c of sims.clusters) console.log(`${c.name}\t${c.url}`);
if (values.kubeconfig) console.log(`kubeconfig written to ${values.kubeconfig} (one context per cluster)`);
const stop = () => void sims.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
