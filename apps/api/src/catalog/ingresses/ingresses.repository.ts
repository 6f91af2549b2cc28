import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service.js';
import { INGRESS_COLUMNS } from '../related/related-objects.repository.js';
import type { Scope } from '@switchboard/k8s-model';
import { Params } from '../../database/sql-params.js';
import { clusterScopeSql, scopeSql } from '../shared/scope-sql.js';
import type { CatalogIngress, IngressQuery } from './catalog-ingress.js';

type Row = CatalogIngress & { k8sCreatedAt: string | Date; sortKey: (string | null)[] };

const FROM = `FROM "Ingress" i JOIN "Cluster" c ON c.id = i."clusterId"`;
const toIngress = ({ sortKey: _s, ...r }: Row): CatalogIngress => ({ ...r, k8sCreatedAt: new Date(r.k8sCreatedAt).toISOString() });

@Injectable()
export class IngressesRepository {
  constructor(private readonly database: DatabaseService) {}

  /** A page in (namespace, name, cluster) order plus the total; two statements. */
  async search(q: IngressQuery): Promise<{ items: { ingress: CatalogIngress; sortKey: (string | null)[] }[]; total: number; hasNextPage: boolean }> {
    const where = (p: Params) => {
      const w: string[] = [];
      if (q.clusters?.length) w.push(`c.name = ANY(${p.add(q.clusters)}::text[])`);
      if (q.namespaces?.length) w.push(`i.namespace = ANY(${p.add(q.namespaces)}::text[])`);
      const scoped = scopeSql(q.scope, p, 'i."clusterId"', 'i.namespace');
      if (scoped) w.push(scoped);
      if (q.host) w.push(`EXISTS (SELECT 1 FROM "IngressRule" r WHERE r."ingressId" = i.id AND r.host ILIKE ${p.add(`%${q.host.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)})`);
      return w;
    };
    const p = new Params();
    const w = where(p);
    if (q.after) w.push(`(i.namespace, i.name, c.name, i.id) > (${p.add(q.after[0])}, ${p.add(q.after[1])}, ${p.add(q.after[2])}, ${p.add(q.after[3])}::uuid)`);
    const sql = `SELECT ${INGRESS_COLUMNS}, c.name AS "clusterName", json_build_array(i.namespace, i.name, c.name, i.id::text) AS "sortKey"
      ${FROM} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ORDER BY i.namespace, i.name, c.name, i.id LIMIT ${p.add(q.limit + 1)}`;
    const cp = new Params();
    const cw = where(cp);
    const countSql = `SELECT count(*)::int AS n ${FROM} ${cw.length ? `WHERE ${cw.join(' AND ')}` : ''}`;
    const [rows, count] = await Promise.all([
      this.database.prisma.$queryRawUnsafe<Row[]>(sql, ...p.values),
      this.database.prisma.$queryRawUnsafe<{ n: number }[]>(countSql, ...cp.values),
    ]);
    return {
      items: rows.slice(0, q.limit).map((r) => ({ ingress: toIngress(r), sortKey: r.sortKey })),
      total: count[0]?.n ?? 0,
      hasNextPage: rows.length > q.limit,
    };
  }

  async findByName(cluster: string, namespace: string, name: string, scope?: Scope): Promise<CatalogIngress | undefined> {
    const p = new Params();
    const where = `(c.name = ${p.add(cluster)} OR c.id::text = ${p.add(cluster)}) AND i.namespace = ${p.add(namespace)} AND i.name = ${p.add(name)}`;
    const scoped = scopeSql(scope, p, 'i."clusterId"', 'i.namespace');
    const rows = await this.database.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${INGRESS_COLUMNS}, c.name AS "clusterName", json_build_array() AS "sortKey" ${FROM} WHERE ${where}${scoped ? ` AND ${scoped}` : ''}`,
      ...p.values,
    );
    return rows[0] ? toIngress(rows[0]) : undefined;
  }

  async findByIds(ids: readonly string[], scope?: Scope): Promise<CatalogIngress[]> {
    if (!ids.length) return [];
    const p = new Params();
    const where = `i.id = ANY(${p.add(ids)}::uuid[])`;
    const scoped = scopeSql(scope, p, 'i."clusterId"', 'i.namespace');
    const rows = await this.database.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${INGRESS_COLUMNS}, c.name AS "clusterName", json_build_array() AS "sortKey" ${FROM} WHERE ${where}${scoped ? ` AND ${scoped}` : ''}`,
      ...p.values,
    );
    return rows.map(toIngress);
  }

  /**
   * The ingress class names the cluster's mirrored ingresses use, most used first; one
   * statement. undefined when no such cluster is registered (or the caller's grants do
   * not reach it). Only ingresses the caller may read are counted.
   */
  async classesInCluster(cluster: string, scope?: Scope): Promise<{ name: string; ingressCount: number }[] | undefined> {
    const p = new Params();
    const where = [`(c.name = ${p.add(cluster)} OR c.id::text = ${p.add(cluster)})`];
    const reach = clusterScopeSql(scope, p, 'c.id');
    if (reach) where.push(reach);
    const readable = scopeSql(scope, p, 'i."clusterId"', 'i.namespace');
    const rows = await this.database.prisma.$queryRawUnsafe<{ classes: { name: string; ingressCount: number }[] }[]>(
      `SELECT COALESCE((SELECT json_agg(json_build_object('name', k.name, 'ingressCount', k.n) ORDER BY k.n DESC, k.name)
           FROM (SELECT i."ingressClassName" AS name, count(*)::int AS n FROM "Ingress" i
                  WHERE i."clusterId" = c.id AND i."ingressClassName" IS NOT NULL${readable ? ` AND ${readable}` : ''}
                  GROUP BY i."ingressClassName") k), '[]'::json) AS classes
        FROM "Cluster" c WHERE ${where.join(' AND ')}`,
      ...p.values,
    );
    return rows[0]?.classes;
  }
}
