import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

@ObjectType('PodLabelCount', { description: 'One label of the namespace pods and how many pods carry it' })
export class PodLabelCountModel {
  @Field()
  @ApiProperty()
  key!: string;

  @Field()
  @ApiProperty()
  value!: string;

  @Field(() => Int)
  @ApiProperty()
  pods!: number;
}

@ObjectType('PodLabels', { description: 'The labels of the mirrored pods of one namespace (to pick a service selector) and how many pods a selector matches' })
export class PodLabelsModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field(() => Int, { description: 'Pods in the namespace' })
  @ApiProperty()
  pods!: number;

  @Field(() => Int, { nullable: true, description: 'Pods whose labels include every pair of the selector (null when no selector was given: a service without selector selects no pods)' })
  @ApiPropertyOptional({ type: Number, nullable: true })
  matching!: number | null;

  @Field(() => [PodLabelCountModel], { description: 'Labels worth selecting on, most common first (generated ones such as pod-template-hash left out)' })
  @ApiProperty({ type: [PodLabelCountModel] })
  labels!: PodLabelCountModel[];
}
