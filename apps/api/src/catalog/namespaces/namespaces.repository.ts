import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service.js';

export interface CatalogNamespace {
  cluster: string;
  name: string;
  phase: string | null;
  labels: Record<string, string>;
  serviceCount: number;
  ingressCount: number;
  podCount: number;
}

@Injectable()
export class NamespacesRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Mirrored namespaces with object counts, one statement. */
  async list(clusters?: string[]): Promise<CatalogNamespace[]> {
    return this.database.prisma.$queryRawUnsafe<CatalogNamespace[]>(
      `SELECT c.name AS cluster, n.name, n.phase, n.labels,
              (SELECT count(*)::int FROM "Service" s WHERE s."clusterId" = n."clusterId" AND s.namespace = n.name) AS "serviceCount",
              (SELECT count(*)::int FROM "Ingress" i WHERE i."clusterId" = n."clusterId" AND i.namespace = n.name) AS "ingressCount",
              (SELECT count(*)::int FROM "Pod" p WHERE p."clusterId" = n."clusterId" AND p.namespace = n.name) AS "podCount"
         FROM "Namespace" n JOIN "Cluster" c ON c.id = n."clusterId"
        WHERE ($1::text[] IS NULL OR c.name = ANY($1::text[]))
        ORDER BY c.name, n.name`,
      clusters?.length ? clusters : null,
    );
  }
}
