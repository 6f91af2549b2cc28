import { Injectable } from '@nestjs/common';
import type { Scope } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { Params } from '../../database/sql-params.js';
import { scopeSql } from '../shared/scope-sql.js';

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
  async list(clusters?: string[], scope?: Scope): Promise<CatalogNamespace[]> {
    const p = new Params();
    p.add(clusters?.length ? clusters : null);
    const scoped = scopeSql(scope, p, 'n."clusterId"', 'n.name');
    return this.database.prisma.$queryRawUnsafe<CatalogNamespace[]>(
      `SELECT c.name AS cluster, n.name, n.phase, n.labels,
              (SELECT count(*)::int FROM "Service" s WHERE s."clusterId" = n."clusterId" AND s.namespace = n.name) AS "serviceCount",
              (SELECT count(*)::int FROM "Ingress" i WHERE i."clusterId" = n."clusterId" AND i.namespace = n.name) AS "ingressCount",
              (SELECT count(*)::int FROM "Pod" p WHERE p."clusterId" = n."clusterId" AND p.namespace = n.name) AS "podCount"
         FROM "Namespace" n JOIN "Cluster" c ON c.id = n."clusterId"
        WHERE ($1::text[] IS NULL OR c.name = ANY($1::text[]))${scoped ? ` AND ${scoped}` : ''}
        ORDER BY c.name, n.name`,
      ...p.values,
    );
  }
}
