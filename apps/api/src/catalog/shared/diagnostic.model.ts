import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export enum Severity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  ERROR = 'ERROR',
}
registerEnumType(Severity, { name: 'Severity' });

@ObjectType({ description: 'The object a finding is about' })
export class ObjectRef {
  @Field()
  @ApiProperty()
  kind!: string;

  @Field()
  @ApiProperty()
  cluster!: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  namespace?: string;

  @Field()
  @ApiProperty()
  name!: string;
}

@ObjectType({ description: 'Something wrong (or worth knowing) about an object, computed from the mirror' })
export class Diagnostic {
  @Field({ description: 'Stable code, e.g. SERVICE_SELECTS_NO_PODS' })
  @ApiProperty()
  code!: string;

  @Field(() => Severity)
  @ApiProperty({ enum: Severity })
  severity!: Severity;

  @Field()
  @ApiProperty()
  message!: string;

  @Field(() => ObjectRef)
  @ApiProperty({ type: ObjectRef })
  object!: ObjectRef;
}
