import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ConnectionModel } from '../../connectivity/dto/connectivity-analysis.model.js';
import { WorkloadModel } from '../workloads/dto/workload.model.js';
import { toConnectionModels } from './reachability-model.js';
import { ReachabilityService } from './reachability.service.js';

const REACH = Symbol('reach');
type Memo = WorkloadModel & { [REACH]?: ReturnType<ReachabilityService['workloadReach']> };

/** `Workload.canReach` and `Workload.reachableFrom` (allowed connections only), computed once per workload and request. */
@Resolver(() => WorkloadModel)
export class WorkloadReachabilityResolver {
  constructor(private readonly reach: ReachabilityService) {}

  private of(caller: Caller, w: Memo) {
    return (w[REACH] ??= this.reach.workloadReach(caller, w.cluster, { namespace: w.namespace, kind: w.kind, name: w.name }));
  }

  @ResolveField(() => [ConnectionModel], { description: 'Allowed connections from this workload to other workloads and outside ranges (empty when it runs no pod)' })
  async canReach(@CurrentCaller() caller: Caller, @Parent() parent: Memo): Promise<ConnectionModel[]> {
    return toConnectionModels((await this.of(caller, parent)).canReach);
  }

  @ResolveField(() => [ConnectionModel], { description: 'Allowed connections into this workload from other workloads and outside ranges' })
  async reachableFrom(@CurrentCaller() caller: Caller, @Parent() parent: Memo): Promise<ConnectionModel[]> {
    return toConnectionModels((await this.of(caller, parent)).reachableFrom);
  }
}
