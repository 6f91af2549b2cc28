import { Field, ObjectType } from '@nestjs/graphql';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_OBJECT_KINDS, type Diagnostic as DomainDiagnostic, type DiagnosticCode, diagnosticHint, SEVERITIES, type Severity } from '@switchboard/k8s-model';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiEnum, closedSet } from '../../graphql/closed-set.js';

export const SeveritySet = closedSet<Severity>('Severity', SEVERITIES);
export const DiagnosticCodeSet = closedSet<DiagnosticCode>('DiagnosticCode', DIAGNOSTIC_CODES, 'What a finding is about; stable across versions');
type ObjectKind = (typeof DIAGNOSTIC_OBJECT_KINDS)[number];
export const CatalogObjectKindSet = closedSet<ObjectKind>('CatalogObjectKind', DIAGNOSTIC_OBJECT_KINDS, 'A kind of object findings and changes are about');

@ObjectType({ description: 'The object a finding is about' })
export class ObjectRef {
  @Field(() => CatalogObjectKindSet)
  @ApiProperty(apiEnum(CatalogObjectKindSet))
  kind!: ObjectKind;

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
  @Field(() => DiagnosticCodeSet)
  @ApiProperty(apiEnum(DiagnosticCodeSet))
  code!: DiagnosticCode;

  @Field(() => SeveritySet)
  @ApiProperty(apiEnum(SeveritySet))
  severity!: Severity;

  @Field({ description: 'What is wrong with this object' })
  @ApiProperty()
  message!: string;

  @Field({ description: 'What to do about it' })
  @ApiProperty({ description: 'What to do about it' })
  hint!: string;

  @Field(() => ObjectRef)
  @ApiProperty({ type: ObjectRef })
  object!: ObjectRef;
}

/** The API's shape of a finding: the rule's fields plus what to do about it. */
export function toDiagnosticModels(found: readonly DomainDiagnostic[]): Diagnostic[] {
  return found.map((d) => ({ ...d, hint: diagnosticHint(d) }));
}
