import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import { toWorkloadModel, WorkloadModel } from './dto/workload.model.js';
import { WorkloadsService } from './workloads.service.js';

@ApiTags('workloads')
@ApiErrors(...AUTHENTICATED)
@Controller()
export class WorkloadsController {
  constructor(private readonly workloads: WorkloadsService) {}

  @Get('clusters/:cluster/workloads')
  @ApiOkResponse({ type: [WorkloadModel], description: "The cluster's top workloads with their pods, by namespace and name" })
  @ApiErrors(404)
  async list(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<WorkloadModel[]> {
    return (await this.workloads.list(caller, cluster)).map(toWorkloadModel);
  }

  @Get('clusters/:cluster/namespaces/:namespace/workloads')
  @ApiOkResponse({ type: [WorkloadModel], description: "The namespace's top workloads with their pods, by name" })
  @ApiErrors(404)
  async inNamespace(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string): Promise<WorkloadModel[]> {
    return (await this.workloads.list(caller, cluster, namespace)).map(toWorkloadModel);
  }
}
