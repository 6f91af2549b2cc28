import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyValue } from '../shared/label.model.js';

@ObjectType('Namespace')
export class NamespaceModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  phase!: string | null;

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  labels!: KeyValue[];

  @Field(() => Int)
  @ApiProperty()
  serviceCount!: number;

  @Field(() => Int)
  @ApiProperty()
  ingressCount!: number;

  @Field(() => Int)
  @ApiProperty()
  podCount!: number;
}
