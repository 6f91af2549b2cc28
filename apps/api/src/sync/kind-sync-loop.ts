import { Logger } from '@nestjs/common';
import { Watch } from '@kubernetes/client-node';
import { type CatalogRecord, normalize } from '@switchboard/k8s-model';
import type { SyncStatus } from '../change-feed/catalog-change.js';
import type { ChangeFeed } from '../change-feed/change-feed.service.js';
import type { ClusterTarget } from '../clusters/cluster-directory.js';
import type { CatalogWriterRepository, WriteStep } from './catalog-writer.repository.js';
import type { KindSpec } from './kind-specs.js';
import { ClusterGoneError } from '../database/database-errors.js';
import { getJson, KubeHttpError } from '../kube/kube-http.js';
import type { SyncMetrics } from './sync-metrics.js';
import type { SyncStateRepository } from './sync-state.repository.js';

/** The list/watch history is gone (410): relist. */
class GoneError extends Error {}

/** stop() was called: leave without writing anything more. */
class StoppedError extends Error {}

export interface LoopDeps {
  writer: CatalogWriterRepository;
  states: SyncStateRepository;
  feed: ChangeFeed;
  metrics: SyncMetrics;
  pageSize: number;
  watchIdleMs: number;
  /** Events are written in batches of at most this many, or after this long. */
  batchSize: number;
  batchDelayMs: number;
}

interface RawObject {
  metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string };
}

type ListPage = { metadata?: { resourceVersion?: string; continue?: string }; items?: RawObject[] };

const MAX_BACKOFF_MS = 30_000;

/**
 * Mirrors one kind of one cluster: paginated list, then watch from the list's
 * version with bookmarks. 410 → relist (deleting what vanished); any other failure
 * → capped, jittered backoff; a watch silent past the idle limit is restarted.
 * Never stops by itself; only stop() ends it (or the cluster's row being gone).
 */
export class KindSyncLoop {
  private readonly logger: Logger;
  private rv: string | null = null;
  private stopped = false;
  /** Stopping for a shutdown: the events already received are still written. */
  private finishBatch = false;
  /** Aborts the list request in flight when the loop is stopped. */
  private readonly halt = new AbortController();
  private running: Promise<void> | undefined;
  private abortWatch: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private everReady = false;
  /** Failures in a row; a watch that connects starts the count again. */
  private attempt = 0;
  /** The status this loop last stored, so each transition is published once. */
  private status: SyncStatus | undefined;

  constructor(
    private readonly target: ClusterTarget,
    private readonly spec: KindSpec,
    private readonly deps: LoopDeps,
  ) {
    this.logger = new Logger(`Sync ${target.name}/${spec.kind}`);
  }

  /** Sync lines carry their cluster and kind as fields, so a log pipeline can filter on them. */
  private say(level: 'log' | 'warn' | 'error' | 'debug', msg: string): void {
    this.logger[level]({ msg, cluster: this.target.name, kind: this.spec.kind });
  }

  start(): Promise<void> {
    this.running ??= this.run().catch((err) => this.say('error', `sync loop ended: ${describe(err)}`));
    return this.running;
  }

