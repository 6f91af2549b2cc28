import { Injectable } from '@nestjs/common';
import type { Scope } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { Params } from '../../database/sql-params.js';
import { clusterScopeSql, scopeSql } from '../shared/scope-sql.js';
import type { CatalogNetworkPolicy } from './catalog-network-policy.js';

@Injectable()
export class NetworkPoliciesRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * The policies of one cluster (one namespace, or all) within the read scope, by
   * namespace and name; undefined when the cluster is not there for the caller.
   */
  async list(cluster: string, namespace: string | undefined, scope?: Scope): Promise<CatalogNetworkPolicy[] | undefined> {
    const p = new Params();
    const where = [`c.name = ${p.add(cluster)}`];
    const reach = clusterScopeSql(scope, p, 'c.id');
    if (reach) where.push(reach);
    const ns = p.add(namespace ?? null);
    const readable = scopeSql(scope, p, 'np."clusterId"', 'np.namespace');
    const [row] = await this.database.prisma.$queryRawUnsafe<{ policies: (Omit<CatalogNetworkPolicy, 'k8sCreatedAt'> & { k8sCreatedAt: string })[] }[]>(
      `SELECT COALESCE((
         SELECT json_agg(json_build_object(
                  'cluster', c.name, 'namespace', np.namespace, 'name', np.name, 'uid', np.uid, 'podSelector', np."podSelector",
                  'policyTypes', np."policyTypes", 'ingress', np.ingress, 'egress', np.egress, 'labels', np.labels, 'annotations', np.annotations,
                  'k8sCreatedAt', to_char(np."k8sCreatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                ORDER BY np.namespace, np.name)
           FROM "NetworkPolicy" np
          WHERE np."clusterId" = c.id AND (${ns}::text IS NULL OR np.namespace = ${ns}::text)${readable ? ` AND ${readable}` : ''}), '[]'::json) AS policies
         FROM "Cluster" c WHERE ${where.join(' AND ')}`,
      ...p.values,
    );
    return row?.policies;
  }
}
