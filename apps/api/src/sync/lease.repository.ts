import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';

/** Cluster ownership between replicas: a row per cluster, renewed before it expires. */
@Injectable()
export class LeaseRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * One statement for a whole lease round: renews the leases `holder` has among
   * `clusterIds` and takes those that are free or expired; answers the ids it holds
   * now. Leases of others that are still valid are left alone. Clusters removed
   * meanwhile are skipped (their rows are locked while the statement runs, in id
   * order, so two replicas' rounds cannot deadlock).
   */
  async acquire(clusterIds: readonly string[], holder: string, seconds: number): Promise<Set<string>> {
    if (!clusterIds.length) return new Set();
    const rows = await this.database.prisma.$queryRawUnsafe<{ clusterId: string }[]>(
      `INSERT INTO "ClusterLease" ("clusterId", holder, "acquiredAt", "renewedAt", "expiresAt")
       SELECT c.id, $2, now(), now(), now() + make_interval(secs => $3::double precision)
         FROM "Cluster" c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR KEY SHARE
       ON CONFLICT ("clusterId") DO UPDATE SET
         holder = EXCLUDED.holder,
         "acquiredAt" = CASE WHEN "ClusterLease".holder = EXCLUDED.holder THEN "ClusterLease"."acquiredAt" ELSE now() END,
         "renewedAt" = now(), "expiresAt" = EXCLUDED."expiresAt"
       WHERE "ClusterLease".holder = EXCLUDED.holder OR "ClusterLease"."expiresAt" < now()
       RETURNING "clusterId"::text AS "clusterId"`,
      [...clusterIds],
      holder,
      seconds,
    );
    return new Set(rows.map((r) => r.clusterId));
  }

  async release(clusterIds: readonly string[], holder: string): Promise<void> {
    if (!clusterIds.length) return;
    await this.database.prisma.$executeRawUnsafe(`DELETE FROM "ClusterLease" WHERE "clusterId" = ANY($1::uuid[]) AND holder = $2`, [...clusterIds], holder);
  }
}
