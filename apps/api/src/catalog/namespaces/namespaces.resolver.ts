import { Args, Query, Resolver } from '@nestjs/graphql';
import { NamespaceModel } from './namespace.model.js';
import { NamespacesService } from './namespaces.service.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

@Resolver(() => NamespaceModel)
export class NamespacesResolver {
  constructor(private readonly namespaceService: NamespacesService) {}

  @Query(() => [NamespaceModel], { description: 'Mirrored namespaces with their object counts' })
  namespaces(@CurrentCaller() caller: Caller, @Args('clusters', { type: () => [String], nullable: true }) clusters: string[] | undefined): Promise<NamespaceModel[]> {
    return this.namespaceService.list(caller, clusters);
  }
}
