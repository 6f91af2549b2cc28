import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType({ description: 'Where the catalog database stands' })
export class DatabaseInfo {
  @Field({ description: '"postgres" (DATABASE_URL) or "pglite" (embedded)' })
  @ApiProperty({ enum: ['postgres', 'pglite'] })
  kind!: string;

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

  @Field({ description: 'api, sync or all' })
  @ApiProperty({ enum: ['api', 'sync', 'all'] })
  role!: string;

  @Field(() => DatabaseInfo)
  @ApiProperty({ type: DatabaseInfo })
  database!: DatabaseInfo;
}
