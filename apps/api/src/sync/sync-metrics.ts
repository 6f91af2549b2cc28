import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.js';

function syncMetrics(registry: Registry) {
  const registers = [registry];
  const perKind = ['cluster', 'kind'] as const;
  return {
    applied: new Counter({ name: 'switchboard_sync_events_applied_total', help: 'Watch events written to the catalog', labelNames: perKind, registers }),
    relists: new Counter({ name: 'switchboard_sync_relists_total', help: 'Full relists after 410 Gone or a resync', labelNames: perKind, registers }),
    restarts: new Counter({ name: 'switchboard_sync_watch_restarts_total', help: 'Watches started again (after a clean end, an error or silence)', labelNames: perKind, registers }),
    errors: new Counter({ name: 'switchboard_sync_errors_total', help: 'List or watch failures (each followed by a backoff)', labelNames: perKind, registers }),
    batchSize: new Histogram({ name: 'switchboard_sync_batch_size', help: 'Events per committed batch', labelNames: ['kind'], buckets: [1, 5, 20, 50, 100, 250, 500], registers }),
    lag: new Histogram({ name: 'switchboard_sync_lag_seconds', help: 'From receiving an event to its commit', labelNames: perKind, buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5], registers }),
    ready: new Gauge({ name: 'switchboard_sync_ready', help: '1 while a cluster × kind this replica syncs is READY (listed and watching), else 0; absent where another replica syncs it', labelNames: perKind, registers }),
    leaseChanges: new Counter({ name: 'switchboard_sync_lease_changes_total', help: 'Cluster leases this replica took (acquired), lost to another replica (lost) or gave up (released)', labelNames: ['change'], registers }),
  };
}

/** Prometheus metrics of the sync engine, on the process's registry. */
@Injectable()
export class SyncMetrics {
  readonly applied;
  readonly relists;
  readonly restarts;
  readonly errors;
  readonly batchSize;
  readonly lag;
  readonly ready;
  readonly leaseChanges;

  constructor(metrics: MetricsRegistry) {
    ({ applied: this.applied, relists: this.relists, restarts: this.restarts, errors: this.errors, batchSize: this.batchSize, lag: this.lag, ready: this.ready, leaseChanges: this.leaseChanges } = syncMetrics(metrics.registry));
  }
}
