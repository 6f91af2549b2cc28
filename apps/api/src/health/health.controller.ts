import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DatabaseService } from '../database/database.service.js';

/** Probes: unauthenticated by design, outside /api/v1. */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(private readonly database: DatabaseService) {}

  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(@Res() res: Response): Promise<void> {
    const readiness = await this.database.readiness();
    const reason = !readiness.database.reachable
      ? `database unreachable: ${readiness.database.error ?? 'unknown'}`
      : readiness.migrations.pending.length
        ? `migrations pending: ${readiness.migrations.pending.join(', ')}`
        : undefined;
    res
      .status(readiness.ready ? 200 : 503)
      .json({ status: readiness.ready ? 'ready' : 'not ready', ...(reason ? { reason } : {}), ...readiness });
  }
}
