import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CreateIngressInput, UpdateIngressInput } from './dto/ingress.input.js';
import { ExposeInput, UnexposeInput } from './dto/expose.input.js';
import { IngressMutationResult, ServiceMutationResult } from './dto/mutation-result.model.js';
import { CreateServiceInput, UpdateServiceInput } from './dto/service.input.js';
import { createIngressInput, createServiceInput, exposeRequest, ingressUpdate, serviceChange } from './dto/to-domain.js';
import { MutationResults } from './mutation-results.js';
import { type MutationOptions, SelfServiceService } from './self-service.service.js';

const dryRunArg = () => Args('dryRun', { type: () => Boolean, nullable: true, defaultValue: false, description: "Run the cluster's server-side dry run: validate and return manifests and diffs, change nothing" });
const forceArg = () => Args('force', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Take over fields another field manager (e.g. a GitOps tool) owns instead of failing with FIELD_MANAGER_CONFLICT' });
const keyArg = () => Args('idempotencyKey', { type: () => String, nullable: true, description: 'A retry with the same key returns the first answer instead of acting twice (24 h)' });
const rvArg = () => Args('resourceVersion', { type: () => String, nullable: true, description: 'Only if the object is still at this version (else CONFLICT)' });

const opts = (dryRun: boolean, force: boolean, idempotencyKey: string | undefined): MutationOptions => ({ dryRun, force, idempotencyKey });

/** Self-service mutations; thin over SelfServiceService, like the REST controllers. */
@Resolver()
export class SelfServiceResolver {
  constructor(
    private readonly selfService: SelfServiceService,
    private readonly results: MutationResults,
  ) {}

  @Mutation(() => ServiceMutationResult, { description: 'Create a service (any type) with server-side apply as field manager "switchboard"' })
  async createService(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('input') input: CreateServiceInput,
    @dryRunArg() dryRun: boolean,
    @forceArg() force: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<ServiceMutationResult> {
    return this.results.service(await this.selfService.createService({ cluster, namespace }, createServiceInput(input), opts(dryRun, force, idempotencyKey)));
  }

  @Mutation(() => ServiceMutationResult, { description: 'Change ports, selector, labels, annotations or type (fields left out stay as they are; null clears)' })
  async updateService(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @Args('input') input: UpdateServiceInput,
    @dryRunArg() dryRun: boolean,
    @forceArg() force: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<ServiceMutationResult> {
    return this.results.service(await this.selfService.updateService({ cluster, namespace, name }, serviceChange(input), opts(dryRun, force, idempotencyKey)));
  }

  @Mutation(() => ServiceMutationResult)
  async deleteService(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @rvArg() resourceVersion: string | undefined,
    @dryRunArg() dryRun: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<ServiceMutationResult> {
    return this.results.service(await this.selfService.deleteService({ cluster, namespace, name }, { dryRun, idempotencyKey, resourceVersion }));
  }

  @Mutation(() => ServiceMutationResult, { description: 'Make a service reachable as NodePort, LoadBalancer or through an Ingress (with TLS)' })
  async exposeService(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @Args('input') input: ExposeInput,
    @dryRunArg() dryRun: boolean,
    @forceArg() force: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<ServiceMutationResult> {
    return this.results.service(await this.selfService.exposeService({ cluster, namespace, name }, exposeRequest(input), opts(dryRun, force, idempotencyKey)));
  }

  @Mutation(() => ServiceMutationResult, { description: 'Take an exposure back (back to ClusterIP, or remove ingress paths to the service)' })
  async unexposeService(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @Args('input') input: UnexposeInput,
    @dryRunArg() dryRun: boolean,
    @forceArg() force: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<ServiceMutationResult> {
    return this.results.service(await this.selfService.unexposeService({ cluster, namespace, name }, { ...input }, opts(dryRun, force, idempotencyKey)));
  }

  @Mutation(() => IngressMutationResult)
  async createIngress(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('input') input: CreateIngressInput,
    @dryRunArg() dryRun: boolean,
    @forceArg() force: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<IngressMutationResult> {
    return this.results.ingress(await this.selfService.createIngress({ cluster, namespace }, createIngressInput(input), opts(dryRun, force, idempotencyKey)));
  }

  @Mutation(() => IngressMutationResult, { description: 'Replace rules, TLS, class, default backend, labels or annotations (fields left out stay)' })
  async updateIngress(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @Args('input') input: UpdateIngressInput,
    @dryRunArg() dryRun: boolean,
    @forceArg() force: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<IngressMutationResult> {
    return this.results.ingress(await this.selfService.updateIngress({ cluster, namespace, name }, ingressUpdate(input), opts(dryRun, force, idempotencyKey)));
  }

  @Mutation(() => IngressMutationResult)
  async deleteIngress(
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @rvArg() resourceVersion: string | undefined,
    @dryRunArg() dryRun: boolean,
    @keyArg() idempotencyKey: string | undefined,
  ): Promise<IngressMutationResult> {
    return this.results.ingress(await this.selfService.deleteIngress({ cluster, namespace, name }, { dryRun, idempotencyKey, resourceVersion }));
  }
}
