import { Injectable } from '@nestjs/common';
import type { Scope } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { Params } from '../../database/sql-params.js';
import { clusterScopeSql, scopeSql } from '../shared/scope-sql.js';
import type { PodOwnerRow, WorkloadRow } from './catalog-workload.js';

@Injectable()
export class WorkloadsRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * The workloads and pods (name and controller owner) of one cluster, or one of its
   * namespaces, within the read scope: one statement. undefined when the cluster is not there.
   */
  async load(cluster: string, namespace: string | undefined, scope?: Scope): Promise<{ workloads: WorkloadRow[]; pods: PodOwnerRow[] } | undefined> {
    const p = new Params();
    const where = [`c.name = ${p.add(cluster)}`];
    const reach = clusterScopeSql(scope, p, 'c.id');
    if (reach) where.push(reach);
    const ns = p.add(namespace ?? null);
    const readW = scopeSql(scope, p, 'w."clusterId"', 'w.namespace');
    const readP = scopeSql(scope, p, 'pod."clusterId"', 'pod.namespace');
    const [row] = await this.database.prisma.$queryRawUnsafe<{ workloads: WorkloadRow[]; pods: PodOwnerRow[] }[]>(
      `SELECT COALESCE((SELECT json_agg(json_build_object('kind', w.kind, 'namespace', w.namespace, 'name', w.name, 'uid', w.uid, 'ownerKind', w."ownerKind",
                         'ownerName', w."ownerName", 'ownerUid', w."ownerUid", 'selector', w.selector, 'templateLabels', w."templateLabels", 'replicas', w.replicas)
                         ORDER BY w.namespace, w.name, w.kind)
                  FROM "Workload" w WHERE w."clusterId" = c.id AND (${ns}::text IS NULL OR w.namespace = ${ns}::text)${readW ? ` AND ${readW}` : ''}), '[]'::json) AS workloads,
              COALESCE((SELECT json_agg(json_build_object('namespace', pod.namespace, 'name', pod.name, 'ownerKind', pod."ownerKind", 'ownerName', pod."ownerName", 'ownerUid', pod."ownerUid")
                         ORDER BY pod.namespace, pod.name)
                  FROM "Pod" pod WHERE pod."clusterId" = c.id AND (${ns}::text IS NULL OR pod.namespace = ${ns}::text)${readP ? ` AND ${readP}` : ''}), '[]'::json) AS pods
         FROM "Cluster" c WHERE ${where.join(' AND ')}`,
      ...p.values,
    );
    return row;
  }
}
