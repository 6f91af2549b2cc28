import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { apiEnum, closedSet } from '../../graphql/closed-set.js';

export type DatabaseKind = 'postgres' | 'pglite';
export const DatabaseKindSet = closedSet<DatabaseKind>('DatabaseKind', ['postgres', 'pglite'], 'postgres: a PostgreSQL server (DATABASE_URL); pglite: the embedded database');
export type ProcessRole = 'api' | 'sync' | 'all';
export const ProcessRoleSet = closedSet<ProcessRole>('ProcessRole', ['api', 'sync', 'all'], 'api serves requests only, sync only mirrors clusters, all does both');

@ObjectType({ description: 'Where the catalog database stands' })
export class DatabaseInfo {
  @Field(() => DatabaseKindSet)
  @ApiProperty(apiEnum(DatabaseKindSet))
  kind!: DatabaseKind;

  @Field()
  @ApiProperty()
  ready!: boolean;

  @Field(() => Int)
  @ApiProperty()
  migrationsApplied!: number;

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  migrationsPending!: string[];
}

@ObjectType({ description: 'This Switchboard deployment' })
export class SystemInfo {
  @Field()
  @ApiProperty()
  version!: string;

  @Field(() => ProcessRoleSet)
  @ApiProperty(apiEnum(ProcessRoleSet))
  role!: ProcessRole;

  @Field(() => DatabaseInfo)
  @ApiProperty({ type: DatabaseInfo })
  database!: DatabaseInfo;
}
