import { Injectable } from '@nestjs/common';
import { buildTopology, computeDiagnostics, DEFAULT_LOAD_BALANCER_PENDING_SECONDS, type Topology, type TopologySnapshot } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import { ServicesRepository } from '../services/services.repository.js';
import { TopologyRepository } from './topology.repository.js';

/** Past this many services + pods a graph is no longer readable: narrow the scope. */
export const MAX_TOPOLOGY_OBJECTS = 20_000;

export interface TopologyRequest {
  cluster?: string;
  namespace?: string;
  service?: { cluster: string; namespace: string; name: string };
}

@Injectable()
export class TopologyService {
  constructor(
    private readonly repo: TopologyRepository,
    private readonly services: ServicesRepository,
    private readonly access: AccessPolicy,
  ) {}

  async build(caller: Caller, req: TopologyRequest): Promise<Topology> {
    const readable = this.access.readScope(caller);
    if (req.service) {
      const { cluster, namespace, name } = req.service;
      if (!(await this.services.findByName(cluster, namespace, name, readable))) {
        throw DomainError.notFound(`service "${name}" in namespace "${namespace}" of cluster "${cluster}"`);
      }
    }
    // A service's neighbourhood lives in its own cluster and namespace.
    const scope = req.service ? { cluster: req.service.cluster, namespace: req.service.namespace } : { cluster: req.cluster, namespace: req.namespace };
    // Counted and loaded within what the caller may read: what it may not see neither refuses its graph nor shows in the count.
    const size = await this.repo.size(scope, readable);
    if (size > MAX_TOPOLOGY_OBJECTS) {
      throw DomainError.validation(
        [{ field: scope.cluster ? 'namespace' : 'cluster', rule: 'tooLarge', message: `the graph would hold ${size} services and pods (limit ${MAX_TOPOLOGY_OBJECTS}); narrow it by cluster, namespace or service` }],
      );
    }
    const snapshots = await this.repo.snapshot(scope, readable);
    // A scope that names what does not exist (or is not readable) is an error, not an empty graph.
    if (scope.cluster && snapshots.length === 0) throw DomainError.notFound(`cluster "${scope.cluster}"`);
    if (scope.namespace && !snapshots.some((s) => holdsNamespace(s, scope.namespace!))) {
      throw DomainError.notFound(`namespace "${scope.namespace}" ${scope.cluster ? `in cluster "${scope.cluster}"` : 'in any cluster'}`);
    }
    const diagnostics = computeDiagnostics(snapshots, { now: new Date(), loadBalancerPendingSeconds: DEFAULT_LOAD_BALANCER_PENDING_SECONDS });
    return buildTopology(snapshots, { cluster: scope.cluster, namespace: scope.namespace, service: req.service }, { diagnostics });
  }
}

/** A namespace exists when it is mirrored, or when objects in it are (namespaces sync on their own). */
function holdsNamespace(s: TopologySnapshot, ns: string): boolean {
  return !!s.namespaces?.some((n) => n.name === ns) || s.services.some((x) => x.namespace === ns) || s.pods.some((x) => x.namespace === ns) || s.ingresses.some((x) => x.namespace === ns);
}
