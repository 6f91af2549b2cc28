import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service.js';
import type { Scope, ServicePortRecord } from '@switchboard/k8s-model';
import { scopeSql } from '../shared/scope-sql.js';
import type { CatalogService, ServiceQuery, ServiceQueryFilter } from './catalog-service.js';
import { Params } from '../../database/sql-params.js';
import { afterSql, hitsOnly, orderSql, searchHitsSql, SORT_KEYS, whereSql } from './service-sql.js';

/** A row as the SELECT below returns it: the record's columns plus raw dates, ports and counts. */
type ServiceRow = Omit<CatalogService, 'k8sCreatedAt' | 'syncedAt' | 'ports' | 'endpointCounts'> & {
  k8sCreatedAt: Date | string;
  syncedAt: Date | string;
  ports: ServicePortRecord[] | null;
  readyEndpoints: number;
  totalEndpoints: number;
  sortKey: (string | number | null)[];
};

// One statement returns services with their ports and endpoint counts, so a page
// costs one round trip however many services it holds.
const SELECT = `
  SELECT s.id::text AS id, s."clusterId"::text AS "clusterId", c.name AS "clusterName", c."clusterDomain",
         s.namespace, s.name, s.uid, s.type::text AS type, s.headless, s."clusterIp", s."clusterIps", s."externalIps",
         s."externalName", s.selector, s."sessionAffinity", s."externalTrafficPolicy", s."internalTrafficPolicy",
         s."publishNotReadyAddresses", s."loadBalancerClass", s."loadBalancerIngress", s.labels, s.annotations,
         s."resourceVersion", s."k8sCreatedAt", s."syncedAt",
         (SELECT json_agg(json_build_object('position', p.position, 'name', p.name, 'protocol', p.protocol, 'port', p.port,
                 'targetPort', p."targetPort", 'nodePort', p."nodePort", 'appProtocol', p."appProtocol") ORDER BY p.position)
            FROM "ServicePort" p WHERE p."serviceId" = s.id) AS ports,
         (SELECT count(*) FILTER (WHERE e.ready)::int FROM "EndpointSlice" es JOIN "Endpoint" e ON e."sliceId" = es.id
           WHERE es."clusterId" = s."clusterId" AND es.namespace = s.namespace AND es."serviceName" = s.name) AS "readyEndpoints",
         (SELECT count(*)::int FROM "EndpointSlice" es JOIN "Endpoint" e ON e."sliceId" = es.id
           WHERE es."clusterId" = s."clusterId" AND es.namespace = s.namespace AND es."serviceName" = s.name) AS "totalEndpoints"`;

