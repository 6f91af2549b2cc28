import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClusterModel, RegisterClusterInput, UpdateClusterInput } from './dto/cluster.model.js';
import { ConnectionTestModel } from './dto/connection-test.model.js';
import { ClustersService } from './clusters.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';

@Resolver(() => ClusterModel)
export class ClustersResolver {
  constructor(private readonly clusterService: ClustersService) {}

  @Query(() => [ClusterModel], { description: 'Registered clusters with their sync state' })
  clusters(@CurrentCaller() caller: Caller): Promise<ClusterModel[]> {
    return this.clusterService.list(caller);
  }

  @Query(() => ClusterModel)
  cluster(@CurrentCaller() caller: Caller, @Args('name') name: string): Promise<ClusterModel> {
    return this.clusterService.get(caller, name);
  }

  @Mutation(() => [ClusterModel], { description: 'Tests the connection, then registers (one cluster per context)' })
  registerCluster(@CurrentCaller() caller: Caller, @Args('input') input: RegisterClusterInput): Promise<ClusterModel[]> {
    return this.clusterService.register(caller, input);
  }

  @Mutation(() => [ConnectionTestModel], { description: 'Runs registration\'s checks and connection test, one result per cluster it would register; stores nothing (admins only)' })
  testClusterConnection(@CurrentCaller() caller: Caller, @Args('input') input: RegisterClusterInput): Promise<ConnectionTestModel[]> {
    return this.clusterService.testConnection(caller, input);
  }

  @Mutation(() => ClusterModel, { description: 'Rename, relabel, set the cluster domain, pause or resume' })
  updateCluster(@CurrentCaller() caller: Caller, @Args('name') name: string, @Args('input') input: UpdateClusterInput): Promise<ClusterModel> {
    return this.clusterService.update(caller, name, input);
  }

  @Mutation(() => ClusterModel, { description: 'Stops its sync and deletes its catalog rows' })
  removeCluster(@CurrentCaller() caller: Caller, @Args('name') name: string): Promise<ClusterModel> {
    return this.clusterService.remove(caller, name);
  }

  @Mutation(() => ClusterModel, { description: 'Relists every kind now' })
  resyncCluster(@CurrentCaller() caller: Caller, @Args('name') name: string): Promise<ClusterModel> {
    return this.clusterService.resync(caller, name);
  }
}
