import { Injectable } from '@nestjs/common';
import type { ResourceKind } from '@switchboard/k8s-model';
import type { SyncStatus } from '../change-feed/catalog-change.js';
import { clusterGone } from '../database/database-errors.js';
import { DatabaseService } from '../database/database.service.js';

export interface SyncStateChange {
  status?: SyncStatus;
  resourceVersion?: string | null;
  lastListAt?: Date;
  lastEventAt?: Date;
  lastError?: string | null;
  objectCount?: number;
  relistsDelta?: number;
  restartsDelta?: number;
  lagSeconds?: number;
}

@Injectable()
export class SyncStateRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Every kind of these (paused) clusters PAUSED, in one statement that writes only the
   * rows not PAUSED yet (creating missing ones); answers the rows it changed.
   */
  async markPaused(clusterIds: readonly string[], kinds: readonly ResourceKind[]): Promise<{ clusterId: string; kind: ResourceKind }[]> {
    if (!clusterIds.length) return [];
    return this.database.prisma.$queryRawUnsafe<{ clusterId: string; kind: ResourceKind }[]>(
      `INSERT INTO "ClusterSyncState" ("clusterId", kind, status)
       SELECT c.id, k.kind::"ResourceKind", 'PAUSED'
         FROM "Cluster" c CROSS JOIN unnest($2::text[]) AS k(kind)
        WHERE c.id = ANY($1::uuid[]) ORDER BY c.id, k.kind FOR KEY SHARE OF c
       ON CONFLICT ("clusterId", kind) DO UPDATE SET status = 'PAUSED', "updatedAt" = now()
       WHERE "ClusterSyncState".status <> 'PAUSED'
       RETURNING "clusterId"::text AS "clusterId", kind::text AS kind`,
      [...clusterIds],
      [...kinds],
    );
  }

  /** Throws ClusterGoneError when the cluster's row is gone. */
  async update(clusterId: string, kind: ResourceKind, c: SyncStateChange): Promise<void> {
    try {
      await this.database.prisma.clusterSyncState.upsert({
        where: { clusterId_kind: { clusterId, kind } },
        create: {
          clusterId,
          kind,
          status: c.status ?? 'PENDING',
          resourceVersion: c.resourceVersion ?? null,
          lastListAt: c.lastListAt,
          lastEventAt: c.lastEventAt,
          lastError: c.lastError ?? null,
          lastErrorAt: c.lastError ? new Date() : null,
          objectCount: c.objectCount ?? 0,
          relists: c.relistsDelta ?? 0,
          restarts: c.restartsDelta ?? 0,
          lagSeconds: c.lagSeconds,
        },
        update: {
          ...(c.status ? { status: c.status } : {}),
          ...(c.resourceVersion !== undefined ? { resourceVersion: c.resourceVersion } : {}),
          ...(c.lastListAt ? { lastListAt: c.lastListAt } : {}),
          ...(c.lastEventAt ? { lastEventAt: c.lastEventAt } : {}),
          ...(c.lastError !== undefined ? { lastError: c.lastError, ...(c.lastError ? { lastErrorAt: new Date() } : {}) } : {}),
          ...(c.objectCount !== undefined ? { objectCount: c.objectCount } : {}),
          ...(c.relistsDelta ? { relists: { increment: c.relistsDelta } } : {}),
          ...(c.restartsDelta ? { restarts: { increment: c.restartsDelta } } : {}),
          ...(c.lagSeconds !== undefined ? { lagSeconds: c.lagSeconds } : {}),
        },
      });
    } catch (err) {
      throw clusterGone(err) ?? err;
    }
  }
}
