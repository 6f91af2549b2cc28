import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType('IngressClassUsage', { description: 'An ingress class name the mirrored ingresses of a cluster use, and how many do' })
export class IngressClassUsageModel {
  @Field({ description: 'spec.ingressClassName' })
  @ApiProperty()
  name!: string;

  @Field(() => Int, { description: 'Ingresses (that the caller may read) naming this class' })
  @ApiProperty()
  ingressCount!: number;
}
