import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { toWorkloadModel, WorkloadModel } from './dto/workload.model.js';
import { WorkloadsService } from './workloads.service.js';

@Resolver(() => WorkloadModel)
export class WorkloadsResolver {
  constructor(private readonly service: WorkloadsService) {}

  @Query(() => [WorkloadModel], { description: "A cluster's (or namespace's) top workloads, each with the pods whose owner chain ends there; NOT_FOUND for an unknown cluster" })
  async workloads(
    @CurrentCaller() caller: Caller,
    @Args('cluster') cluster: string,
    @Args('namespace', { type: () => String, nullable: true }) namespace: string | undefined,
  ): Promise<WorkloadModel[]> {
    return (await this.service.list(caller, cluster, namespace)).map(toWorkloadModel);
  }
}
