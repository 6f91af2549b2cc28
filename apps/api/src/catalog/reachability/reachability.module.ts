import { Module } from '@nestjs/common';
import { IngressesModule } from '../ingresses/ingresses.module.js';
import { NetworkPoliciesModule } from '../network-policies/network-policies.module.js';
import { ServicesModule } from '../services/services.module.js';
import { WorkloadsModule } from '../workloads/workloads.module.js';
import { ClusterConnectivityResolver } from './cluster-connectivity.resolver.js';
import { PolicyEffectResolver } from './policy-effect.resolver.js';
import { ReachabilityDiagnostics } from './reachability-diagnostics.service.js';
import { ReachabilityController } from './reachability.controller.js';
import { ReachabilityIndex } from './reachability-index.service.js';
import { ReachabilityInputRepository } from './reachability-input.repository.js';
import { ReachabilityService } from './reachability.service.js';
import { ServiceReachabilityResolver } from './service-reachability.resolver.js';
import { WorkloadReachabilityResolver } from './workload-reachability.resolver.js';

/** Live NetworkPolicy reachability of mirrored clusters (issue 17): cached per cluster, kept current by the change feed. */
@Module({
  imports: [ServicesModule, NetworkPoliciesModule, IngressesModule, WorkloadsModule],
  providers: [ReachabilityInputRepository, ReachabilityIndex, ReachabilityService, ReachabilityDiagnostics, ClusterConnectivityResolver, ServiceReachabilityResolver, WorkloadReachabilityResolver, PolicyEffectResolver],
  controllers: [ReachabilityController],
  exports: [ReachabilityService, ReachabilityDiagnostics],
})
export class ReachabilityModule {}
