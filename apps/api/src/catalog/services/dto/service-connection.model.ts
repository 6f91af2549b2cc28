import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfo } from '../../shared/page-info.model.js';
import { ServiceModel } from './service.model.js';

@ObjectType()
export class ServiceEdge {
  @Field()
  cursor!: string;

  @Field(() => ServiceModel)
  node!: ServiceModel;
}

@ObjectType()
export class ServiceConnection {
  @Field(() => [ServiceEdge])
  edges!: ServiceEdge[];

  @Field(() => [ServiceModel])
  nodes!: ServiceModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All services matching the filter, across pages' })
  totalCount!: number;
}

/** REST page: `{ items, totalCount, nextCursor }`. */
export class ServicePage {
  @ApiProperty({ type: [ServiceModel] })
  items!: ServiceModel[];

  @ApiProperty()
  totalCount!: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
