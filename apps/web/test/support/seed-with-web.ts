import { type ProductWithClusters, startProductWithClusters } from './product-with-clusters.js';

/** The ids the connection list gives the seed's workloads that allow-web-to-api is about. */
export const WEB_ID = 'default/web[Deployment]';
export const API_ID = 'default/nextgen-api[Deployment]';

// The seed's allow-web-to-api names app=web, which the seed does not run: add it, behind a
// service (so the topology draws its pod and the policy allows something).
const WEB = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'c:1', ports: [{ name: 'http', containerPort: 8080 }] }] } } },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-service', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } },
];

/** The product with one seed cluster "eu" plus a web Deployment, once the API says web reaches api-service. */
export async function startSeedWithWeb(adminToken: string): Promise<ProductWithClusters> {
  const product = await startProductWithClusters(adminToken, [{ sim: { name: 'eu', scenario: 'seed', nodes: 2 }, displayName: 'Europe' }]);
  await product.clusters['eu']!.sim.apply(WEB);
  await product.waitFor('web mirrored and reaching api', async () => {
    const d = await product.gql<{ service: { reachableFrom: { ports: { allowedFrom: { peer: { id: string } }[] }[] } } }>('{ service(cluster: "eu", namespace: "default", name: "api-service") { reachableFrom { ports { allowedFrom { peer { id } } } } } }');
    return d.service.reachableFrom.ports[0]!.allowedFrom.some((a) => a.peer.id === WEB_ID);
  });
  return product;
}
