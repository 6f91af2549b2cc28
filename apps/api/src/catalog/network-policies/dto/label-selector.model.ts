import { Field, ObjectType } from '@nestjs/graphql';
import { SELECTOR_OPERATORS, type LabelSelector, type SelectorOperator } from '@switchboard/k8s-model';
import { ApiProperty } from '@nestjs/swagger';
import { apiEnum, closedSet } from '../../../graphql/closed-set.js';
import { KeyValue, toKeyValues } from '../../shared/label.model.js';

export const SelectorOperatorSet = closedSet<SelectorOperator>('SelectorOperator', SELECTOR_OPERATORS, 'A label selector requirement operator');

@ObjectType('LabelSelectorRequirement')
export class LabelSelectorRequirementModel {
  @Field()
  @ApiProperty()
  key!: string;

  @Field(() => SelectorOperatorSet)
  @ApiProperty(apiEnum(SelectorOperatorSet))
  operator!: SelectorOperator;

  @Field(() => [String], { description: 'Empty for Exists and DoesNotExist' })
  @ApiProperty({ type: [String] })
  values!: string[];
}

@ObjectType('LabelSelector', { description: 'A Kubernetes label selector; both parts empty selects everything' })
export class LabelSelectorModel {
  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  matchLabels!: KeyValue[];

  @Field(() => [LabelSelectorRequirementModel])
  @ApiProperty({ type: [LabelSelectorRequirementModel] })
  matchExpressions!: LabelSelectorRequirementModel[];
}

export function toLabelSelectorModel(s: LabelSelector): LabelSelectorModel;
export function toLabelSelectorModel(s: LabelSelector | null): LabelSelectorModel | null;
export function toLabelSelectorModel(s: LabelSelector | null): LabelSelectorModel | null {
  return s ? { matchLabels: toKeyValues(s.matchLabels), matchExpressions: s.matchExpressions.map((e) => ({ ...e, values: [...e.values] })) } : null;
}
