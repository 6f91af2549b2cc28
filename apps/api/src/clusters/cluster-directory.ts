import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { KubeConfig } from '@kubernetes/client-node';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import { CredentialCipher } from './credential-cipher.js';
import { ClustersRepository } from './clusters.repository.js';
import { kubeConfigFor } from './kube-connection.js';

export interface ClusterTarget {
  id: string;
  name: string;
  clusterDomain: string;
  paused: boolean;
  kubeConfig: KubeConfig;
}

export type ClusterChangeType = 'registered' | 'updated' | 'removed' | 'paused' | 'resumed' | 'resync';
export type ClusterChange = { type: ClusterChangeType; clusterId: string };
/** May return a promise: emitLocal waits for it (the sync engine stopping a cluster's loops). */
export type ClusterListener = (e: ClusterChange) => unknown;

/** PostgreSQL channel that carries cluster changes to the other replicas. */
export const CLUSTERS_CHANNEL = 'switchboard_clusters';
const TYPES = new Set<string>(['registered', 'updated', 'removed', 'paused', 'resumed', 'resync']);

/** What the sync engine needs of registered clusters: ready clients and change events. */
@Injectable()
export class ClusterDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Clusters');
  private readonly listeners = new Set<ClusterListener>();
  /** Tags our own NOTIFYs so this replica does not deliver its changes twice. */
  private readonly origin = randomUUID();
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;
  readonly cipher: CredentialCipher;

  constructor(
    private readonly repo: ClustersRepository,
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipher = CredentialCipher.fromConfig(config.secretKey, config.dataDir);
  }

  onApplicationBootstrap(): void {
    // Other replicas' registrations, removals and pauses reach our sync engine this way.
    void this.database
      .listen(CLUSTERS_CHANNEL, (payload) => this.fromPeer(payload))
      .then(async (unlisten) => {
        if (this.stopped) await unlisten();
        else this.unlisten = unlisten;
      })
      .catch((err) => this.logger.warn(`not listening for other replicas' cluster changes: ${err instanceof Error ? err.message : String(err)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.unlisten?.().catch(() => undefined);
  }

  /**
   * Every cluster whose credentials this replica can decrypt. One that cannot be
   * decrypted (another key) is logged and skipped, so it never stops the others.
   */
  async list(): Promise<ClusterTarget[]> {
    const out: ClusterTarget[] = [];
    for (const c of await this.repo.listWithCredentials()) {
      try {
        out.push(this.toTarget(c));
      } catch (err) {
        this.logger.error(err instanceof Error ? err.message : String(err));
      }
    }
    return out;
  }

  /** Decrypts on the way out (throws CREDENTIALS_UNREADABLE with a foreign key). */
  private toTarget(c: { id: string; name: string; clusterDomain: string; paused: boolean; credentials: Uint8Array }): ClusterTarget {
    return { id: c.id, name: c.name, clusterDomain: c.clusterDomain, paused: c.paused, kubeConfig: kubeConfigFor(c.name, this.cipher.decrypt(c.credentials, c.name)) };
  }

  /** Throws CREDENTIALS_UNREADABLE when the stored credentials do not open with this key. */
  async get(id: string): Promise<ClusterTarget | undefined> {
    const c = await this.repo.findWithCredentials(id);
    if (!c) return undefined;
    return this.toTarget(c);
  }

  /** By name or id; undefined when no such cluster is registered. */
  async find(ref: string): Promise<ClusterTarget | undefined> {
    const c = await this.repo.find(ref);
    return c ? this.get(c.id) : undefined;
  }

  onChange(listener: ClusterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells local listeners and (after the write has committed) every other replica. */
  async emit(e: ClusterChange): Promise<void> {
    await this.emitLocal(e);
    await this.publish(e);
  }

  /** Local listeners only, e.g. to stop workers before their cluster's rows go; resolves when they are done. */
  async emitLocal(e: ClusterChange): Promise<void> {
    const fail = (err: unknown) => this.logger.warn(`cluster change listener failed: ${err instanceof Error ? err.message : String(err)}`);
    await Promise.all(
      [...this.listeners].map(async (l) => {
        try {
          await l(e);
        } catch (err) {
          fail(err);
        }
      }),
    );
  }

  /** NOTIFY only; call after the change has committed. A failed NOTIFY is logged: peers still reconcile on their lease rounds. */
  async publish(e: ClusterChange): Promise<void> {
    await this.database
      .notify(CLUSTERS_CHANNEL, JSON.stringify({ type: e.type, clusterId: e.clusterId, origin: this.origin }))
      .catch((err) => this.logger.warn(`could not notify other replicas of ${e.type} ${e.clusterId}: ${err instanceof Error ? err.message : String(err)}`));
  }

  private fromPeer(payload: string): void {
    let msg: { type?: unknown; clusterId?: unknown; origin?: unknown };
    try {
      msg = JSON.parse(payload) as typeof msg;
    } catch {
      return;
    }
    if (msg.origin === this.origin || typeof msg.type !== 'string' || !TYPES.has(msg.type) || typeof msg.clusterId !== 'string') return;
    void this.emitLocal({ type: msg.type as ClusterChangeType, clusterId: msg.clusterId });
  }
}
