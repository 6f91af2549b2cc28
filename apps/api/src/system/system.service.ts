import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import type { SystemInfo } from './dto/system-info.model.js';

@Injectable()
export class SystemService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
  ) {}

  async info(): Promise<SystemInfo> {
    const r = await this.database.readiness();
    return {
      version: this.config.version,
      role: this.config.role,
      database: {
        kind: r.database.kind,
        ready: r.ready,
        migrationsApplied: r.migrations.applied,
        migrationsPending: r.migrations.pending,
      },
    };
  }
}
