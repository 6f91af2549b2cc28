import { Injectable } from '@nestjs/common';
import type { MirroredReachState, Scope } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { Params } from '../../database/sql-params.js';
import { clusterScopeSql } from '../shared/scope-sql.js';

export interface ReachCluster {
  id: string;
  name: string;
}

@Injectable()
export class ReachabilityInputRepository {
  constructor(private readonly database: DatabaseService) {}

  /** The cluster when it is there for a caller with this read scope (any grant reaching it). */
  async findCluster(name: string, scope?: Scope): Promise<ReachCluster | undefined> {
    const p = new Params();
    const where = [`c.name = ${p.add(name)}`];
    const reach = clusterScopeSql(scope, p, 'c.id');
    if (reach) where.push(reach);
    const [row] = await this.database.prisma.$queryRawUnsafe<ReachCluster[]>(`SELECT c.id::text AS id, c.name FROM "Cluster" c WHERE ${where.join(' AND ')}`, ...p.values);
    return row;
  }

  /** The clusters any grant of the scope reaches (of `names` when given), by name. */
  async findClusters(scope: Scope, names?: string[]): Promise<ReachCluster[]> {
    const p = new Params();
    const where = ['true'];
    if (names?.length) where.push(`c.name = ANY(${p.add(names)}::text[])`);
    const reach = clusterScopeSql(scope, p, 'c.id');
    if (reach) where.push(reach);
    return this.database.prisma.$queryRawUnsafe<ReachCluster[]>(`SELECT c.id::text AS id, c.name FROM "Cluster" c WHERE ${where.join(' AND ')} ORDER BY c.name`, ...p.values);
  }

  /**
   * Everything reachability reads of one cluster, in one statement (one snapshot): every
   * namespace, pod, workload and policy, whoever asks — answers are cut to the caller's
   * scope afterwards, the computation needs the whole cluster.
   */
  async load(clusterId: string): Promise<MirroredReachState> {
    const [row] = await this.database.prisma.$queryRawUnsafe<MirroredReachState[]>(
      `SELECT
         COALESCE((SELECT json_agg(json_build_object('name', n.name, 'labels', n.labels) ORDER BY n.name) FROM "Namespace" n WHERE n."clusterId" = $1::uuid), '[]'::json) AS namespaces,
         COALESCE((SELECT json_agg(json_build_object('namespace', p.namespace, 'name', p.name, 'labels', p.labels, 'podIps', p."podIps", 'phase', p.phase,
                      'ownerKind', p."ownerKind", 'ownerName', p."ownerName", 'ownerUid', p."ownerUid", 'containerPorts', p."containerPorts", 'hostNetwork', p."hostNetwork")
                    ORDER BY p.namespace, p.name) FROM "Pod" p WHERE p."clusterId" = $1::uuid), '[]'::json) AS pods,
         COALESCE((SELECT json_agg(json_build_object('kind', w.kind, 'name', w.name, 'uid', w.uid, 'ownerKind', w."ownerKind", 'ownerName', w."ownerName", 'ownerUid', w."ownerUid"))
                    FROM "Workload" w WHERE w."clusterId" = $1::uuid), '[]'::json) AS workloads,
         COALESCE((SELECT json_agg(json_build_object('namespace', np.namespace, 'name', np.name, 'podSelector', np."podSelector", 'policyTypes', np."policyTypes",
                      'ingress', np.ingress, 'egress', np.egress) ORDER BY np.namespace, np.name)
                    FROM "NetworkPolicy" np WHERE np."clusterId" = $1::uuid), '[]'::json) AS policies`,
      clusterId,
    );
    return row!;
  }
}
