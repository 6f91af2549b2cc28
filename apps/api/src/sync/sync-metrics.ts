import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the sync engine, registered on the app's registry. */
@Injectable()
export class SyncMetrics {
  readonly registry = new Registry();
  readonly applied = new Counter({ name: 'switchboard_sync_events_applied_total', help: 'Watch events written to the catalog', labelNames: ['cluster', 'kind'], registers: [this.registry] });
  readonly relists = new Counter({ name: 'switchboard_sync_relists_total', help: 'Full relists after 410 Gone or a resync', labelNames: ['cluster', 'kind'], registers: [this.registry] });
  readonly restarts = new Counter({ name: 'switchboard_sync_watch_restarts_total', help: 'Watches started again (after a clean end, an error or silence)', labelNames: ['cluster', 'kind'], registers: [this.registry] });
  readonly errors = new Counter({ name: 'switchboard_sync_errors_total', help: 'List or watch failures (each followed by a backoff)', labelNames: ['cluster', 'kind'], registers: [this.registry] });
  readonly batchSize = new Histogram({ name: 'switchboard_sync_batch_size', help: 'Events per committed batch', labelNames: ['kind'], buckets: [1, 5, 20, 50, 100, 250, 500], registers: [this.registry] });
  readonly lag = new Histogram({ name: 'switchboard_sync_lag_seconds', help: 'From receiving an event to its commit', labelNames: ['cluster', 'kind'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5], registers: [this.registry] });
}
