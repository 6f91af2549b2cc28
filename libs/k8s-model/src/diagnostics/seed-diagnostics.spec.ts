import { describe, expect, it } from 'vitest';
import { seedCluster } from '../../test/seed.js';
import { computeDiagnostics } from '../index.js';

// Records built from the fixture manifests through the real normalisers (test/seed.ts).
const now = '2026-01-01T00:02:00Z'; // two minutes after creation: load balancers not yet "too long"

describe('diagnostics of the seed scenarios', () => {
  it('exactly orphan-service and broken-ingress get findings', () => {
    const found = computeDiagnostics([seedCluster()], { now });
    expect(found).toEqual([
      {
        code: 'INGRESS_BACKEND_SERVICE_MISSING',
        severity: 'ERROR',
        object: { kind: 'Ingress', cluster: 'kind-1', namespace: 'default', name: 'broken-ingress' },
        message: 'Ingress default/broken-ingress routes broken.example.org/ to service missing-service, which does not exist in namespace default',
      },
      {
        code: 'SERVICE_SELECTS_NO_PODS',
        severity: 'WARNING',
        object: { kind: 'Service', cluster: 'kind-1', namespace: 'default', name: 'orphan-service' },
        message: 'Service default/orphan-service selects no pods: no pod in namespace default matches app=does-not-exist',
      },
    ]);
  });

  it('still only those two while the load balancer is pending but young', () => {
    expect(computeDiagnostics([seedCluster({ pendingLoadBalancers: true })], { now }).map((d) => d.object.name)).toEqual(['broken-ingress', 'orphan-service']);
  });

  it('a load balancer pending past the threshold is flagged', () => {
    const found = computeDiagnostics([seedCluster({ pendingLoadBalancers: true })], { now: '2026-01-01T00:10:00Z', loadBalancerPendingSeconds: 300 });
    expect(found.find((d) => d.code === 'LOAD_BALANCER_PENDING')).toEqual({
      code: 'LOAD_BALANCER_PENDING',
      severity: 'WARNING',
      object: { kind: 'Service', cluster: 'kind-1', namespace: 'default', name: 'my-loadbalancer-service' },
      message: 'Service default/my-loadbalancer-service has waited 10 min for a load-balancer address (limit 5 min): is a load-balancer controller running?',
    });
  });

  it('the same seed in two clusters: the same apps behind the same hosts are no conflict', () => {
    expect(computeDiagnostics([seedCluster({ cluster: 'a' }), seedCluster({ cluster: 'b' })], { now }).filter((d) => d.code === 'DUPLICATE_HOST_PATH')).toEqual([]);
  });
});
