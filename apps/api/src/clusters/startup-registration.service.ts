import { readFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { systemCaller } from '../auth/caller.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import { DomainError } from '../errors/domain-error.js';
import { ClustersService } from './clusters.service.js';
import { contextsOf } from './kube-connection.js';

/** Audited as the product itself, like the demo clusters. */
const ACTOR = systemCaller('startup');
/** The API server (or the kubeconfig's clusters) may not answer yet while things start. */
const RETRY_MS = 15_000;
/** Looking for a file that is not there yet costs a stat: done more often. */
const FILE_POLL_MS = 2_000;
/** Errors a retry cannot mend: the configuration or the pod's mounts are wrong. */
const FINAL = new Set(['VALIDATION_FAILED', 'ALREADY_EXISTS']);

/**
 * Clusters registered by configuration rather than by an admin:
 * - SWITCHBOARD_IN_CLUSTER_NAME: the cluster this pod runs in, with its service account;
 *   left as it is once registered.
 * - SWITCHBOARD_REGISTER_KUBECONFIG: every context of a kubeconfig file (e.g. one that
 *   simulated clusters write next to the API, as docker compose's demo profile does);
 *   a context already registered is re-pointed at the file's current credentials.
 * Every replica tries; the first wins and the others find the clusters registered.
 */
@Injectable()
export class StartupRegistration implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StartupRegistration');
  private stopped = false;
  private readonly wakers = new Set<() => void>();
  private done: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly clusters: ClustersService,
  ) {}

  onApplicationBootstrap(): void {
    const { registerAs } = this.config.inCluster;
    const file = this.config.registerKubeconfig;
    if (!registerAs && !file) return;
    this.done = this.database.whenReady().then(() =>
      Promise.all([
        registerAs ? this.untilDone(`the cluster this process runs in as "${registerAs}"`, () => this.registerInCluster(registerAs)) : undefined,
        file ? this.untilDone(`the contexts of ${file}`, () => this.registerKubeconfig(file)) : undefined,
      ]).then(() => undefined),
    );
  }

  /** Resolves when every registration succeeded, was not needed, or gave up (for tests). */
  whenDone(): Promise<void> {
    return this.done;
  }

  onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    return this.done;
  }

  private async registerInCluster(name: string): Promise<void> {
    if (await this.isRegistered(name)) return;
    await this.clusters.register(ACTOR, { name, inCluster: true });
    this.logger.log(`registered the cluster this process runs in as "${name}"`);
  }

  /** Returns false while the file does not exist yet (whoever writes it may still be starting). */
  private async registerKubeconfig(file: string): Promise<boolean> {
    let kubeconfig: string;
    try {
      kubeconfig = await readFile(file, 'utf8');
    } catch {
      return false;
    }
    let contexts: string[];
    try {
      contexts = contextsOf(kubeconfig);
    } catch (err) {
      // Perhaps caught half-written: worth another look, unlike a refused registration.
      throw new Error(err instanceof Error ? err.message : String(err));
    }
    for (const context of contexts) {
      if (await this.isRegistered(context)) await this.clusters.reconnect(ACTOR, context, kubeconfig, context);
      else await this.clusters.register(ACTOR, { kubeconfig, contexts: [context], labels: [{ key: 'switchboard.dev/registered-from', value: 'kubeconfig-file' }] });
      this.logger.log(`cluster "${context}" registered from ${file}`);
    }
    return true;
  }

  /** Runs a registration until it succeeds or fails for good, waiting between tries. */
  private async untilDone(what: string, attempt: () => Promise<boolean | void>): Promise<void> {
    let waitingLogged = false;
    while (!this.stopped) {
      let pause = RETRY_MS;
      try {
        if ((await attempt()) !== false) return;
        if (!waitingLogged) this.logger.log(`waiting to register ${what}: the file is not there yet`);
        waitingLogged = true;
        pause = FILE_POLL_MS;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof DomainError && FINAL.has(err.code)) {
          if (err.code !== 'ALREADY_EXISTS') this.logger.error(`cannot register ${what}: ${message}`);
          return;
        }
        this.logger.warn(`could not register ${what} yet: ${message}; trying again in ${RETRY_MS / 1000} s`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(t);
          this.wakers.delete(wake);
          resolve();
        };
        const t = setTimeout(wake, pause);
        this.wakers.add(wake);
      });
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
