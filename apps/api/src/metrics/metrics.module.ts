import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics-registry.js';
import { RequestMetrics } from './request-metrics.js';
import { RuntimeGauges } from './runtime-gauges.js';

/** /metrics: HTTP and GraphQL, sync (registered by the sync module), database pool, subscriptions. */
@Global()
@Module({
  providers: [MetricsRegistry, RequestMetrics, RuntimeGauges],
  controllers: [MetricsController],
  exports: [MetricsRegistry, RequestMetrics],
})
export class MetricsModule {}
