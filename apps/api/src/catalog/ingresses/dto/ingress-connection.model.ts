import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfo } from '../../shared/page-info.model.js';
import { IngressModel } from './ingress.model.js';

@ObjectType()
export class IngressEdge {
  @Field()
  cursor!: string;

  @Field(() => IngressModel)
  node!: IngressModel;
}

@ObjectType()
export class IngressConnection {
  @Field(() => [IngressEdge])
  edges!: IngressEdge[];

  @Field(() => [IngressModel])
  nodes!: IngressModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

export class IngressPage {
  @ApiProperty({ type: [IngressModel] })
  items!: IngressModel[];

  @ApiProperty()
  totalCount!: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  nextCursor!: string | null;
}
