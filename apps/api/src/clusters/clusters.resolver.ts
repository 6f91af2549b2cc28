import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClusterModel, RegisterClusterInput, UpdateClusterInput } from './dto/cluster.model.js';
import { ClustersService } from './clusters.service.js';

@Resolver(() => ClusterModel)
export class ClustersResolver {
  constructor(private readonly clusterService: ClustersService) {}

  @Query(() => [ClusterModel], { description: 'Registered clusters with their sync state' })
  clusters(): Promise<ClusterModel[]> {
    return this.clusterService.list();
  }

  @Query(() => ClusterModel)
  cluster(@Args('name') name: string): Promise<ClusterModel> {
    return this.clusterService.get(name);
  }

  @Mutation(() => [ClusterModel], { description: 'Tests the connection, then registers (one cluster per context)' })
  registerCluster(@Args('input') input: RegisterClusterInput): Promise<ClusterModel[]> {
    return this.clusterService.register(input);
  }

  @Mutation(() => ClusterModel, { description: 'Rename, relabel, set the cluster domain, pause or resume' })
  updateCluster(@Args('name') name: string, @Args('input') input: UpdateClusterInput): Promise<ClusterModel> {
    return this.clusterService.update(name, input);
  }

  @Mutation(() => ClusterModel, { description: 'Stops its sync and deletes its catalog rows' })
  removeCluster(@Args('name') name: string): Promise<ClusterModel> {
    return this.clusterService.remove(name);
  }

  @Mutation(() => ClusterModel, { description: 'Relists every kind now' })
  resyncCluster(@Args('name') name: string): Promise<ClusterModel> {
    return this.clusterService.resync(name);
  }
}
