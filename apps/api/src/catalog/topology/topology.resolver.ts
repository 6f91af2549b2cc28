import { Args, Query, Resolver } from '@nestjs/graphql';
import { toKeyValues } from '../shared/label.model.js';
import { ServiceRefInput, TopologyModel } from './dto/topology.model.js';
import { TopologyService } from './topology.service.js';
import type { Topology } from '@switchboard/k8s-model';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

export function toTopologyModel(t: Topology): TopologyModel {
  return {
    nodes: t.nodes.map((n) => ({ ...n, data: toKeyValues(Object.fromEntries(Object.entries(n.data).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]))) })),
    edges: t.edges,
  };
}

@Resolver(() => TopologyModel)
export class TopologyResolver {
  constructor(private readonly graphs: TopologyService) {}

  @Query(() => TopologyModel, { name: 'topology', description: 'cluster → namespace → ingress → service → pods/endpoints, optionally narrowed' })
  async topology(
    @CurrentCaller() caller: Caller,
    @Args('cluster', { type: () => String, nullable: true }) cluster: string | undefined,
    @Args('namespace', { type: () => String, nullable: true }) namespace: string | undefined,
    @Args('service', { type: () => ServiceRefInput, nullable: true }) service: ServiceRefInput | undefined,
  ): Promise<TopologyModel> {
    return toTopologyModel(await this.graphs.build(caller, { cluster, namespace, service }));
  }
}
