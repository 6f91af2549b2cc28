import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { systemCaller } from '../auth/caller.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import { DomainError } from '../errors/domain-error.js';
import { ClustersService } from './clusters.service.js';

/** Audited as the product itself, like the demo clusters. */
const ACTOR = systemCaller('in-cluster');
/** The API server may not answer yet while the pod starts (or its RBAC is applied after it). */
const RETRY_MS = 15_000;
/** Errors a retry cannot mend: the configuration or the pod's mounts are wrong. */
const FINAL = new Set(['VALIDATION_FAILED', 'ALREADY_EXISTS']);

/**
 * SWITCHBOARD_IN_CLUSTER_NAME: register the cluster this pod runs in, with its
 * service account, once — every replica tries; the first wins and the others find it
 * registered. A cluster already registered under that name is left as it is.
 */
@Injectable()
export class InClusterRegistration implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InCluster');
  private stopped = false;
  private wake: (() => void) | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly clusters: ClustersService,
  ) {}

  onApplicationBootstrap(): void {
    const name = this.config.inCluster.registerAs;
    if (!name) return;
    this.done = this.database.whenReady().then(() => this.registerOnce(name));
  }

  /** Resolves when registration succeeded, was not needed, or gave up (for tests). */
  whenDone(): Promise<void> {
    return this.done;
  }

  onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    return this.done;
  }

  private async registerOnce(name: string): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.isRegistered(name)) return;
        await this.clusters.register(ACTOR, { name, inCluster: true });
        this.logger.log(`registered the cluster this process runs in as "${name}"`);
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof DomainError && FINAL.has(err.code)) {
          if (err.code !== 'ALREADY_EXISTS') this.logger.error(`cannot register the cluster this process runs in as "${name}": ${message}`);
          return;
        }
        this.logger.warn(`could not register the cluster this process runs in as "${name}" yet: ${message}; trying again in ${RETRY_MS / 1000} s`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, RETRY_MS);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }

  private async isRegistered(name: string): Promise<boolean> {
    try {
      await this.clusters.get(ACTOR, name);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') return false;
      throw err;
    }
  }
}
