import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CreateIngressInput, UpdateIngressInput } from './dto/ingress.input.js';
import { ExposeInput, UnexposeInput } from './dto/expose.input.js';
import { DeleteOptionsArgs, NamespaceArgs, ObjectArgs, WriteOptionsArgs } from './dto/mutation.args.js';
import { IngressMutationResult, ServiceMutationResult } from './dto/mutation-result.model.js';
import { CreateServiceInput, UpdateServiceInput } from './dto/service.input.js';
import { createIngressInput, createServiceInput, exposeRequest, ingressUpdate, serviceChange } from './dto/to-domain.js';
import { MutationResults } from './mutation-results.js';
import { type MutationOptions, SelfServiceService } from './self-service.service.js';
import type { Decoded } from './dto/to-domain.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';

/** The decoded input and the options carrying what decoding found wrong (validated with the rest, in the service). */
const decoded = <T>(d: Decoded<T>, opts: MutationOptions): [T, MutationOptions] => [d.value, { ...opts, inputIssues: d.issues }];

/** Self-service mutations; thin over SelfServiceService, like the REST controller. */
@Resolver()
export class SelfServiceResolver {
  constructor(
    private readonly selfService: SelfServiceService,
    private readonly results: MutationResults,
  ) {}

  @Mutation(() => ServiceMutationResult, { description: 'Create a service (any type) with server-side apply as field manager "switchboard"' })
  async createService(@CurrentCaller() caller: Caller, @Args() ref: NamespaceArgs, @Args('input') input: CreateServiceInput, @Args() opts: WriteOptionsArgs): Promise<ServiceMutationResult> {
    return this.results.service(caller, await this.selfService.createService(caller, { ...ref }, ...decoded(createServiceInput(input), { ...opts })));
  }

  @Mutation(() => ServiceMutationResult, { description: 'Change ports, selector, labels, annotations or type (fields left out stay as they are; null clears)' })
  async updateService(@CurrentCaller() caller: Caller, @Args() ref: ObjectArgs, @Args('input') input: UpdateServiceInput, @Args() opts: WriteOptionsArgs): Promise<ServiceMutationResult> {
    return this.results.service(caller, await this.selfService.updateService(caller, { ...ref }, ...decoded(serviceChange(input), { ...opts })));
  }

  @Mutation(() => ServiceMutationResult)
  async deleteService(@CurrentCaller() caller: Caller, @Args() ref: ObjectArgs, @Args() opts: DeleteOptionsArgs): Promise<ServiceMutationResult> {
    return this.results.service(caller, await this.selfService.deleteService(caller, { ...ref }, { ...opts }));
  }

  @Mutation(() => ServiceMutationResult, { description: 'Make a service reachable as NodePort, LoadBalancer or through an Ingress (with TLS)' })
  async exposeService(@CurrentCaller() caller: Caller, @Args() ref: ObjectArgs, @Args('input') input: ExposeInput, @Args() opts: WriteOptionsArgs): Promise<ServiceMutationResult> {
    return this.results.service(caller, await this.selfService.exposeService(caller, { ...ref }, exposeRequest(input), { ...opts }));
  }

  @Mutation(() => ServiceMutationResult, { description: 'Take an exposure back (back to ClusterIP, or remove ingress paths to the service)' })
  async unexposeService(@CurrentCaller() caller: Caller, @Args() ref: ObjectArgs, @Args('input') input: UnexposeInput, @Args() opts: WriteOptionsArgs): Promise<ServiceMutationResult> {
    return this.results.service(caller, await this.selfService.unexposeService(caller, { ...ref }, { ...input }, { ...opts }));
  }

  @Mutation(() => IngressMutationResult)
  async createIngress(@CurrentCaller() caller: Caller, @Args() ref: NamespaceArgs, @Args('input') input: CreateIngressInput, @Args() opts: WriteOptionsArgs): Promise<IngressMutationResult> {
    return this.results.ingress(caller, await this.selfService.createIngress(caller, { ...ref }, ...decoded(createIngressInput(input), { ...opts })));
  }

  @Mutation(() => IngressMutationResult, { description: 'Replace rules, TLS, class, default backend, labels or annotations (fields left out stay)' })
  async updateIngress(@CurrentCaller() caller: Caller, @Args() ref: ObjectArgs, @Args('input') input: UpdateIngressInput, @Args() opts: WriteOptionsArgs): Promise<IngressMutationResult> {
    return this.results.ingress(caller, await this.selfService.updateIngress(caller, { ...ref }, ...decoded(ingressUpdate(input), { ...opts })));
  }

  @Mutation(() => IngressMutationResult)
  async deleteIngress(@CurrentCaller() caller: Caller, @Args() ref: ObjectArgs, @Args() opts: DeleteOptionsArgs): Promise<IngressMutationResult> {
    return this.results.ingress(caller, await this.selfService.deleteIngress(caller, { ...ref }, { ...opts }));
  }
}
