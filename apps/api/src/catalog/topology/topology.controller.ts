import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import { ApiTextQuery } from '../shared/query-docs.js';
import { DomainError } from '../../errors/domain-error.js';
import { queryOne } from '../shared/query-params.js';
import { TopologyModel } from './dto/topology.model.js';
import { toTopologyModel } from './topology.resolver.js';
import { TopologyService } from './topology.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('topology')
@Controller('topology')
export class TopologyController {
  constructor(private readonly topology: TopologyService) {}

  @Get()
  @ApiOkResponse({ type: TopologyModel })
  @ApiErrors(...AUTHENTICATED, 404, 422)
  @ApiTextQuery('cluster', 'Cluster name')
  @ApiTextQuery('namespace', 'Namespace')
  @ApiTextQuery('service', 'A service name: its neighbourhood only (needs cluster and namespace)')
  async get(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>): Promise<TopologyModel> {
    const cluster = queryOne(q, 'cluster');
    const namespace = queryOne(q, 'namespace');
    const name = queryOne(q, 'service');
    if (name && (!cluster || !namespace)) {
      throw DomainError.validation([
        ...(!cluster ? [{ field: 'cluster', rule: 'required', message: 'is required with service' }] : []),
        ...(!namespace ? [{ field: 'namespace', rule: 'required', message: 'is required with service' }] : []),
      ]);
    }
    const service = name ? { cluster: cluster!, namespace: namespace!, name } : undefined;
    return toTopologyModel(await this.topology.build(caller, { cluster, namespace, service }));
  }
}
