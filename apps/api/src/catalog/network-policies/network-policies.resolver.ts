import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { NetworkPolicyModel } from './dto/network-policy.model.js';
import { toNetworkPolicyModel } from './dto/to-network-policy-model.js';
import { NetworkPoliciesService } from './network-policies.service.js';

@Resolver(() => NetworkPolicyModel)
export class NetworkPoliciesResolver {
  constructor(private readonly policies: NetworkPoliciesService) {}

  @Query(() => [NetworkPolicyModel], { description: 'Mirrored NetworkPolicies of a cluster (of one namespace when given), by namespace and name; NOT_FOUND for an unknown cluster' })
  async networkPolicies(
    @CurrentCaller() caller: Caller,
    @Args('cluster') cluster: string,
    @Args('namespace', { type: () => String, nullable: true }) namespace: string | undefined,
  ): Promise<NetworkPolicyModel[]> {
    return (await this.policies.list(caller, cluster, namespace)).map(toNetworkPolicyModel);
  }

  @Query(() => NetworkPolicyModel, { nullable: true, description: 'One mirrored NetworkPolicy; null when the cluster has none of that name in the namespace (or the caller may not read it); NOT_FOUND for an unknown cluster' })
  async networkPolicy(@CurrentCaller() caller: Caller, @Args('cluster') cluster: string, @Args('namespace') namespace: string, @Args('name') name: string): Promise<NetworkPolicyModel | null> {
    const found = (await this.policies.list(caller, cluster, namespace)).find((p) => p.name === name);
    return found ? toNetworkPolicyModel(found) : null;
  }
}
