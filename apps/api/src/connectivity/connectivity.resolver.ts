import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { ConnectivityService } from './connectivity.service.js';
import { toConnectivityModel } from './connectivity-model.js';
import { ConnectivityAnalysisModel, HostNetworkModeSet, type HostNetworkMode } from './dto/connectivity-analysis.model.js';

@Resolver(() => ConnectivityAnalysisModel)
export class ConnectivityResolver {
  constructor(private readonly connectivity: ConnectivityService) {}

  @Query(() => ConnectivityAnalysisModel, {
    name: 'analyzeConnectivity',
    description: 'What-if: the connections NetworkPolicies allow between the workloads of the given manifests (YAML or JSON text), with why. Touches no cluster.',
  })
  analyzeConnectivity(
    @CurrentCaller() caller: Caller,
    @Args('manifests', { type: () => String }) manifests: string,
    @Args('includeDenied', { type: () => Boolean, defaultValue: false, description: 'List pairs with nothing allowed too' }) includeDenied: boolean,
    @Args('hostNetwork', { type: () => HostNetworkModeSet, defaultValue: 'AS_POD' }) hostNetwork: HostNetworkMode,
  ): ConnectivityAnalysisModel {
    return toConnectivityModel(this.connectivity.analyze(caller, manifests, hostNetwork), includeDenied);
  }
}
