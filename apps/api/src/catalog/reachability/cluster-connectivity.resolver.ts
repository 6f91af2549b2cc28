import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { checkWorkloadFocus } from './connectivity-request.js';
import { ClusterConnectivityModel, ConnectivityDiffModel, WorkloadFocusInput } from './dto/cluster-connectivity.model.js';
import { toClusterConnectivityModel, toConnectivityDiffModel } from './reachability-model.js';
import { ReachabilityService } from './reachability.service.js';

@Resolver(() => ClusterConnectivityModel)
export class ClusterConnectivityResolver {
  constructor(private readonly reach: ReachabilityService) {}

  @Query(() => ClusterConnectivityModel, {
    description: "The connections a mirrored cluster's NetworkPolicies allow between the workloads the caller may read (and outside ranges), each with why; focused on a namespace or a workload when given. NOT_FOUND for an unknown cluster",
  })
  async connectivity(
    @CurrentCaller() caller: Caller,
    @Args('cluster') cluster: string,
    @Args('namespace', { type: () => String, nullable: true, description: 'Keep pairs with an end in this namespace' }) namespace: string | undefined,
    @Args('workload', { type: () => WorkloadFocusInput, nullable: true, description: 'Keep pairs with this workload at an end' }) workload: WorkloadFocusInput | undefined,
    @Args('includeDenied', { type: () => Boolean, defaultValue: false, description: 'List pairs with nothing allowed too' }) includeDenied: boolean,
  ): Promise<ClusterConnectivityModel> {
    const query = { namespace: namespace || undefined, workload: workload ? checkWorkloadFocus(workload, 'workload') : undefined, includeDenied };
    return toClusterConnectivityModel(await this.reach.connectivity(caller, cluster, query), includeDenied);
  }

  @Query(() => ConnectivityDiffModel, {
    description: "What-if over a mirrored cluster: the manifests' NetworkPolicies (and namespaces, pods, workloads) added to or replacing the mirrored ones of the same namespace and name, and the connections that would be gained, lost or changed. Touches no cluster",
  })
  async connectivityWhatIf(@CurrentCaller() caller: Caller, @Args('cluster') cluster: string, @Args('manifests') manifests: string): Promise<ConnectivityDiffModel> {
    return toConnectivityDiffModel(await this.reach.whatIf(caller, cluster, manifests));
  }
}
