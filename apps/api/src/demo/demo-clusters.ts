import type { SimClusterOptions } from '@switchboard/kube-sim';

/** Marks clusters demo mode registered, so a later start knows it may re-point them. */
export const DEMO_LABEL = 'switchboard.io/demo';

export interface DemoCluster {
  sim: SimClusterOptions;
  displayName: string;
  labels: Record<string, string>;
}

/**
 * Three clusters a newcomer can explore: two production regions with a
 * LoadBalancer provider, one staging cluster without (its LoadBalancers stay
 * pending, so that diagnostic shows up). Each holds the seed scenarios plus a
 * generated, deterministic spread of team namespaces, services and ingresses.
 */
export const DEMO_CLUSTERS: readonly DemoCluster[] = [
  {
    displayName: 'Production (EU)',
    labels: { environment: 'prod', region: 'eu-west-1', owner: 'platform' },
    sim: {
      name: 'prod-eu',
      region: 'eu-west-1',
      zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      loadBalancer: { ipPool: '198.51.100.0/24' },
      nodeAddressBase: { internal: '10.10.0.', external: '203.0.113.' },
      scenario: 'seed',
      generate: { seed: 101, namespaces: 6, servicesPerNamespace: 8, podsPerService: 2, ingressesPerNamespace: 2 },
    },
  },
  {
    displayName: 'Production (US)',
    labels: { environment: 'prod', region: 'us-east-1', owner: 'platform' },
    sim: {
      name: 'prod-us',
      region: 'us-east-1',
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      loadBalancer: { ipPool: '192.0.2.0/24', hostnames: true },
      nodeAddressBase: { internal: '10.20.0.', external: '198.18.0.' },
      scenario: 'seed',
      generate: { seed: 202, namespaces: 5, servicesPerNamespace: 8, podsPerService: 2, ingressesPerNamespace: 2 },
    },
  },
  {
    displayName: 'Staging',
    labels: { environment: 'staging', region: 'eu-central-1', owner: 'platform' },
    sim: {
      name: 'staging',
      region: 'eu-central-1',
      zones: ['eu-central-1a', 'eu-central-1b'],
      nodes: 2,
      loadBalancer: false,
      nodeAddressBase: { internal: '10.30.0.', external: null },
      scenario: 'seed',
      generate: { seed: 303, namespaces: 4, servicesPerNamespace: 6, podsPerService: 1, ingressesPerNamespace: 1 },
    },
  },
];
