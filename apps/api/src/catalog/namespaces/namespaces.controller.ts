import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import { ApiListQuery } from '../shared/query-docs.js';
import { queryList } from '../shared/query-params.js';
import { NamespaceModel } from './namespace.model.js';
import { NamespacesService } from './namespaces.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@ApiTags('namespaces')
@ApiErrors(...AUTHENTICATED)
@Controller('namespaces')
export class NamespacesController {
  constructor(private readonly namespaceService: NamespacesService) {}

  @Get()
  @ApiOkResponse({ type: [NamespaceModel] })
  @ApiListQuery('cluster', 'Cluster names')
  list(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>): Promise<NamespaceModel[]> {
    return this.namespaceService.list(caller, queryList(q, 'cluster'));
  }
}
