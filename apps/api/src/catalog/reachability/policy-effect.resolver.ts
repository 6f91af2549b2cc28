import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ConnectionModel, ConnectivityWorkloadModel } from '../../connectivity/dto/connectivity-analysis.model.js';
import { NetworkPolicyModel } from '../network-policies/dto/network-policy.model.js';
import { toConnectionModels } from './reachability-model.js';
import { ReachabilityService } from './reachability.service.js';

const EFFECT = Symbol('effect');
type Memo = NetworkPolicyModel & { [EFFECT]?: ReturnType<ReachabilityService['policyEffect']> };

/** `NetworkPolicy.selectedWorkloads` and `NetworkPolicy.allows`, computed once per policy and request. */
@Resolver(() => NetworkPolicyModel)
export class PolicyEffectResolver {
  constructor(private readonly reach: ReachabilityService) {}

  private of(caller: Caller, p: Memo) {
    return (p[EFFECT] ??= this.reach.policyEffect(caller, p.cluster, p.namespace, p.name));
  }

  @ResolveField(() => [ConnectivityWorkloadModel], { description: 'Workloads with some pod the policy selects (hostNetwork pods are outside policy)' })
  async selectedWorkloads(@CurrentCaller() caller: Caller, @Parent() parent: Memo): Promise<ConnectivityWorkloadModel[]> {
    return (await this.of(caller, parent)).selectedWorkloads;
  }

  @ResolveField(() => [ConnectionModel], { description: "Allowed connections one of this policy's rules allows (its why names the policy)" })
  async allows(@CurrentCaller() caller: Caller, @Parent() parent: Memo): Promise<ConnectionModel[]> {
    return toConnectionModels((await this.of(caller, parent)).allows);
  }
}
