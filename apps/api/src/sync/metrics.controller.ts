import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics } from 'prom-client';
import { SyncMetrics } from './sync-metrics.js';

/** Prometheus metrics at /metrics (outside /api/v1). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: SyncMetrics) {
    collectDefaultMetrics({ register: metrics.registry });
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  render(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
