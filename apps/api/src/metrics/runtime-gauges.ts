import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Gauge } from 'prom-client';
import { SubscriberSockets } from '../auth/subscriber-sockets.service.js';
import { DatabaseService } from '../database/database.service.js';
import { MetricsRegistry } from './metrics-registry.js';

/** Read when Prometheus scrapes: the database pool and whether the database answers, and open subscriptions. */
@Injectable()
export class RuntimeGauges implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly database: DatabaseService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const registers = [this.metrics.registry];
    const database = this.database;
    new Gauge({
      name: 'switchboard_database_up',
      help: '1 while the database is open and migrated, else 0',
      registers,
      collect() {
        this.set(database.isReady() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'switchboard_database_pool_connections',
      help: 'PostgreSQL pool connections by state (in_use, idle); absent for the embedded database',
      labelNames: ['state'],
      registers,
      collect() {
        const p = database.poolStats();
        if (!p) return;
        this.set({ state: 'in_use' }, p.inUse);
        this.set({ state: 'idle' }, p.idle);
      },
    });
    new Gauge({
      name: 'switchboard_database_pool_waiting',
      help: 'Queries waiting for a free PostgreSQL pool connection',
      registers,
      collect() {
        this.set(database.poolStats()?.waiting ?? 0);
      },
    });
    const sockets = this.moduleRef.get(SubscriberSockets, { strict: false });
    new Gauge({
      name: 'switchboard_subscription_sockets',
      help: 'Open GraphQL subscription sockets (graphql-ws) on this replica',
      registers,
      collect() {
        this.set(sockets.openCount());
      },
    });
  }
}
