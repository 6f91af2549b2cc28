import { Module } from '@nestjs/common';
import { NetworkPoliciesController } from './network-policies.controller.js';
import { NetworkPoliciesRepository } from './network-policies.repository.js';
import { NetworkPoliciesResolver } from './network-policies.resolver.js';
import { NetworkPolicyManifestResolver } from './network-policy-manifest.resolver.js';
import { NetworkPoliciesService } from './network-policies.service.js';

@Module({
  providers: [NetworkPoliciesRepository, NetworkPoliciesService, NetworkPoliciesResolver, NetworkPolicyManifestResolver],
  controllers: [NetworkPoliciesController],
  exports: [NetworkPoliciesService],
})
export class NetworkPoliciesModule {}
