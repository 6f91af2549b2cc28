import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Diagnostic } from '../../shared/diagnostic.model.js';
import { PageInfo } from '../../shared/page-info.model.js';

@ObjectType()
export class SeverityCounts {
  @Field(() => Int)
  @ApiProperty()
  errors!: number;

  @Field(() => Int)
  @ApiProperty()
  warnings!: number;

  @Field(() => Int)
  @ApiProperty()
  infos!: number;
}

@ObjectType()
export class DiagnosticConnection {
  @Field(() => [Diagnostic])
  nodes!: Diagnostic[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => SeverityCounts, { description: 'Counts over all pages' })
  bySeverity!: SeverityCounts;
}

export class DiagnosticPageDto {
  @ApiProperty({ type: [Diagnostic] })
  items!: Diagnostic[];

  @ApiProperty()
  totalCount!: number;

  @ApiProperty({ type: SeverityCounts })
  bySeverity!: SeverityCounts;

  @ApiPropertyOptional({ type: String, nullable: true })
  nextCursor!: string | null;
}
