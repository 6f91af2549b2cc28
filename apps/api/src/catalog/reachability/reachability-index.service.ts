import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { compileReachability, liveReachabilityInput, RESOURCE_KINDS, type CompiledReachability, type ReachabilityInput, type ReachabilityResult, type ResourceKind } from '@switchboard/k8s-model';
import type { Subscription } from 'rxjs';
import { ChangeFeed } from '../../change-feed/change-feed.service.js';
import { ReachabilityInputRepository, type ReachCluster } from './reachability-input.repository.js';

/** Kinds whose changes can change a cluster's reachability: all but those read per question or not at all. */
const NOT_REACHABILITY: readonly ResourceKind[] = ['NODE', 'SERVICE', 'ENDPOINT_SLICE', 'INGRESS'];
export const REACHABILITY_KINDS: ReadonlySet<ResourceKind> = new Set(RESOURCE_KINDS.filter((k) => !NOT_REACHABILITY.includes(k)));

/** One cluster's reachability as computed from the mirror at `computedAt`. */
export class ClusterReachability {
  private all: ReachabilityResult | undefined;
  constructor(
    readonly cluster: ReachCluster,
    readonly input: ReachabilityInput,
    readonly compiled: CompiledReachability,
    readonly computedAt: Date,
  ) {}

  /** Every pair, computed on first use (most questions need only a few pairs: see compiled). */
  result(): ReachabilityResult {
    return (this.all ??= this.compiled.result());
  }
}

interface Slot {
  /** Changes told about so far for the cluster. */
  version: number;
  entry?: { version: number; value: Promise<ClusterReachability> };
}

/**
 * A per-replica cache of each cluster's compiled reachability. The change feed (which
 * reaches every replica) drops a cluster's entry when its pods, namespaces, workloads or
 * policies change; the next question recomputes it, once however many ask at the same
 * time, and an answer is never older than the last change this replica was told about.
 * Live mode: hostNetwork pods are outside policy, as network plugins enforce.
 */
@Injectable()
export class ReachabilityIndex implements OnModuleInit, OnModuleDestroy {
  private readonly slots = new Map<string, Slot>();
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly repo: ReachabilityInputRepository,
    private readonly feed: ChangeFeed,
  ) {}

  onModuleInit(): void {
    this.subscriptions = [
      this.feed.changes$.subscribe((c) => {
        if (REACHABILITY_KINDS.has(c.kind)) this.invalidate(c.cluster);
      }),
      this.feed.clusterStatus$.subscribe((s) => {
        if (s.kind === null) this.invalidate(s.cluster);
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  invalidate(cluster: string): void {
    const slot = this.slots.get(cluster) ?? { version: 0 };
    slot.version++;
    delete slot.entry;
    this.slots.set(cluster, slot);
  }

  /** The cluster's reachability, current as of every change told about before it resolves. */
  async get(cluster: ReachCluster): Promise<ClusterReachability> {
    let slot = this.slots.get(cluster.name);
    if (!slot) this.slots.set(cluster.name, (slot = { version: 0 }));
    for (;;) {
      const version = slot.version;
      let entry = slot.entry;
      if (entry?.version !== version) {
        const value = this.compute(cluster);
        const s = slot;
        entry = s.entry = { version, value };
        // A failed load is not cached: the next question tries again.
        value.catch(() => {
          if (s.entry?.value === value) delete s.entry;
        });
      }
      const found = await entry.value;
      // A change told about while loading makes this answer stale: load again.
      if (slot.version === version) return found;
    }
  }

  private async compute(cluster: ReachCluster): Promise<ClusterReachability> {
    const computedAt = new Date();
    const input = liveReachabilityInput(await this.repo.load(cluster.id));
    return new ClusterReachability(cluster, input, compileReachability(input, { hostNetwork: 'outside-policy' }), computedAt);
  }
}
