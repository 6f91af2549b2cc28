import type { LabelRequirement, ServiceKindLabel } from '@switchboard/k8s-model';
import type { Params } from '../../database/sql-params.js';
import { scopeSql } from '../shared/scope-sql.js';
import type { ServiceQuery, ServiceSort } from './catalog-service.js';

export const SORT_KEYS: Record<ServiceSort, { columns: string[]; casts: string[]; descending: boolean }> = {
  NAME: { columns: ['s.name', 's.namespace', 'c.name', 's.id'], casts: ['text', 'text', 'text', 'uuid'], descending: false },
  NAMESPACE: { columns: ['s.namespace', 's.name', 'c.name', 's.id'], casts: ['text', 'text', 'text', 'uuid'], descending: false },
  CLUSTER: { columns: ['c.name', 's.namespace', 's.name', 's.id'], casts: ['text', 'text', 'text', 'uuid'], descending: false },
  CREATED: { columns: ['s."k8sCreatedAt"', 's.id'], casts: ['timestamptz', 'uuid'], descending: true },
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function labelPredicate(req: LabelRequirement, p: Params): string {
  const key = p.add(req.key);
  switch (req.op) {
    case 'in':
      return `(s.labels ->> ${key}) = ANY(${p.add(req.values)}::text[])`;
    case 'notin':
      return `(NOT (s.labels ? ${key}) OR (s.labels ->> ${key}) <> ALL(${p.add(req.values)}::text[]))`;
    case 'exists':
      return `(s.labels ? ${key})`;
    case 'notexists':
      return `(NOT (s.labels ? ${key}))`;
  }
}

/**
 * The service-level findings as SQL, so `hasDiagnostics` filters and counts in the
 * database. Mirrors libs/k8s-model's service diagnostics (a test keeps them equal).
 */
export function hasDiagnosticsSql(p: Params, pendingSeconds: number): string {
  return `(
    (s.selector IS NOT NULL AND s.type <> 'ExternalName' AND NOT EXISTS (
        SELECT 1 FROM "EndpointSlice" es JOIN "Endpoint" e ON e."sliceId" = es.id
         WHERE es."clusterId" = s."clusterId" AND es.namespace = s.namespace AND es."serviceName" = s.name AND e.ready))
    OR (s.type = 'LoadBalancer' AND s."loadBalancerIngress" = '[]'::jsonb
        AND s."k8sCreatedAt" < now() - make_interval(secs => ${p.add(pendingSeconds)}::double precision))
    OR (s.type = 'ExternalName' AND s."externalName" IS NOT NULL AND EXISTS (
        -- <svc>.<ns>.svc.<domain> naming a service that is not mirrored (as parseInClusterServiceName reads it)
        SELECT 1 FROM (SELECT lower(rtrim(s."externalName", '.')) AS host, '.svc.' || lower(rtrim(c."clusterDomain", '.')) AS suffix) x
         WHERE right(x.host, length(x.suffix)) = x.suffix
           AND left(x.host, length(x.host) - length(x.suffix)) ~ '^[^.]+\.[^.]+$'
           AND NOT EXISTS (SELECT 1 FROM "Service" t WHERE t."clusterId" = s."clusterId"
                 AND t.namespace = split_part(left(x.host, length(x.host) - length(x.suffix)), '.', 2)
                 AND t.name = split_part(left(x.host, length(x.host) - length(x.suffix)), '.', 1))))
  )`;
}

/** Any of the kinds: Headless and ClusterIP are both type ClusterIP, told apart by `headless`. */
function kindsSql(kinds: readonly ServiceKindLabel[], p: Params): string {
  const branches = [...new Set(kinds)].map((k) =>
    k === 'Headless' ? `(s.type::text = 'ClusterIP' AND s.headless)` : k === 'ClusterIP' ? `(s.type::text = 'ClusterIP' AND NOT s.headless)` : `s.type::text = ${p.add(k)}`,
  );
  return `(${branches.join(' OR ')})`;
}

/**
 * What a search hit carries besides its id: every column the sort keys and the cluster,
 * namespace and scope filters read, so a search with no other filter sorts, pages and
 * counts its hits without reading each hit's row again (see `hitsOnly`).
 */
const HIT_COLUMNS = ['id', 'name', 'namespace', '"clusterId"', '"k8sCreatedAt"'];

/** A query whose every filter can be answered from the search hits' own columns. */
export function hitsOnly(q: Omit<ServiceQuery, 'sort' | 'limit' | 'after'>): boolean {
  return !!q.text && !q.types?.length && !q.kinds?.length && !q.labels?.length && q.hasDiagnostics === undefined;
}

/**
 * The services the text search finds (names, namespaces, labels, the ingress
 * hosts routing to them), within the cluster/namespace filters. One branch per searched
 * column, each repeating the scope, so every branch picks its best index and the union
 * stays small. Namespaces are few: the distinct ones are walked on the (namespace, name)
 * index (a loose index scan, one probe each) and matched by name, instead of a trigram
 * scan over every service row.
 */
export function searchHitsSql(q: Pick<ServiceQuery, 'text' | 'clusters' | 'namespaces'>, p: Params): string {
  const like = p.add(`%${escapeLike(q.text!)}%`);
  const cols = HIT_COLUMNS.map((c) => `x.${c}`).join(', ');
  const scope: string[] = [];
  if (q.clusters?.length) scope.push(`x."clusterId" IN (SELECT id FROM "Cluster" WHERE name = ANY(${p.add(q.clusters)}::text[]))`);
  if (q.namespaces?.length) scope.push(`x.namespace = ANY(${p.add(q.namespaces)}::text[])`);
  const and = scope.map((w) => ` AND ${w}`).join('');
  return `SELECT ${cols} FROM "Service" x WHERE x.name ILIKE ${like}${and}
      UNION SELECT ${cols} FROM "Service" x WHERE x.namespace IN (
        WITH RECURSIVE ns(name) AS (
          (SELECT namespace FROM "Service" ORDER BY namespace LIMIT 1)
          UNION ALL
          SELECT (SELECT namespace FROM "Service" WHERE namespace > ns.name ORDER BY namespace LIMIT 1) FROM ns WHERE ns.name IS NOT NULL)
        SELECT name FROM ns WHERE name ILIKE ${like})${and}
      UNION SELECT ${cols} FROM "Service" x WHERE x.labels::text ILIKE ${like}${and}
      UNION SELECT ${cols} FROM "IngressRule" r JOIN "Service" x
        ON x."clusterId" = r."clusterId" AND x.namespace = r.namespace AND x.name = r."backendService"
       WHERE r.host ILIKE ${like}${and}`;
}

/**
 * WHERE clause for every filter (not the cursor). `hits`: the name of a CTE holding
 * searchHitsSql's ids (a statement that filters twice, page and total, searches once);
 * without it the search is inlined.
 */
export function whereSql(q: Omit<ServiceQuery, 'sort' | 'limit' | 'after'>, p: Params, hits?: string): string {
  const where: string[] = [];
  if (q.clusters?.length) where.push(`c.name = ANY(${p.add(q.clusters)}::text[])`);
  if (q.namespaces?.length) where.push(`s.namespace = ANY(${p.add(q.namespaces)}::text[])`);
  if (q.types?.length) where.push(`s.type::text = ANY(${p.add(q.types)}::text[])`);
  if (q.kinds?.length) where.push(kindsSql(q.kinds, p));
  for (const req of q.labels ?? []) where.push(labelPredicate(req, p));
  if (q.text) where.push(`s.id IN (SELECT id FROM ${hits ?? `(${searchHitsSql(q, p)}) h`})`);
  const scoped = scopeSql(q.scope, p, 's."clusterId"', 's.namespace');
  if (scoped) where.push(scoped);
  if (q.hasDiagnostics !== undefined) {
    where.push(`${q.hasDiagnostics ? '' : 'NOT '}${hasDiagnosticsSql(p, q.pendingLoadBalancerSeconds)}`);
  }
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** Keyset condition: rows strictly after the cursor in the sort order. */
export function afterSql(sort: ServiceSort, after: (string | number | null)[], p: Params): string {
  const key = SORT_KEYS[sort];
  const values = after.map((v, i) => `${p.add(v)}::${key.casts[i]}`);
  return `(${key.columns.join(', ')}) ${key.descending ? '<' : '>'} (${values.join(', ')})`;
}

export function orderSql(sort: ServiceSort): string {
  const key = SORT_KEYS[sort];
  return key.columns.map((c) => `${c} ${key.descending ? 'DESC' : 'ASC'}`).join(', ');
}
