import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import { ApiTextQuery } from '../shared/query-docs.js';
import { queryOne } from '../shared/query-params.js';
import { PodLabelsModel } from './pod-labels.model.js';
import { PodLabelsService } from './pod-labels.service.js';

@ApiTags('namespaces')
@ApiErrors(...AUTHENTICATED)
@Controller()
export class PodLabelsController {
  constructor(private readonly podLabels: PodLabelsService) {}

  @Get('clusters/:cluster/namespaces/:namespace/pod-labels')
  @ApiOkResponse({ type: PodLabelsModel })
  @ApiErrors(422)
  @ApiTextQuery('selector', 'A service selector, key=value pairs: app=web,tier=fe')
  summary(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Query() q: Record<string, string | string[] | undefined>): Promise<PodLabelsModel> {
    return this.podLabels.summary(caller, cluster, namespace, this.podLabels.parseSelector(queryOne(q, 'selector')));
  }
}
