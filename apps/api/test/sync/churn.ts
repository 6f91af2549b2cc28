import type { SimCluster } from '@switchboard/kube-sim';

/**
 * Creates, changes and deletes services (and scales the seed deployment, so pods and
 * endpoint slices move too) as fast as the simulator takes them, until stopped.
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
