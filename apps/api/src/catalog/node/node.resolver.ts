import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '../../errors/domain-error.js';
import { toIngressModel } from '../ingresses/dto/to-ingress-model.js';
import { IngressesService } from '../ingresses/ingresses.service.js';
import { toServiceModel } from '../services/dto/to-service-model.js';
import { ServicesService } from '../services/services.service.js';
import { fromGlobalId } from '@switchboard/k8s-model';
import { NodeInterface } from './node.interface.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => NodeInterface)
export class NodeResolver {
  constructor(
    private readonly serviceCatalog: ServicesService,
    private readonly ingressCatalog: IngressesService,
  ) {}

  @Query(() => NodeInterface, { description: 'Any object by its global id; NOT_FOUND when there is none' })
  async node(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<NodeInterface> {
    const [found] = await this.nodes(caller, [id]);
    if (!found) throw DomainError.notFound(`object with id "${id}"`);
    return found;
  }

  @Query(() => [NodeInterface], { nullable: 'items', description: 'Several objects by global id, in order; null for unknown ids' })
  async nodes(@CurrentCaller() caller: Caller, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<(NodeInterface | null)[]> {
    const parsed = ids.map((g) => fromGlobalId(g)).map((p) => (p && UUID.test(p.id) ? p : undefined));
    const want = (type: string) => parsed.filter((p) => p?.type === type).map((p) => p!.id);
    const [services, ingresses] = await Promise.all([this.serviceCatalog.byIds(caller, want('Service')), this.ingressCatalog.byIds(caller, want('Ingress'))]);
    const byId = new Map<string, NodeInterface>([
      ...services.map((s) => [`Service:${s.id}`, { ...toServiceModel(s), __typename: 'Service' }] as const),
      ...ingresses.map((i) => [`Ingress:${i.id}`, { ...toIngressModel(i), __typename: 'Ingress' }] as const),
    ]);
    return parsed.map((p) => (p ? (byId.get(`${p.type}:${p.id}`) ?? null) : null));
  }
}
