import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { networkPolicyManifestYaml } from '../shared/mirrored-yaml.js';
import { NetworkPolicyModel } from './dto/network-policy.model.js';
import { POLICY_SOURCE, type SourcedNetworkPolicyModel } from './dto/to-network-policy-model.js';

@Resolver(() => NetworkPolicyModel)
export class NetworkPolicyManifestResolver {
  @ResolveField(() => String, { description: 'The object as the catalog mirrors it, as Kubernetes YAML (fields the catalog does not keep, e.g. managedFields and resourceVersion, are absent)' })
  manifest(@Parent() parent: SourcedNetworkPolicyModel): string {
    return networkPolicyManifestYaml(parent[POLICY_SOURCE]);
  }
}
