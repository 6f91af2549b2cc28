import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';

/** Cluster ownership between replicas: a row per cluster, renewed before it expires. */
@Injectable()
export class LeaseRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Takes the lease if it is free, expired or already ours; true when we hold it now. */
  async acquire(clusterId: string, holder: string, seconds: number): Promise<boolean> {
    const rows = await this.database.prisma.$queryRawUnsafe<{ holder: string }[]>(
      `INSERT INTO "ClusterLease" ("clusterId", holder, "acquiredAt", "renewedAt", "expiresAt")
         VALUES ($1::uuid, $2, now(), now(), now() + make_interval(secs => $3::double precision))
       ON CONFLICT ("clusterId") DO UPDATE SET
         holder = EXCLUDED.holder,
         "acquiredAt" = CASE WHEN "ClusterLease".holder = EXCLUDED.holder THEN "ClusterLease"."acquiredAt" ELSE now() END,
         "renewedAt" = now(), "expiresAt" = EXCLUDED."expiresAt"
       WHERE "ClusterLease".holder = EXCLUDED.holder OR "ClusterLease"."expiresAt" < now()
       RETURNING holder`,
      clusterId,
      holder,
      seconds,
    );
    return rows[0]?.holder === holder;
  }

  async release(clusterId: string, holder: string): Promise<void> {
    await this.database.prisma.$executeRawUnsafe(`DELETE FROM "ClusterLease" WHERE "clusterId" = $1::uuid AND holder = $2`, clusterId, holder);
  }
}
