import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { DatabaseService } from '../database/database.service.js';
import {
  CATALOG_CHANNEL,
  type CatalogChange,
  CLUSTER_STATUS_CHANNEL,
  type ClusterStatusChange,
  splitChange,
} from './catalog-change.js';

/**
 * The catalog's change feed over PostgreSQL LISTEN/NOTIFY: whatever replica commits
 * a change publishes it, and every replica's subscribers (GraphQL subscriptions,
 * caches) receive it. Publish after commit: NOTIFY is not transactional here.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly catalog = new Subject<CatalogChange>();
  private readonly clusterStatus = new Subject<ClusterStatusChange>();
  private readonly unsubscribes: (() => Promise<void>)[] = [];

  constructor(private readonly database: DatabaseService) {}

  readonly changes$: Observable<CatalogChange> = this.catalog.asObservable();
  readonly clusterStatus$: Observable<ClusterStatusChange> = this.clusterStatus.asObservable();

  onApplicationBootstrap(): void {
    void this.database
      .whenReady()
      .then(async () => {
        this.unsubscribes.push(await this.database.listen(CATALOG_CHANNEL, (p) => this.receive(p, this.catalog)));
        this.unsubscribes.push(await this.database.listen(CLUSTER_STATUS_CHANNEL, (p) => this.receive(p, this.clusterStatus)));
      })
      .catch(() => undefined);
  }

  async publish(change: Omit<CatalogChange, 'at'>): Promise<void> {
    for (const payload of splitChange({ ...change, at: new Date().toISOString() })) {
      await this.database.notify(CATALOG_CHANNEL, payload);
    }
  }

  async publishClusterStatus(change: Omit<ClusterStatusChange, 'at'>): Promise<void> {
    await this.database.notify(CLUSTER_STATUS_CHANNEL, JSON.stringify({ ...change, at: new Date().toISOString() }));
  }

  private receive<T>(payload: string, subject: Subject<T>): void {
    try {
      subject.next(JSON.parse(payload) as T);
    } catch {
      this.logger.warn('ignored an unreadable change notification');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.unsubscribes.map((u) => u().catch(() => undefined)));
    this.catalog.complete();
    this.clusterStatus.complete();
  }
}