@Injectable()
export class ServicesRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * One page in sort order plus the total matching the filters, in one statement.
   * `countTotal: false` skips the total (it is then the page's length): counting runs the
   * filters a second time, which costs as much as the page for a scan such as the findings'.
   */
  async search(q: ServiceQuery, { countTotal = true }: { countTotal?: boolean } = {}): Promise<{ items: { service: CatalogService; sortKey: (string | number | null)[] }[]; total: number; hasNextPage: boolean }> {
    const p = new Params();
    // A text search runs once (materialised), for the page and the total alike.
    const hits = q.text ? `hits AS MATERIALIZED (${searchHitsSql(q, p)}),` : '';
    const keyColumns = SORT_KEYS[q.sort].columns.map((col, i) => (SORT_KEYS[q.sort].casts[i] === 'timestamptz' ? `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `${col}::text`));
    const selectFrom = (fields: string, from: string, where: string) => `${fields}, json_build_array(${keyColumns.join(', ')}) AS "sortKey", row_number() OVER (ORDER BY ${orderSql(q.sort)}) AS "rowNo"
      FROM ${from} s JOIN "Cluster" c ON c.id = s."clusterId" ${where}`;
    const after = (where: string) => (q.after ? `${where ? `${where} AND` : 'WHERE'} ${afterSql(q.sort, q.after, p)}` : where);
    let page: string;
    let totalFrom: string;
    let where: string;
    if (hitsOnly(q)) {
      // The hits carry every column the filters and the sort read: sort, page and count
      // them as they are, and read the full rows of one page only. (A broad term such as
      // "front" finds half the catalog: reading every hit's row to sort it cost 0.3 s.)
      where = whereSql({ ...q, text: undefined }, p);
      const ids = `SELECT s.id FROM hits s JOIN "Cluster" c ON c.id = s."clusterId" ${after(where)} ORDER BY ${orderSql(q.sort)} LIMIT ${p.add(q.limit + 1)}`;
      page = `${selectFrom(SELECT, '"Service"', `WHERE s.id IN (${ids})`)} ORDER BY ${orderSql(q.sort)}`;
      totalFrom = 'hits';
    } else {
      where = whereSql(q, p, q.text ? 'hits' : undefined);
      page = `${selectFrom(SELECT, '"Service"', after(where))} ORDER BY ${orderSql(q.sort)} LIMIT ${p.add(q.limit + 1)}`;
      totalFrom = '"Service"';
    }
    // The total rides along as a second result column of the same statement (a
    // CTE), so a page is one round trip; an empty page still reports the total.
    const withTotal = countTotal
      ? `WITH ${hits} page AS (${page}),
      total AS (SELECT count(*)::int AS n FROM ${totalFrom} s JOIN "Cluster" c ON c.id = s."clusterId" ${where})
      SELECT page.*, total.n AS "totalCount" FROM total LEFT JOIN page ON true ORDER BY page."rowNo"`
      : `WITH ${hits} page AS (${page}) SELECT page.* FROM page ORDER BY page."rowNo"`;
    const rows = await this.database.prisma.$queryRawUnsafe<(ServiceRow & { totalCount?: number })[]>(withTotal, ...p.values);
    const found = rows.filter((r) => r.id !== null);
    return {
      items: found.slice(0, q.limit).map((r) => ({ service: toService(r), sortKey: r.sortKey })),
      total: countTotal ? (rows[0]?.totalCount ?? 0) : Math.min(found.length, q.limit),
      hasNextPage: found.length > q.limit,
    };
  }

  async findByName(cluster: string, namespace: string, name: string, scope?: Scope): Promise<CatalogService | undefined> {
    const p = new Params();
    const where = `(c.name = ${p.add(cluster)} OR c.id::text = ${p.add(cluster)}) AND s.namespace = ${p.add(namespace)} AND s.name = ${p.add(name)}`;
    const scoped = scopeSql(scope, p, 's."clusterId"', 's.namespace');
    const rows = await this.database.prisma.$queryRawUnsafe<ServiceRow[]>(
      `${SELECT} FROM "Service" s JOIN "Cluster" c ON c.id = s."clusterId" WHERE ${where}${scoped ? ` AND ${scoped}` : ''}`,
      ...p.values,
    );
    return rows[0] ? toService(rows[0]) : undefined;
  }

  async findByIds(ids: readonly string[], scope?: Scope): Promise<CatalogService[]> {
    if (!ids.length) return [];
    const p = new Params();
    const where = `s.id = ANY(${p.add(ids)}::uuid[])`;
    const scoped = scopeSql(scope, p, 's."clusterId"', 's.namespace');
    const rows = await this.database.prisma.$queryRawUnsafe<ServiceRow[]>(
      `${SELECT} FROM "Service" s JOIN "Cluster" c ON c.id = s."clusterId" WHERE ${where}${scoped ? ` AND ${scoped}` : ''}`,
      ...p.values,
    );
    return rows.map(toService);
  }

  /** Every cluster's service with one of the given namespace/name pairs (service-group members). */
  async findByNamespacedNames(pairs: readonly { namespace: string; name: string }[], scope?: Scope): Promise<CatalogService[]> {
    if (!pairs.length) return [];
    const p = new Params();
    const join = `JOIN unnest(${p.add(pairs.map((x) => x.namespace))}::text[], ${p.add(pairs.map((x) => x.name))}::text[]) AS k(ns, name) ON s.namespace = k.ns AND s.name = k.name`;
    const scoped = scopeSql(scope, p, 's."clusterId"', 's.namespace');
    const rows = await this.database.prisma.$queryRawUnsafe<ServiceRow[]>(
      `${SELECT} FROM "Service" s JOIN "Cluster" c ON c.id = s."clusterId" ${join} ${scoped ? `WHERE ${scoped}` : ''}
        ORDER BY s.namespace, s.name, c.name`,
      ...p.values,
    );
    return rows.map(toService);
  }

  /**
   * A page of distinct namespace/name pairs present in at least `minClusters` clusters.
   * With `filter`, only pairs with at least one service matching it (the catalog's
   * filters); `minClusters` still counts every cluster the pair is in.
   */
  async groupKeys(q: { namespaces?: string[]; text?: string; filter?: ServiceQueryFilter; minClusters: number; limit: number; after?: (string | number | null)[]; scope?: Scope }): Promise<{ keys: { namespace: string; name: string }[]; total: number; hasNextPage: boolean }> {
    const build = (p: Params, withAfter: boolean) => {
      const w: string[] = [];
      if (q.namespaces?.length) w.push(`s.namespace = ANY(${p.add(q.namespaces)}::text[])`);
      const scoped = scopeSql(q.scope, p, 's."clusterId"', 's.namespace');
      if (scoped) w.push(scoped);
      if (q.text) w.push(`(s.name ILIKE ${p.add(`%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)})`);
      if (q.filter) {
        const filtered = whereSql(q.filter, p);
        if (filtered) w.push(filtered.replace(/^WHERE /, ''));
      }
      let having = '';
      if (!q.filter) having = `HAVING count(DISTINCT s."clusterId") >= ${p.add(q.minClusters)}`;
      else if (q.minClusters > 1) {
        const memberScope = scopeSql(q.scope, p, 'm."clusterId"', 'm.namespace');
        having = `HAVING (SELECT count(DISTINCT m."clusterId") FROM "Service" m WHERE m.namespace = s.namespace AND m.name = s.name${memberScope ? ` AND ${memberScope}` : ''}) >= ${p.add(q.minClusters)}`;
      }
      const after = withAfter && q.after ? `${w.length ? 'AND' : 'WHERE'} (s.namespace, s.name) > (${p.add(q.after[0])}, ${p.add(q.after[1])})` : '';
      const from = q.filter ? `FROM "Service" s JOIN "Cluster" c ON c.id = s."clusterId"` : 'FROM "Service" s';
      return `${from} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ${after} GROUP BY s.namespace, s.name ${having}`;
    };
    const p = new Params();
    const sql = `SELECT s.namespace, s.name ${build(p, true)} ORDER BY s.namespace, s.name LIMIT ${p.add(q.limit + 1)}`;
    const cp = new Params();
    const countSql = `SELECT count(*)::int AS n FROM (SELECT 1 ${build(cp, false)}) g`;
    const [rows, count] = await Promise.all([
      this.database.prisma.$queryRawUnsafe<{ namespace: string; name: string }[]>(sql, ...p.values),
      this.database.prisma.$queryRawUnsafe<{ n: number }[]>(countSql, ...cp.values),
    ]);
    return { keys: rows.slice(0, q.limit), total: count[0]?.n ?? 0, hasNextPage: rows.length > q.limit };
  }
}


function toService(r: ServiceRow): CatalogService {
  const { ports, readyEndpoints, totalEndpoints, sortKey: _sortKey, ...rest } = r as ServiceRow & { totalCount?: number };
  delete (rest as { totalCount?: number }).totalCount;
  delete (rest as { rowNo?: number }).rowNo;
  return {
    ...rest,
    k8sCreatedAt: new Date(r.k8sCreatedAt).toISOString(),
    syncedAt: new Date(r.syncedAt).toISOString(),
    ports: ports ?? [],
    endpointCounts: { ready: readyEndpoints, total: totalEndpoints },
  };
}
