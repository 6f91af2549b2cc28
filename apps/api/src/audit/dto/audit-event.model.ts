import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfo } from '../../catalog/shared/page-info.model.js';

@ObjectType('AuditEvent', { description: 'One audited mutation (dry runs and failures included); rows are never changed' })
export class AuditEventModel {
  @Field(() => ID)
  @ApiProperty()
  id!: string;

  @Field({ description: 'ISO 8601 time of the request' })
  @ApiProperty()
  at!: string;

  @Field()
  @ApiProperty()
  actor!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  actorRole!: string | null;

  @Field({ description: 'The operation, e.g. createService' })
  @ApiProperty()
  action!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  cluster!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  namespace!: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  name!: string | null;

  @Field()
  @ApiProperty()
  dryRun!: boolean;

  @Field({ description: 'SUCCEEDED, FAILED or REPLAYED' })
  @ApiProperty({ enum: ['SUCCEEDED', 'FAILED', 'REPLAYED'] })
  outcome!: string;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Field-by-field diff of every object written' })
  @ApiPropertyOptional({ type: String, nullable: true })
  diff!: string | null;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventModel])
  nodes!: AuditEventModel[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEventModel] })
  items!: AuditEventModel[];

  @ApiProperty()
  totalCount!: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  nextCursor!: string | null;
}
