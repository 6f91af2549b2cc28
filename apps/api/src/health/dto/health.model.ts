import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AliveModel {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class ReadinessDatabaseModel {
  @ApiProperty({ enum: ['postgres', 'pglite'] }) kind!: 'postgres' | 'pglite';
  @ApiProperty({ description: 'Where the database is (PostgreSQL server or PGlite folder), never its password' }) location!: string;
  @ApiProperty() reachable!: boolean;
  @ApiPropertyOptional() error?: string;
}

export class ReadinessMigrationsModel {
  @ApiProperty({ type: 'integer' }) applied!: number;
  @ApiProperty({ type: [String] }) pending!: string[];
}

export class ReadinessModel {
  @ApiProperty({ enum: ['ready', 'not ready'] }) status!: 'ready' | 'not ready';
  @ApiPropertyOptional({ description: 'Why it is not ready, e.g. database unreachable: …' }) reason?: string;
  @ApiProperty() ready!: boolean;
  @ApiProperty({ type: ReadinessDatabaseModel }) database!: ReadinessDatabaseModel;
  @ApiProperty({ type: ReadinessMigrationsModel }) migrations!: ReadinessMigrationsModel;
}
