import { Body, Controller, Delete, Headers, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFlagQuery, ApiTextQuery } from '../catalog/shared/query-docs.js';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import type { Request, Response } from 'express';
import type { ExposeRequest, IngressUpdate, ServiceChange } from './self-service.service.js';
import { SelfServiceService } from './self-service.service.js';
import { IngressMutationResult, ServiceMutationResult } from './dto/mutation-result.model.js';
import { MutationResults } from './mutation-results.js';
import type { MutationOutcome } from './mutation-outcome.js';
import { restOptions, restRequest } from './rest-options.js';
import { CREATE_INGRESS_BODY, CREATE_SERVICE_BODY, EXPOSE_BODY, UNEXPOSE_BODY, UPDATE_INGRESS_BODY, UPDATE_SERVICE_BODY } from './rest-schemas.js';
import type { UnexposeInput } from '@switchboard/k8s-model';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';

type Q = Record<string, string | string[] | undefined>;
const NS = 'clusters/:cluster/namespaces/:namespace';

/** A create answers 201; a dry run or a replay of an earlier create changed nothing now: 200. */
function created(res: Response, o: MutationOutcome): void {
  res.status(o.dryRun || o.replayed ? 200 : 201);
}

@ApiTags('self-service')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer instead of acting twice (24 h)' })
@ApiFlagQuery('dryRun', "The cluster's server-side dry run: manifests and diffs, nothing changed")
@ApiErrors(...AUTHENTICATED, 403, 404, 409, 422, 500, 502)
@Controller()
export class SelfServiceController {
  constructor(
    private readonly selfService: SelfServiceService,
    private readonly results: MutationResults,
  ) {}

  @Post(`${NS}/services`)
  @ApiBody({ schema: CREATE_SERVICE_BODY })
  @ApiFlagQuery('force', 'Take over fields another field manager owns')
  @ApiCreatedResponse({ type: ServiceMutationResult, description: 'Created' })
  @ApiOkResponse({ type: ServiceMutationResult, description: 'A dry run, or the replay of an earlier create: nothing changed now' })
  async createService(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Body() body: unknown, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ServiceMutationResult> {
    const o = await this.selfService.createService(caller, { cluster, namespace }, ...restRequest(body, q, key));
    created(res, o);
    return this.results.service(caller, o, req);
  }

  @Patch(`${NS}/services/:name`)
  @ApiBody({ schema: UPDATE_SERVICE_BODY })
  @ApiFlagQuery('force', 'Take over fields another field manager owns')
  @ApiOkResponse({ type: ServiceMutationResult })
  async updateService(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Body() body: unknown, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request): Promise<ServiceMutationResult> {
    const [change, opts] = restRequest(body, q, key);
    return this.results.service(caller, await this.selfService.updateService(caller, { cluster, namespace, name }, change as ServiceChange, opts), req);
  }

  @Delete(`${NS}/services/:name`)
  @ApiTextQuery('resourceVersion', 'Only delete the version last read (else CONFLICT)')
  @ApiOkResponse({ type: ServiceMutationResult })
  async deleteService(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request): Promise<ServiceMutationResult> {
    return this.results.service(caller, await this.selfService.deleteService(caller, { cluster, namespace, name }, restOptions(q, key)), req);
  }

  @Post(`${NS}/services/:name/expose`)
  @ApiBody({ schema: EXPOSE_BODY })
  @ApiFlagQuery('force', 'Take over fields another field manager owns')
  @ApiOkResponse({ type: ServiceMutationResult })
  async expose(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Body() body: unknown, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ServiceMutationResult> {
    res.status(200);
    const [input, opts] = restRequest(body, q, key);
    return this.results.service(caller, await this.selfService.exposeService(caller, { cluster, namespace, name }, input as unknown as ExposeRequest, opts), req);
  }

  @Post(`${NS}/services/:name/unexpose`)
  @ApiBody({ schema: UNEXPOSE_BODY })
  @ApiFlagQuery('force', 'Take over fields another field manager owns')
  @ApiOkResponse({ type: ServiceMutationResult })
  async unexpose(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Body() body: unknown, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ServiceMutationResult> {
    res.status(200);
    const [input, opts] = restRequest(body, q, key);
    return this.results.service(caller, await this.selfService.unexposeService(caller, { cluster, namespace, name }, input as unknown as UnexposeInput, opts), req);
  }

  @Post(`${NS}/ingresses`)
  @ApiBody({ schema: CREATE_INGRESS_BODY })
  @ApiFlagQuery('force', 'Take over fields another field manager owns')
  @ApiCreatedResponse({ type: IngressMutationResult, description: 'Created' })
  @ApiOkResponse({ type: IngressMutationResult, description: 'A dry run, or the replay of an earlier create: nothing changed now' })
  async createIngress(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Body() body: unknown, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IngressMutationResult> {
    const o = await this.selfService.createIngress(caller, { cluster, namespace }, ...restRequest(body, q, key));
    created(res, o);
    return this.results.ingress(caller, o, req);
  }

  @Patch(`${NS}/ingresses/:name`)
  @ApiBody({ schema: UPDATE_INGRESS_BODY })
  @ApiFlagQuery('force', 'Take over fields another field manager owns')
  @ApiOkResponse({ type: IngressMutationResult })
  async updateIngress(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Body() body: unknown, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request): Promise<IngressMutationResult> {
    const [change, opts] = restRequest(body, q, key);
    return this.results.ingress(caller, await this.selfService.updateIngress(caller, { cluster, namespace, name }, change as IngressUpdate, opts), req);
  }

  @Delete(`${NS}/ingresses/:name`)
  @ApiTextQuery('resourceVersion', 'Only delete the version last read (else CONFLICT)')
  @ApiOkResponse({ type: IngressMutationResult })
  async deleteIngress(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string, @Query() q: Q, @Headers('idempotency-key') key: string | undefined, @Req() req: Request): Promise<IngressMutationResult> {
    return this.results.ingress(caller, await this.selfService.deleteIngress(caller, { cluster, namespace, name }, restOptions(q, key)), req);
  }
}
