import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ChangeFeed } from '../change-feed/change-feed.service.js';
import { ClusterDirectory } from '../clusters/cluster-directory.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import { CatalogWriterRepository } from './catalog-writer.repository.js';
import { KIND_SPECS } from './kind-specs.js';
import { KindSyncLoop } from './kind-sync-loop.js';
import { LeaseRepository } from './lease.repository.js';
import { SyncMetrics } from './sync-metrics.js';
import { SyncStateRepository } from './sync-state.repository.js';

interface Running {
  loops: KindSyncLoop[];
}

/**
 * Runs one KindSyncLoop per cluster × kind for the clusters this replica leases.
 * Leases are renewed every third of their length; an expired lease of a dead
 * replica is taken over on the next round. One cluster's trouble stays in its loops.
 * A cluster's loops are stopped, and waited for, before its lease is released or
 * its rows are deleted.
 */
@Injectable()
export class SyncSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SyncSupervisor');
  readonly replicaId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly running = new Map<string, Running>();
  /** Clusters being removed: never started again, though a lease round may still list them. */
  private readonly removing = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly directory: ClusterDirectory,
    private readonly leases: LeaseRepository,
    private readonly writer: CatalogWriterRepository,
    private readonly states: SyncStateRepository,
    private readonly feed: ChangeFeed,
    private readonly metrics: SyncMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    void this.database
      .whenReady()
      .then(() => {
        if (this.stopped) return;
        this.unsubscribe = this.directory.onChange((e) => {
          if (e.type === 'removed') {
            this.removing.add(e.clusterId);
            return this.stopCluster(e.clusterId);
          }
          this.removing.delete(e.clusterId);
          if (e.type === 'resync') for (const l of this.running.get(e.clusterId)?.loops ?? []) l.resync();
          // New name or domain: restart with it, once the old loops have exited.
          if (e.type === 'updated') this.serially(() => this.stopCluster(e.clusterId));
          this.reconcileSoon();
          return undefined;
        });
        this.reconcileSoon();
        this.timer = setInterval(() => this.reconcileSoon(), (this.config.sync.leaseSeconds * 1000) / 3);
      })
      .catch(() => undefined);
  }

  /** Clusters this replica syncs now (for tests and the status API). */
  owned(): string[] {
    return [...this.running.keys()];
  }

  reconcileSoon(): void {
    this.serially(() => this.reconcile());
  }

  /** Lease rounds and restarts run one after the other. */
  private serially(task: () => Promise<void>): void {
    this.round = this.round.then(task).catch((err) => this.logger.warn(`lease round failed: ${err instanceof Error ? err.message : String(err)}`));
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const targets = await this.directory.list();
    const wanted = new Set<string>();
    for (const t of targets) {
      if (this.removing.has(t.id)) continue;
      if (t.paused) {
        if (this.running.has(t.id)) {
          await this.stopCluster(t.id);
          await this.leases.release(t.id, this.replicaId).catch(() => undefined);
        }
        for (const k of KIND_SPECS) await this.states.update(t.id, k.kind, { status: 'PAUSED' }).catch(() => undefined);
        continue;
      }
      const held = await this.leases.acquire(t.id, this.replicaId, this.config.sync.leaseSeconds);
      if (!held) {
        if (this.running.has(t.id)) {
          this.logger.warn(`lost the lease of cluster ${t.name}; another replica syncs it now`);
          await this.stopCluster(t.id);
        }
        continue;
      }
      wanted.add(t.id);
      if (!this.running.has(t.id) && !this.stopped) this.startCluster(t);
    }
    const listed = new Set(targets.map((t) => t.id));
    for (const id of this.removing) if (!listed.has(id)) this.removing.delete(id);
    await Promise.all([...this.running.keys()].filter((id) => !wanted.has(id)).map((id) => this.stopCluster(id)));
  }

  private startCluster(target: Awaited<ReturnType<ClusterDirectory['list']>>[number]): void {
    this.logger.log(`syncing cluster ${target.name} (${KIND_SPECS.length} kinds)`);
    const loops = KIND_SPECS.map(
      (spec) =>
        new KindSyncLoop(target, spec, {
          writer: this.writer,
          states: this.states,
          feed: this.feed,
          metrics: this.metrics,
          pageSize: this.config.sync.pageSize,
          watchIdleMs: this.config.sync.watchIdleSeconds * 1000,
          batchSize: 500,
          batchDelayMs: 50,
        }),
    );
    this.running.set(target.id, { loops });
    for (const l of loops) void l.start();
  }

  /** Resolves when every loop of the cluster has exited (its last write committed or rolled back). */
  private async stopCluster(id: string): Promise<void> {
    const r = this.running.get(id);
    if (!r) return;
    this.running.delete(id);
    await Promise.all(r.loops.map((l) => l.stop()));
  }

  /** Before the database closes: stop every loop, wait for them, then hand the leases back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.round.catch(() => undefined);
    const ids = [...this.running.keys()];
    await Promise.all(ids.map((id) => this.stopCluster(id)));
    await Promise.all(ids.map((id) => this.leases.release(id, this.replicaId).catch(() => undefined)));
  }
}
