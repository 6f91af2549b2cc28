import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import type { CatalogService } from './catalog-service.js';
import { PodWithoutEndpointModel, ServiceEndpointModel } from './dto/service-endpoint.model.js';
import { ServiceModel } from './dto/service.model.js';
import { ServiceBackendsService } from './service-backends.service.js';

type Resolved = ServiceModel & { _source: CatalogService };

/** `Service.endpoints`, `Service.podsWithoutEndpoint` and `Service.manifest`, batched per request like every related field. */
@Resolver(() => ServiceModel)
export class ServiceBackendsResolver {
  constructor(
    private readonly backends: ServiceBackendsService,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  @ResolveField(() => [ServiceEndpointModel], { description: 'Every endpoint of its EndpointSlices, ready or not, with pod, node and zone' })
  endpoints(@Parent() parent: Resolved, @Context() ctx: object): Promise<ServiceEndpointModel[]> {
    return this.backends.endpoints(parent._source, this.loaders.for(ctx));
  }

  @ResolveField(() => [PodWithoutEndpointModel], { description: 'Pods the selector matches that no EndpointSlice lists (no IP yet, finished…), each with the reason' })
  podsWithoutEndpoint(@Parent() parent: Resolved, @Context() ctx: object): Promise<PodWithoutEndpointModel[]> {
    return this.backends.podsWithoutEndpoint(parent._source, this.loaders.for(ctx));
  }

  @ResolveField(() => String, { description: 'The object as the catalog mirrors it, as Kubernetes YAML (fields the catalog does not keep, e.g. managedFields, are absent)' })
  manifest(@Parent() parent: Resolved): string {
    return this.backends.manifest(parent._source);
  }
}