  /**
   * Resolves once the loop has exited and its last transaction has committed or
   * rolled back; events received but not yet written are dropped (whoever syncs the
   * cluster next lists it afresh) unless `finishBatch` (shutdown) asks to write them first.
   */
  stop(opts: { finishBatch?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.finishBatch = opts.finishBatch === true;
    // Another replica (or nobody, when paused or removed) answers for it from now on.
    this.deps.metrics.ready.remove({ cluster: this.target.name, kind: this.spec.kind });
    this.halt.abort();
    this.abortWatch?.();
    this.wake?.();
    return this.running ?? Promise.resolve();
  }

  /** Relist now (a user asked for a full resync). */
  resync(): void {
    this.rv = null;
    this.abortWatch?.();
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.rv === null) {
          await this.state({ status: 'SYNCING' });
          this.rv = await this.relist();
          this.everReady = true;
          this.attempt = 0;
        }
        await this.watch();
        this.deps.metrics.restarts.inc({ cluster: this.target.name, kind: this.spec.kind });
      } catch (err) {
        if (this.stopped) break;
        if (err instanceof ClusterGoneError) {
          // Removed through another replica, whose notice has not arrived yet: nothing left to mirror.
          this.say('debug', 'the cluster was removed; stopping');
          this.stopped = true;
          break;
        }
        if (err instanceof GoneError) {
          this.rv = null;
          this.deps.metrics.relists.inc({ cluster: this.target.name, kind: this.spec.kind });
          await this.state({ relistsDelta: 1 }).catch(() => undefined);
          continue;
        }
        const attempt = ++this.attempt;
        this.deps.metrics.restarts.inc({ cluster: this.target.name, kind: this.spec.kind });
        const message = describe(err);
        this.deps.metrics.errors.inc({ cluster: this.target.name, kind: this.spec.kind });
        const status: SyncStatus = this.everReady && attempt < 5 ? 'DEGRADED' : 'ERROR';
        await this.state({ status, lastError: message, restartsDelta: 1 }).catch(() => undefined);
        const retryAfter = err instanceof KubeHttpError && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : 0;
        const delay = Math.max(retryAfter, Math.min(MAX_BACKOFF_MS, 200 * 2 ** Math.min(attempt, 8)) * (0.5 + Math.random()));
        if (attempt === 1 || attempt % 10 === 0) this.say('warn', `${message}; retrying in ${Math.round(delay)} ms (attempt ${attempt})`);
        await this.sleep(delay);
      }
    }
  }

  private async relist(): Promise<string> {
    const uids: string[] = [];
    let rv = '';
    let next: Promise<ListPage> | undefined = this.page(undefined);
    while (next) {
      const page: ListPage = await next;
      // A stopped loop writes nothing more; above all it must not delete what a partial list did not return.
      if (this.stopped) throw new StoppedError();
      const token = page.metadata?.continue || undefined;
      // The next page is on its way while this one is written: the cluster and the database work at once.
      next = token ? this.page(token) : undefined;
      next?.catch(() => undefined); // awaited next round; a write failure must not leave it unhandled
      const records: CatalogRecord[] = [];
      for (const item of page.items ?? []) {
        const r = this.normalize(item);
        if (r) {
          records.push(r.record);
          uids.push(r.uid);
        }
      }
      if (records.length) await this.deps.writer.apply(this.target.id, this.spec.kind, records, []);
      rv = page.metadata?.resourceVersion ?? rv;
    }
    const removed = await this.deps.writer.deleteMissing(this.target.id, this.spec.kind, uids);
    await this.state({ status: 'READY', resourceVersion: rv, lastListAt: new Date(), lastError: null });
    await this.deps.feed.publish({ cluster: this.target.name, kind: this.spec.kind, op: 'RELIST', objects: [] });
    if (removed) this.say('log', `relist removed ${removed} object(s) deleted while not watching`);
    return rv;
  }

  private async page(token: string | undefined): Promise<ListPage> {
    try {
      return await getJson<ListPage>(this.target.kubeConfig, this.spec.path, { limit: this.deps.pageSize, continue: token }, 30_000, this.halt.signal);
    } catch (err) {
      if (err instanceof KubeHttpError && err.statusCode === 410) throw new GoneError(err.message);
      throw err;
    }
  }

  /** Resolves when the server ends the watch cleanly; throws GoneError on 410 and anything else on failure. */
  private watch(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const pending: { type: string; obj: RawObject; at: number }[] = [];
      let flushing: Promise<void> = Promise.resolve();
      let timer: NodeJS.Timeout | undefined;
      let idle: NodeJS.Timeout | undefined;
      let finished = false;
      let controller: AbortController | undefined;

      const finish = (err?: unknown) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        clearTimeout(idle);
        this.abortWatch = undefined;
        controller?.abort();
        // Everything received is written before the loop goes on, unless it is stopping
        // (paused, removed, lease lost): then only the write in flight is waited for.
        void flushing.then(() => (this.stopped && !this.finishBatch ? undefined : flush())).then(() => (err ? reject(err) : resolve()), reject);
      };
      const resetIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => finish(new Error(`watch silent for ${this.deps.watchIdleMs / 1000}s; restarting it`)), this.deps.watchIdleMs);
      };
      const flush = async () => {
        clearTimeout(timer);
        timer = undefined;
        const batch = pending.splice(0);
        if (!batch.length) return;
        const steps = toSteps(batch, (obj) => this.normalize(obj)?.record);
        const touched = new Set(batch.map(({ obj: { metadata: m = {} } }) => (m.namespace ? `${m.namespace}/${m.name}` : `${m.name}`)));
        const rv = batch.at(-1)!.obj.metadata?.resourceVersion ?? this.rv;
        const lag = (Date.now() - batch[0]!.at) / 1000;
        await this.deps.writer.applyBatch(this.target.id, this.spec.kind, steps, { resourceVersion: rv, lastEventAt: new Date(), lagSeconds: lag });
        this.rv = rv;
        this.deps.metrics.applied.inc({ cluster: this.target.name, kind: this.spec.kind }, batch.length);
        this.deps.metrics.batchSize.observe({ kind: this.spec.kind }, batch.length);
        this.deps.metrics.lag.observe({ cluster: this.target.name, kind: this.spec.kind }, (Date.now() - batch[0]!.at) / 1000);
        await this.deps.feed.publish({ cluster: this.target.name, kind: this.spec.kind, op: batch.some((b) => b.type === 'DELETED') ? 'DELETE' : 'UPSERT', objects: [...touched] });
      };
      const schedule = () => {
        if (pending.length >= this.deps.batchSize) {
          flushing = flushing.then(flush).catch((err) => finish(err));
        } else if (!timer) {
          timer = setTimeout(() => {
            flushing = flushing.then(flush).catch((err) => finish(err));
          }, this.deps.batchDelayMs);
        }
      };

      if (this.stopped) return reject(new StoppedError());
      this.abortWatch = () => finish();
      resetIdle();
      new Watch(this.target.kubeConfig)
        .watch(
          this.spec.path,
          { resourceVersion: this.rv ?? undefined, allowWatchBookmarks: true, timeoutSeconds: 240 + Math.floor(Math.random() * 120) },
          (type, obj: RawObject & { code?: number; message?: string }) => {
            if (finished) return;
            resetIdle();
            if (type === 'BOOKMARK') {
              this.rv = obj.metadata?.resourceVersion ?? this.rv;
              return;
            }
            if (type === 'ERROR') {
              finish(obj.code === 410 ? new GoneError(obj.message ?? 'Expired') : new Error(`watch error ${obj.code}: ${obj.message}`));
              return;
            }
            pending.push({ type, obj, at: Date.now() });
            schedule();
          },
          (err: (Error & { statusCode?: number }) | null) => {
            if (err && err.statusCode === 410) finish(new GoneError(err.message));
            else if (err && err.name !== 'AbortError') finish(err);
            else finish();
          },
        )
        .then((c) => {
          controller = c;
          if (finished) return c.abort();
          // Connected again after a failure: the watch resumes from the stored version, so the kind is caught up.
          this.attempt = 0;
          if (this.status !== 'READY') flushing = flushing.then(() => this.state({ status: 'READY', lastError: null })).catch((err) => finish(err));
        }, finish);
    });
  }

  private normalize(obj: RawObject): { uid: string; record: CatalogRecord } | undefined {
    try {
      const n = normalize(this.spec.kind, obj);
      return { uid: n.uid, record: n.record };
    } catch (err) {
      this.say('warn', `skipped an object that cannot be read: ${describe(err)}`);
      return undefined;
    }
  }

  /** Stores the state; a changed status is published on the change feed after it committed. */
  private async state(change: Parameters<SyncStateRepository['update']>[2]): Promise<void> {
    await this.deps.states.update(this.target.id, this.spec.kind, change);
    if (!change.status || change.status === this.status) return;
    this.status = change.status;
    if (!this.stopped) this.deps.metrics.ready.set({ cluster: this.target.name, kind: this.spec.kind }, change.status === 'READY' ? 1 : 0);
    await this.deps.feed
      .publishClusterStatus({ cluster: this.target.name, kind: this.spec.kind, status: change.status, lastError: change.lastError ?? null })
      .catch((err) => this.say('warn', `could not publish the ${change.status} status: ${describe(err)}`));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }
}

