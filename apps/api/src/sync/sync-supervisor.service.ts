import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ChangeFeed } from '../change-feed/change-feed.service.js';
import { ClusterDirectory, type ClusterTarget } from '../clusters/cluster-directory.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import { CatalogWriterRepository } from './catalog-writer.repository.js';
import { KIND_SPECS } from './kind-specs.js';
import { KindSyncLoop } from './kind-sync-loop.js';
import { LeaseRepository } from './lease.repository.js';
import { SyncMetrics } from './sync-metrics.js';
import { SyncStateRepository } from './sync-state.repository.js';

/** A replica that hands leases back says so here: the others take the clusters at once, not on their next round. */
const RELEASED_CHANNEL = 'switchboard_leases_released';

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
  /** Paused clusters whose states this replica has marked PAUSED (not rewritten every round). */
  private readonly markedPaused = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private unlisten: (() => Promise<void>) | undefined;

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
        void this.database
          .listen(RELEASED_CHANNEL, () => this.reconcileSoon())
          .then(async (unlisten) => (this.stopped ? unlisten() : (this.unlisten = unlisten)))
          .catch((err) => this.logger.warn(`not listening for released leases (takeover waits for the next round): ${err instanceof Error ? err.message : String(err)}`));
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

  /**
   * One lease round, writing only what changed: paused clusters are stopped, handed
   * back and marked PAUSED once; every other lease is renewed or taken in one statement.
   */
  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const all = await this.directory.list();
    // A removal is forgotten once its row is gone (listed before filtering: otherwise the
    // first round would forget it while the delete still runs, and the next restart its loops).
    const listed = new Set(all.map((t) => t.id));
    for (const id of this.removing) if (!listed.has(id)) this.removing.delete(id);
    const targets = all.filter((t) => !this.removing.has(t.id));
    await this.pause(targets.filter((t) => t.paused));
    const active = targets.filter((t) => !t.paused);
    const held = await this.leases.acquire(active.map((t) => t.id), this.replicaId, this.config.sync.leaseSeconds);
    for (const t of active) {
      if (!held.has(t.id) && this.running.has(t.id)) {
        this.logger.warn({ msg: `lost the lease of cluster ${t.name}; another replica syncs it now`, cluster: t.name });
        this.metrics.leaseChanges.inc({ change: 'lost' });
      } else if (held.has(t.id) && !this.running.has(t.id) && !this.stopped && !this.removing.has(t.id)) {
        // (Removal does not wait for the round: a cluster removed while the leases were
        // being taken must not get fresh loops that write while its rows are deleted.)
        this.metrics.leaseChanges.inc({ change: 'acquired' });
        this.startCluster(t);
      }
    }
    await Promise.all([...this.running.keys()].filter((id) => !held.has(id)).map((id) => this.stopCluster(id)));
  }

  /** Stops and hands back the paused clusters this replica syncs; marks each PAUSED once (and publishes what changed). */
  private async pause(paused: ClusterTarget[]): Promise<void> {
    const ids = new Set(paused.map((t) => t.id));
    for (const id of this.markedPaused) if (!ids.has(id)) this.markedPaused.delete(id);
    const syncing = paused.filter((t) => this.running.has(t.id)).map((t) => t.id);
    if (syncing.length) {
      await Promise.all(syncing.map((id) => this.stopCluster(id)));
      await this.leases.release(syncing, this.replicaId).catch(() => undefined);
      this.metrics.leaseChanges.inc({ change: 'released' }, syncing.length);
    }
    const unmarked = paused.filter((t) => !this.markedPaused.has(t.id));
    if (!unmarked.length) return;
    const changed = await this.states.markPaused(unmarked.map((t) => t.id), KIND_SPECS.map((k) => k.kind));
    for (const t of unmarked) this.markedPaused.add(t.id);
    const names = new Map(unmarked.map((t) => [t.id, t.name]));
    for (const c of changed) await this.feed.publishClusterStatus({ cluster: names.get(c.clusterId)!, kind: c.kind, status: 'PAUSED', lastError: null }).catch(() => undefined);
  }

  private startCluster(target: ClusterTarget): void {
    this.logger.log({ msg: `syncing cluster ${target.name} (${KIND_SPECS.length} kinds)`, cluster: target.name });
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
  private async stopCluster(id: string, opts: { finishBatch?: boolean } = {}): Promise<void> {
    const r = this.running.get(id);
    if (!r) return;
    this.running.delete(id);
    await Promise.all(r.loops.map((l) => l.stop(opts)));
  }

  /** Before the database closes: stop every loop, wait for them, then hand the leases back. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /**
   * Takes no cluster any more, writes the batch each loop has received, then hands the
   * leases back so another replica takes over at once. Idempotent (SIGTERM, then app.close()).
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopAndRelease();
    return this.stopping;
  }

  private async stopAndRelease(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.unlisten?.().catch(() => undefined);
    await this.round.catch(() => undefined);
    const ids = [...this.running.keys()];
    await Promise.all(ids.map((id) => this.stopCluster(id, { finishBatch: true })));
    if (!ids.length) return;
    try {
      await this.leases.release(ids, this.replicaId);
      this.metrics.leaseChanges.inc({ change: 'released' }, ids.length);
      await this.database.notify(RELEASED_CHANNEL, String(ids.length));
    } catch {
      // The database is gone: the leases expire on their own.
    }
  }
}
