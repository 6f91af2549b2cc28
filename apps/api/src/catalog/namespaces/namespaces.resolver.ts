import { Args, Query, Resolver } from '@nestjs/graphql';
import { NamespaceModel } from './namespace.model.js';
import { NamespacesService } from './namespaces.service.js';

@Resolver(() => NamespaceModel)
export class NamespacesResolver {
  constructor(private readonly namespaceService: NamespacesService) {}

  @Query(() => [NamespaceModel], { description: 'Mirrored namespaces with their object counts' })
  namespaces(@Args('clusters', { type: () => [String], nullable: true }) clusters: string[] | undefined): Promise<NamespaceModel[]> {
    return this.namespaceService.list(clusters);
  }
}
