import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import type { CatalogService } from '../services/catalog-service.js';
import { ServiceModel } from '../services/dto/service.model.js';
import { ServiceReachabilityModel } from './dto/service-reachability.model.js';
import { toServiceReachabilityModel } from './reachability-model.js';
import { ReachabilityService } from './reachability.service.js';

type Resolved = ServiceModel & { _source: CatalogService };

/**
 * `Service.reachableFrom`. A list of services shares one computed cluster (the index keeps
 * it until a change), so each service costs only its own pairs.
 */
@Resolver(() => ServiceModel)
export class ServiceReachabilityResolver {
  constructor(private readonly reach: ReachabilityService) {}

  @ResolveField(() => ServiceReachabilityModel, {
    nullable: true,
    description: 'Which workloads and outside ranges can open each port, given the NetworkPolicies and the pods behind the service, with why. null for an ExternalName service and a service without a selector (no pods of its own)',
  })
  async reachableFrom(@CurrentCaller() caller: Caller, @Parent() parent: Resolved): Promise<ServiceReachabilityModel | null> {
    const found = await this.reach.serviceReach(caller, parent._source);
    return found && toServiceReachabilityModel(found.answer, found.reach.computedAt);
  }
}
