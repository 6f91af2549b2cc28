import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClusterModel, RegisterClusterInput, UpdateClusterInput } from './dto/cluster.model.js';
import { ClustersService } from './clusters.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';

@ApiTags('clusters')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusterService: ClustersService) {}

  @Get()
  @ApiOkResponse({ type: [ClusterModel] })
  list(@CurrentCaller() caller: Caller): Promise<ClusterModel[]> {
    return this.clusterService.list(caller);
  }

  @Post()
  @ApiCreatedResponse({ type: [ClusterModel], description: 'One cluster per registered context' })
  register(@CurrentCaller() caller: Caller, @Body() body: RegisterClusterInput): Promise<ClusterModel[]> {
    return this.clusterService.register(caller, body ?? {});
  }

  @Get(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  get(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.get(caller, cluster);
  }

  @Patch(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  update(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Body() body: UpdateClusterInput): Promise<ClusterModel> {
    return this.clusterService.update(caller, cluster, body ?? {});
  }

  @Delete(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  remove(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.remove(caller, cluster);
  }

  @Post(':cluster/resync')
  @HttpCode(202)
  @ApiOkResponse({ type: ClusterModel })
  resync(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.resync(caller, cluster);
  }
}
