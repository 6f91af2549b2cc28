import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

/** A label, annotation or selector entry: maps are lists of pairs in GraphQL. */
@ObjectType()
export class KeyValue {
  @Field()
  @ApiProperty()
  key!: string;

  @Field()
  @ApiProperty()
  value!: string;
}

export function toKeyValues(map: Record<string, string> | null | undefined): KeyValue[] {
  return Object.entries(map ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
}
