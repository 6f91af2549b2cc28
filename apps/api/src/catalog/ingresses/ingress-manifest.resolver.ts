import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ingressManifestYaml } from '../shared/mirrored-yaml.js';
import type { CatalogIngress } from './catalog-ingress.js';
import { IngressModel } from './dto/ingress.model.js';

@Resolver(() => IngressModel)
export class IngressManifestResolver {
  @ResolveField(() => String, { description: 'The object as the catalog mirrors it, as Kubernetes YAML (fields the catalog does not keep, e.g. managedFields, are absent)' })
  manifest(@Parent() parent: IngressModel & { _source: CatalogIngress }): string {
    return ingressManifestYaml(parent._source);
  }
}
