import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import { NetworkPolicyModel } from './dto/network-policy.model.js';
import { toNetworkPolicyModel } from './dto/to-network-policy-model.js';
import { NetworkPoliciesService } from './network-policies.service.js';

@ApiTags('network policies')
@ApiErrors(...AUTHENTICATED)
@Controller()
export class NetworkPoliciesController {
  constructor(private readonly policies: NetworkPoliciesService) {}

  @Get('clusters/:cluster/networkpolicies')
  @ApiOkResponse({ type: [NetworkPolicyModel], description: "The cluster's mirrored NetworkPolicies, by namespace and name" })
  @ApiErrors(404)
  async list(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string): Promise<NetworkPolicyModel[]> {
    return (await this.policies.list(caller, cluster)).map(toNetworkPolicyModel);
  }

  @Get('clusters/:cluster/namespaces/:namespace/networkpolicies')
  @ApiOkResponse({ type: [NetworkPolicyModel], description: "The namespace's mirrored NetworkPolicies, by name" })
  @ApiErrors(404)
  async inNamespace(@CurrentCaller() caller: Caller, @Param('cluster') cluster: string, @Param('namespace') namespace: string): Promise<NetworkPolicyModel[]> {
    return (await this.policies.list(caller, cluster, namespace)).map(toNetworkPolicyModel);
  }
}
