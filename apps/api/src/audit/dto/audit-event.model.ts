import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Role } from '@switchboard/k8s-model';
import { RoleSet } from '../../auth/dto/auth-enums.js';
import { PageInfo } from '../../catalog/shared/page-info.model.js';
import { apiEnum, closedSet } from '../../graphql/closed-set.js';
import type { AuditEvent } from '../audit-event.js';

type AuditOutcome = AuditEvent['outcome'];
export const AuditOutcomeSet = closedSet<AuditOutcome>('AuditOutcome', ['SUCCEEDED', 'FAILED', 'REPLAYED'], 'REPLAYED: an idempotent retry answered with the first result');

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

  @Field(() => RoleSet, { nullable: true })
  @ApiPropertyOptional({ ...apiEnum(RoleSet), nullable: true })
  actorRole!: Role | null;

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

  @Field(() => AuditOutcomeSet)
  @ApiProperty(apiEnum(AuditOutcomeSet))
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Field-by-field diff of every object written' })
  @ApiPropertyOptional({ type: String, nullable: true })
  diff!: string | null;

  /** REST only (GraphQL has no JSON scalar here): what was changed or why it failed, never a secret. */
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What the event is about: e.g. the objects changed and notes, a failure\'s message and fields, the registered clusters, a token\'s id and grants',
  })
  details!: Record<string, unknown>;
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
