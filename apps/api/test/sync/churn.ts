import type { SimCluster } from '@switchboard/kube-sim';

/**
 * Creates, changes and deletes services and network policies (and scales the seed
 * deployment and rolls another one out, so pods, ReplicaSets and endpoint slices move
 * too) as fast as the simulator takes them, until stopped.
 * Yields to the event loop every few changes: the API runs in the same process.
 */
export function startChurn(sim: SimCluster, namespace = 'default'): { stop(): Promise<number> } {
  let running = true;
  let changes = 0;
  const done = (async () => {
    while (running) {
      const n = changes++;
      const name = `churn-${n % 150}`;
      if (n % 4 === 3) await sim.delete('v1', 'Service', namespace, name).catch(() => undefined);
      else await sim.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels: { rev: String(n) } }, spec: { selector: { app: 'MyApp' }, ports: [{ port: 80 + (n % 7), targetPort: 8080 }] } });
      if (n % 97 === 0) await sim.scale(namespace, 'myapp-deployment', 1 + (n % 5)).catch(() => undefined);
      if (n % 9 === 4) {
        const policy = `churn-np-${n % 20}`;
        if (n % 2) await sim.delete('networking.k8s.io/v1', 'NetworkPolicy', namespace, policy).catch(() => undefined);
        else await sim.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: policy, namespace }, spec: { podSelector: { matchLabels: { app: 'MyApp' } }, ingress: [{ ports: [{ port: 8000 + (n % 50) }] }] } });
      }
      // A new template each time: a new ReplicaSet, the old one scaled to 0.
      if (n % 61 === 0) {
        await sim.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'churn-web', namespace }, spec: { replicas: 1, selector: { matchLabels: { app: 'churn-web' } }, template: { metadata: { labels: { app: 'churn-web' } }, spec: { containers: [{ name: 'web', image: `web:${n % 4}` }] } } } });
      }
      if (n % 5 === 0) await new Promise((r) => setImmediate(r));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return changes;
    },
  };
}
