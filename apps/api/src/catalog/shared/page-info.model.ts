import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Relay PageInfo. Pages are keyset-based: cursors stay valid while data changes. */
@ObjectType()
export class PageInfo {
  @Field()
  @ApiProperty()
  hasNextPage!: boolean;

  @Field({ description: 'Always false: pages go forward from a cursor' })
  @ApiProperty()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  endCursor!: string | null;
}
