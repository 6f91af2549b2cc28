import { Args, Query, Resolver } from '@nestjs/graphql';
import type { ValidationIssue } from '@switchboard/k8s-model';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { DomainError } from '../../errors/domain-error.js';
import { KeyValueInput, toMap } from '../../self-service/dto/key-value.input.js';
import { PodLabelsModel } from './pod-labels.model.js';
import { PodLabelsService } from './pod-labels.service.js';

@Resolver(() => PodLabelsModel)
export class PodLabelsResolver {
  constructor(private readonly labels: PodLabelsService) {}

  @Query(() => PodLabelsModel, { description: "Labels of a namespace's pods (selector suggestions) and how many pods a selector matches" })
  podLabels(
    @CurrentCaller() caller: Caller,
    @Args('cluster') cluster: string,
    @Args('namespace') namespace: string,
    @Args('selector', { type: () => [KeyValueInput], nullable: true }) selector: KeyValueInput[] | undefined,
  ): Promise<PodLabelsModel> {
    const issues: ValidationIssue[] = [];
    const map = toMap(selector, 'selector', issues) ?? null;
    if (issues.length) throw DomainError.validation(issues);
    return this.labels.summary(caller, cluster, namespace, map);
  }
}