/**
 * A batch of watch events as write steps in arrival (= resourceVersion) order: upserts
 * gather until a delete, deletes until the next upsert, so a delete never overtakes an
 * earlier upsert of the same object nor a recreate an earlier delete.
 */
function toSteps(batch: { type: string; obj: RawObject }[], read: (obj: RawObject) => CatalogRecord | undefined): WriteStep[] {
  const steps: WriteStep[] = [];
  let step: WriteStep = { upserts: [], deletes: [] };
  for (const e of batch) {
    const m = e.obj.metadata ?? {};
    if (e.type === 'DELETED') {
      if (m.name && m.uid) step.deletes.push({ namespace: m.namespace, name: m.name, uid: m.uid });
      continue;
    }
    const record = read(e.obj);
    if (!record) continue;
    if (step.deletes.length) {
      steps.push(step);
      step = { upserts: [], deletes: [] };
    }
    step.upserts.push(record);
  }
  if (step.upserts.length || step.deletes.length) steps.push(step);
  return steps;
}

/** An error as a user may read it: never a token or a kubeconfig (those never reach errors here). */
function describe(err: unknown): string {
  if (err instanceof KubeHttpError) return `HTTP ${err.statusCode}${err.reason ? ` ${err.reason}` : ''}: ${err.message}`;
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return `${code ? `${code}: ` : ''}${e?.message ?? String(err)}`.slice(0, 500);
}
