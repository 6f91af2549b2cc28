import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClusterModel, RegisterClusterInput, UpdateClusterInput } from './dto/cluster.model.js';
import { ClustersService } from './clusters.service.js';

@ApiTags('clusters')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusterService: ClustersService) {}

  @Get()
  @ApiOkResponse({ type: [ClusterModel] })
  list(): Promise<ClusterModel[]> {
    return this.clusterService.list();
  }

  @Post()
  @ApiCreatedResponse({ type: [ClusterModel], description: 'One cluster per registered context' })
  register(@Body() body: RegisterClusterInput): Promise<ClusterModel[]> {
    return this.clusterService.register(body ?? {});
  }

  @Get(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  get(@Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.get(cluster);
  }

  @Patch(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  update(@Param('cluster') cluster: string, @Body() body: UpdateClusterInput): Promise<ClusterModel> {
    return this.clusterService.update(cluster, body ?? {});
  }

  @Delete(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  remove(@Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.remove(cluster);
  }

  @Post(':cluster/resync')
  @HttpCode(202)
  @ApiOkResponse({ type: ClusterModel })
  resync(@Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.resync(cluster);
  }
}
