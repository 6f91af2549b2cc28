import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DatabaseService } from '../database/database.service.js';
import { GracefulShutdown } from '../lifecycle/graceful-shutdown.service.js';
import { AliveModel, ReadinessModel } from './dto/health.model.js';

/** Probes: unauthenticated by design, outside /api/v1. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly database: DatabaseService,
    private readonly shutdown: GracefulShutdown,
  ) {}

  @Get('healthz')
  @HttpCode(200)
  @ApiOkResponse({ type: AliveModel, description: 'The process is alive' })
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOkResponse({ type: ReadinessModel, description: 'The database is reachable and every migration applied' })
  @ApiServiceUnavailableResponse({ type: ReadinessModel, description: 'Not ready (database, migrations, or shutting down); `reason` says why' })
  async readyz(@Res() res: Response): Promise<void> {
    const readiness = await this.database.readiness();
    // Draining for a shutdown: the load balancer stops sending requests here.
    const ready = readiness.ready && !this.shutdown.draining;
    const reason = this.shutdown.draining
      ? 'shutting down'
      : !readiness.database.reachable
      ? `database unreachable: ${readiness.database.error ?? 'unknown'}`
      : readiness.migrations.pending.length
        ? `migrations pending: ${readiness.migrations.pending.join(', ')}`
        : undefined;
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', ...(reason ? { reason } : {}), ...readiness, ready });
  }
}
