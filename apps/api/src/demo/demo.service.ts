import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { systemCaller } from '../auth/caller.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseService } from '../database/database.service.js';
import { DEMO_CLUSTERS, DEMO_LABEL, type DemoCluster } from './demo-clusters.js';

/** Demo clusters are registered by the product itself, and audited as such. */
const DEMO_ACTOR = systemCaller('demo');

/**
 * Demo mode: simulated clusters in this process, registered like real ones, so a
 * fresh `npm start` shows a populated catalog. On with SWITCHBOARD_DEMO=1; with
 * the default `auto`, on when no cluster is registered or only clusters an earlier
 * demo run registered (their simulators died with that process and come back on
 * new ports with new credentials, so they are re-pointed, not left dead).
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Demo');
  private readonly sims: SimCluster[] = [];
  private stopped = false;
  private started: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly clusters: ClustersService,
  ) {}

  onApplicationBootstrap(): void {
    // A pure API replica syncs nothing, so simulators in it would serve no one.
    if (this.config.demo === false || this.config.role === 'api') return;
    // Never block bootstrap: the HTTP server is up while the database and simulators come.
    this.started = this.database
      .whenReady()
      .then(() => this.start())
      .catch((err) => this.logger.error(`demo mode failed to start: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** Resolves when demo startup has finished (or was skipped); for tests. */
  whenStarted(): Promise<void> {
    return this.started;
  }

  /** Whether this process runs demo clusters (known once whenStarted resolved). */
  isActive(): boolean {
    return this.sims.length > 0;
  }

  /** The running simulators (for tests and diagnostics). */
  simulators(): readonly SimCluster[] {
    return this.sims;
  }

  private async start(): Promise<void> {
    const registered = await this.clusters.list(DEMO_ACTOR);
    const isDemo = (c: (typeof registered)[number]) => c.labels.some((l) => l.key === DEMO_LABEL && l.value === 'true');
    if (this.config.demo === 'auto' && registered.some((c) => !isDemo(c))) return;
    this.logger.log(
      `Demo mode is ON (SWITCHBOARD_DEMO=${this.config.demo === true ? '1' : 'auto'}): starting ${DEMO_CLUSTERS.length} simulated clusters in this process ` +
        `(${DEMO_CLUSTERS.map((d) => d.sim.name).join(', ')}). Set SWITCHBOARD_DEMO=0 to turn it off` +
        (this.config.demo === 'auto' ? '; it also stays off once you register a cluster of your own.' : '.'),
    );
    for (const demo of DEMO_CLUSTERS) {
      if (this.stopped) return;
      try {
        await this.startOne(demo, registered.find((c) => c.name === demo.sim.name));
      } catch (err) {
        this.logger.error(`demo cluster ${demo.sim.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async startOne(demo: DemoCluster, existing: { name: string; labels: { key: string; value: string }[] } | undefined): Promise<void> {
    if (existing && !existing.labels.some((l) => l.key === DEMO_LABEL && l.value === 'true')) {
      this.logger.warn(`a cluster named ${existing.name} is registered and is not a demo cluster; leaving it alone`);
      return;
    }
    const sim = await startCluster(demo.sim);
    this.sims.push(sim);
    if (this.stopped) return sim.stop();
    if (existing) {
      await this.clusters.reconnect(DEMO_ACTOR, existing.name, sim.kubeconfig());
      this.logger.log(`demo cluster ${demo.sim.name} (${demo.sim.region}) re-pointed to its new simulator at ${sim.url}`);
    } else {
      await this.clusters.register(DEMO_ACTOR, {
        kubeconfig: sim.kubeconfig(),
        displayName: demo.displayName,
        labels: Object.entries({ ...demo.labels, [DEMO_LABEL]: 'true' }).map(([key, value]) => ({ key, value })),
      });
      this.logger.log(`demo cluster ${demo.sim.name} (${demo.sim.region}) registered at ${sim.url}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.started.catch(() => undefined);
    await Promise.all(this.sims.map((s) => s.stop().catch(() => undefined)));
  }
}
