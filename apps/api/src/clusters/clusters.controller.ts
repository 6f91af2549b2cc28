import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import { ClusterModel, RegisterClusterInput, UpdateClusterInput } from './dto/cluster.model.js';
import { ConnectionTestModel } from './dto/connection-test.model.js';
import { ClustersService } from './clusters.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';

@ApiTags('clusters')
@ApiExtraModels(ClusterModel)
@ApiErrors(...AUTHENTICATED)
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusterService: ClustersService) {}

  @Get()
  @ApiOkResponse({ type: [ClusterModel] })
  list(@CurrentCaller() caller: Caller): Promise<ClusterModel[]> {
    return this.clusterService.list(caller);
  }

  @Post()
  @ApiCreatedResponse({
    description: 'The cluster; with `contexts: [...]`, one cluster per context, as an array',
    schema: { oneOf: [{ $ref: getSchemaPath(ClusterModel) }, { type: 'array', items: { $ref: getSchemaPath(ClusterModel) } }] },
  })
  @ApiErrors(403, 409, 422, 429, 502)
  async register(@CurrentCaller() caller: Caller, @Body() body: RegisterClusterInput): Promise<ClusterModel | ClusterModel[]> {
    const created = await this.clusterService.register(caller, body ?? {});
    return Array.isArray(body?.contexts) ? created : created[0]!;
  }

  @Post('test')
  @HttpCode(200)
  @ApiOkResponse({ type: [ConnectionTestModel], description: 'One result per cluster the body would register (same body as POST /clusters); nothing is stored' })
  @ApiErrors(403, 409, 422, 429)
  testConnection(@CurrentCaller() caller: Caller, @Body() body: RegisterClusterInput): Promise<ConnectionTestModel[]> {
    return this.clusterService.testConnection(caller, body ?? {});
  }

  @Get(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  @ApiErrors(404)
  get(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.get(caller, cluster);
  }

  @Patch(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  @ApiErrors(403, 404, 409, 422)
  update(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Body() body: UpdateClusterInput): Promise<ClusterModel> {
    return this.clusterService.update(caller, cluster, body ?? {});
  }

  @Delete(':cluster')
  @ApiOkResponse({ type: ClusterModel })
  @ApiErrors(403, 404)
  remove(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.remove(caller, cluster);
  }

  @Post(':cluster/resync')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ClusterModel, description: 'Every kind is listed again' })
  @ApiErrors(403, 404)
  resync(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<ClusterModel> {
    return this.clusterService.resync(caller, cluster);
  }
}
