import { Injectable } from '@nestjs/common';
import { diagnoseReachability, scopeCovers, type Diagnostic, type Scope } from '@switchboard/k8s-model';
import { IngressesRepository } from '../ingresses/ingresses.repository.js';
import { ServicesRepository } from '../services/services.repository.js';
import { ReachabilityIndex } from './reachability-index.service.js';
import { ReachabilityInputRepository } from './reachability-input.repository.js';

/** Every service and ingress of a cluster with policies is checked; a cluster has far fewer than this. */
const MAX_OBJECTS = 100_000;

/**
 * Reachability findings of the clusters in a read scope, for the catalog's findings list.
 * Clusters without NetworkPolicies have none and cost one cached lookup.
 */
@Injectable()
export class ReachabilityDiagnostics {
  constructor(
    private readonly index: ReachabilityIndex,
    private readonly repo: ReachabilityInputRepository,
    private readonly services: ServicesRepository,
    private readonly ingresses: IngressesRepository,
  ) {}

  async list(scope: Scope, filter: { clusters?: string[]; namespaces?: string[] }): Promise<Diagnostic[]> {
    const clusters = await this.repo.findClusters(scope, filter.clusters);
    const found = await Promise.all(
      clusters.map(async (cluster) => {
        const reach = await this.index.get(cluster);
        if (reach.input.policies.length === 0) return [];
        // The whole cluster is checked (who reaches a service is not scoped); findings are cut to the scope after.
        const [services, ingresses] = await Promise.all([
          this.services.search({ clusters: [cluster.name], pendingLoadBalancerSeconds: 0, sort: 'CLUSTER', limit: MAX_OBJECTS }, { countTotal: false }),
          this.ingresses.search({ clusters: [cluster.name], limit: MAX_OBJECTS }),
        ]);
        return diagnoseReachability({
          cluster: cluster.name,
          compiled: reach.compiled,
          input: reach.input,
          services: services.items.map((i) => i.service),
          ingresses: ingresses.items.map((i) => i.ingress),
        }).filter((d) => scopeCovers(scope, cluster.id, d.object.namespace) && (!filter.namespaces?.length || filter.namespaces.includes(d.object.namespace)));
      }),
    );
    return found.flat();
  }
}
