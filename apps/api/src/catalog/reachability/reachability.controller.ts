import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ANALYZE_FORMATS, manifestsOf } from '../../connectivity/analyze-request.js';
import { MANIFESTS_REQUEST_BODY } from '../../connectivity/connectivity.controller.js';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import { ApiFlagQuery, ApiTextQuery } from '../shared/query-docs.js';
import { ServicesService } from '../services/services.service.js';
import { NetworkPoliciesService } from '../network-policies/network-policies.service.js';
import { WorkloadsService } from '../workloads/workloads.service.js';
import { readConnectivityRequest } from './connectivity-request.js';
import { ClusterConnectivityModel, ConnectivityDiffModel, NetworkPolicyEffectModel, WorkloadConnectivityModel } from './dto/cluster-connectivity.model.js';
import { ServiceReachabilityModel } from './dto/service-reachability.model.js';
import { noSelector } from './reachability-errors.js';
import { toClusterConnectivityModel, toConnectionModels, toConnectivityDiffModel, toServiceReachabilityModel } from './reachability-model.js';
import { ReachabilityService } from './reachability.service.js';

type Q = Record<string, string | string[] | undefined>;

@ApiTags('connectivity')
@ApiErrors(...AUTHENTICATED)
@Controller('clusters/:cluster')
export class ReachabilityController {
  constructor(
    private readonly reach: ReachabilityService,
    private readonly services: ServicesService,
    private readonly policies: NetworkPoliciesService,
    private readonly workloads: WorkloadsService,
  ) {}

  @Get('connectivity')
  @ApiExtraModels(ClusterConnectivityModel)
  @ApiOperation({ summary: "The connections a mirrored cluster's NetworkPolicies allow, each with why" })
  @ApiTextQuery('namespace', 'Keep pairs with an end in this namespace')
  @ApiTextQuery('workload', 'Keep pairs with this workload at an end: namespace/Kind/name (e.g. shop/Deployment/web)')
  @ApiFlagQuery('includeDenied', 'JSON: list every pair, those with nothing allowed too (each with its why)')
  @ApiTextQuery('format', 'json (default) or txt: the connection list of np-guard netpol-analyzer (also with Accept: text/plain)', ANALYZE_FORMATS)
  @ApiOkResponse({
    description: 'The allowed connections between the workloads the caller may read (and outside ranges)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ClusterConnectivityModel) } },
      'text/plain': { schema: { type: 'string', description: 'One "SRC => DST : CONNS" line per pair with any allowed connection, sorted' } },
    },
  })
  @ApiErrors(404, 422)
  async connectivity(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Query() q: Q, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response): Promise<ClusterConnectivityModel | string> {
    const { format, ...query } = readConnectivityRequest(q, accept);
    if (format === 'txt') {
      res.type('text/plain; charset=utf-8');
      return this.reach.connectivityTxt(caller, cluster, query);
    }
    return toClusterConnectivityModel(await this.reach.connectivity(caller, cluster, query), query.includeDenied);
  }

  @Post('connectivity/what-if')
  @HttpCode(200)
  @ApiOperation({ summary: 'What applying manifests (NetworkPolicies, and namespaces, pods or workloads) over the mirrored cluster would change; touches no cluster', requestBody: MANIFESTS_REQUEST_BODY })
  @ApiOkResponse({ type: ConnectivityDiffModel })
  @ApiErrors(400, 403, 404, 413, 422)
  async whatIf(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Body() body: unknown): Promise<ConnectivityDiffModel> {
    return toConnectivityDiffModel(await this.reach.whatIf(caller, cluster, manifestsOf(body)));
  }

  @Get('namespaces/:namespace/services/:name/reachable-from')
  @ApiOkResponse({ type: ServiceReachabilityModel, description: 'Who can open each port of the service, with why' })
  @ApiErrors(404, 422)
  async reachableFrom(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string): Promise<ServiceReachabilityModel> {
    const service = await this.services.get(caller, cluster, namespace, name);
    const found = await this.reach.serviceReach(caller, service);
    if (!found) throw noSelector(service);
    return toServiceReachabilityModel(found.answer, found.reach.computedAt);
  }

  @Get('namespaces/:namespace/workloads/:kind/:name/connectivity')
  @ApiOkResponse({ type: WorkloadConnectivityModel, description: 'What the workload can reach and what can reach it (allowed connections; none when it runs no pod). NOT_FOUND when the namespace has no such top workload' })
  @ApiErrors(404)
  async workload(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('kind') kind: string, @Param('name') name: string): Promise<WorkloadConnectivityModel> {
    await this.workloads.get(caller, cluster, namespace, kind, name);
    const r = await this.reach.workloadReach(caller, cluster, { namespace, kind, name });
    return { canReach: toConnectionModels(r.canReach), reachableFrom: toConnectionModels(r.reachableFrom) };
  }

  @Get('namespaces/:namespace/networkpolicies/:name/effect')
  @ApiOkResponse({ type: NetworkPolicyEffectModel, description: 'The workloads the policy selects and the connections its rules allow' })
  @ApiErrors(404)
  async policyEffect(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string, @Param('name') name: string): Promise<NetworkPolicyEffectModel> {
    await this.policies.get(caller, cluster, namespace, name);
    const e = await this.reach.policyEffect(caller, cluster, namespace, name);
    return { selectedWorkloads: e.selectedWorkloads, allows: toConnectionModels(e.allows) };
  }
}
