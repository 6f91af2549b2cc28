import { Injectable } from '@nestjs/common';
import type { Scope, ServiceKindLabel } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { Params } from '../../database/sql-params.js';
import { scopeSql } from '../shared/scope-sql.js';

export interface ClusterCounts {
  clusterId: string;
  namespaces: number;
  nodes: number;
  readyNodes: number;
  pods: number;
  ingresses: number;
  serviceKinds: Partial<Record<ServiceKindLabel, number>>;
  endpoints: number;
  readyEndpoints: number;
}

@Injectable()
export class ClusterSummaryRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Object counts of several clusters in one statement, each limited to the namespaces the
   * scope covers (nodes are cluster-level). Endpoints count once per service and target,
   * like a service's own endpoint counts (dual-stack slices do not count twice).
   */
  async counts(clusterIds: readonly string[], scope: Scope | undefined): Promise<ClusterCounts[]> {
    const p = new Params();
    const ids = p.add([...clusterIds]);
    const where = (ns: string, cluster = 'c.id') => {
      const s = scopeSql(scope, p, cluster, ns);
      return s ? ` AND ${s}` : '';
    };
    return this.database.prisma.$queryRawUnsafe<ClusterCounts[]>(
      `SELECT c.id AS "clusterId",
              (SELECT count(*)::int FROM "Namespace" n WHERE n."clusterId" = c.id${where('n.name')}) AS namespaces,
              (SELECT count(*)::int FROM "Node" n WHERE n."clusterId" = c.id) AS nodes,
              (SELECT count(*)::int FROM "Node" n WHERE n."clusterId" = c.id AND n.ready) AS "readyNodes",
              (SELECT count(*)::int FROM "Pod" x WHERE x."clusterId" = c.id${where('x.namespace')}) AS pods,
              (SELECT count(*)::int FROM "Ingress" i WHERE i."clusterId" = c.id${where('i.namespace')}) AS ingresses,
              (SELECT coalesce(json_object_agg(k.kind, k.n), '{}'::json) FROM (
                 SELECT CASE WHEN s.type = 'ClusterIP' AND s.headless THEN 'Headless' ELSE s.type::text END AS kind, count(*)::int AS n
                   FROM "Service" s WHERE s."clusterId" = c.id${where('s.namespace')} GROUP BY 1) k) AS "serviceKinds",
              coalesce(e.total, 0) AS endpoints, coalesce(e.ready, 0) AS "readyEndpoints"
         FROM "Cluster" c
         LEFT JOIN (
           -- One pass over every asked cluster's endpoints (per cluster, each pass scanned them all).
           SELECT t."clusterId", count(*)::int AS total, count(*) FILTER (WHERE t.ready)::int AS ready
             FROM (SELECT sl."clusterId", sl.namespace, sl."serviceName", coalesce(ep."targetUid", ep."targetName", ep.address), bool_or(ep.ready) AS ready
                     FROM "EndpointSlice" sl JOIN "Endpoint" ep ON ep."sliceId" = sl.id
                    WHERE sl."clusterId" = ANY(${ids}::uuid[]) AND sl."serviceName" IS NOT NULL${where('sl.namespace', 'sl."clusterId"')}
                    GROUP BY 1, 2, 3, 4) t
            GROUP BY 1) e ON e."clusterId" = c.id
        WHERE c.id = ANY(${ids}::uuid[])`,
      ...p.values,
    );
  }
}
