// @switchboard/kube-sim: a Kubernetes API server simulator over HTTPS for tests,
// demo mode and benchmarks. See libs/kube-sim/README.md for what it implements.
export { startCluster, startClusters, kubeconfigFor, type SimCluster, type SimClusterOptions, type SimFaults } from './sim-cluster.js';
export { SimStatusError, type KubeStatus } from './status.js';
export { generateObjects, type GenerateOptions, rng } from './generator.js';
export { loadManifests, seedScenarioDir } from './scenarios.js';
export { generateCertificates, type ClusterCertificates } from './tls.js';
