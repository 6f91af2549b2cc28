import type { CatalogRecord } from '@switchboard/k8s-model';
import type { KindSpec } from './kind-specs.js';

/** The raw-SQL surface of a Prisma interactive transaction that the catalog writes need. */
export type Tx = { $executeRawUnsafe(sql: string, ...p: unknown[]): Promise<number>; $queryRawUnsafe<T>(sql: string, ...p: unknown[]): Promise<T> };

export interface Deletion {
  namespace?: string;
  name: string;
  uid: string;
}

const q = (c: string) => `"${c}"`;
type Row = Record<string, unknown>;

/**
 * Upserts one kind's records (last write per key wins) with their child rows.
 * Returns how many rows are new: the sync state's object count moves by that much.
 * Unchanged rows (same uid and resourceVersion) are not touched, so replays cost no writes.
 */
export async function upsertRecords(tx: Tx, kind: KindSpec, clusterId: string, records: CatalogRecord[], skipOlder: boolean): Promise<number> {
  const spec = kind.spec;
  const keyOf = (r: Row) => spec.key.map((k) => r[k]).join('/');
  const byKey = new Map<string, Row>();
  for (const r of records as unknown as Row[]) byKey.set(keyOf(r), r);
  const rows = [...byKey.values()];
  const cols = Object.keys(spec.columns);
  const defs = cols.map((c) => `${q(c)} ${spec.columns[c]}`).join(', ');
  const updates = cols.filter((c) => !spec.key.includes(c)).map((c) => `${q(c)} = EXCLUDED.${q(c)}`);
  // xmax = 0 tells an inserted row from an updated one (an update leaves its transaction id there).
  const returned = await tx.$queryRawUnsafe<(Row & { id: string; inserted: boolean })[]>(
    `INSERT INTO ${q(spec.table)} ("clusterId", ${cols.map(q).join(', ')})
       SELECT $1::uuid, ${cols.map((c) => `x.${q(c)}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS x(${defs})
     ON CONFLICT ("clusterId", ${spec.key.map(q).join(', ')}) DO UPDATE SET ${updates.join(', ')}, "syncedAt" = now()
       WHERE (${q(spec.table)}.uid IS DISTINCT FROM EXCLUDED.uid OR ${q(spec.table)}."resourceVersion" IS DISTINCT FROM EXCLUDED."resourceVersion")${skipOlder ? olderGuard(q(spec.table)) : ''}
     RETURNING id::text AS id, (xmax = 0) AS inserted, ${spec.key.map(q).join(', ')}`,
    clusterId,
    JSON.stringify(rows.map((r) => pick(r, cols))),
  );
  const inserted = returned.filter((r) => r.inserted).length;
  if (!spec.children?.length || !returned.length) return inserted;
  const idByKey = new Map(returned.map((r) => [keyOf(r), r.id]));
  const changedIds = [...idByKey.values()];
  for (const child of spec.children) {
    await tx.$executeRawUnsafe(`DELETE FROM ${q(child.table)} WHERE ${q(child.parentColumn)} = ANY($1::uuid[])`, changedIds);
    const childRows: Row[] = [];
    const ccols = Object.keys(child.columns);
    for (const r of rows) {
      const parentId = idByKey.get(keyOf(r));
      if (!parentId) continue;
      for (const c of (r[child.field] as Row[] | undefined) ?? []) childRows.push({ ...pick(c, ccols), __parent: parentId });
    }
    if (!childRows.length) continue;
    const copy = Object.keys(child.copyFromParent ?? {});
    await tx.$executeRawUnsafe(
      `INSERT INTO ${q(child.table)} (${q(child.parentColumn)}, ${[...copy, ...ccols].map(q).join(', ')})
         SELECT x.__parent::uuid, ${[...copy.map(() => '$2::uuid'), ...ccols.map((c) => `x.${q(c)}`)].join(', ')}
           FROM jsonb_to_recordset($1::jsonb) AS x(__parent text, ${ccols.map((c) => `${q(c)} ${child.columns[c]}`).join(', ')})`,
      JSON.stringify(childRows),
      ...(copy.length ? [clusterId] : []),
    );
  }
  return inserted;
}

/**
 * Deletes exactly the objects named (a stale event must not remove a recreated object
 * with a new uid). A deleted service takes its endpoint slices along. Returns the rows
 * removed per table, for the object counts. The names go in as arrays: unnest() tells
 * the planner how many there are, so a few deletes probe the key index instead of
 * scanning the cluster's rows (jsonb_to_recordset would be estimated at 100 rows).
 */
export async function deleteRecords(tx: Tx, kind: KindSpec, clusterId: string, deletes: Deletion[]): Promise<{ own: number; slices: number }> {
  const spec = kind.spec;
  const names = deletes.map((d) => d.name);
  const uids = deletes.map((d) => d.uid);
  const scope = scoped(kind, 't', 5);
  const own = spec.key.includes('namespace')
    ? await tx.$executeRawUnsafe(
        `DELETE FROM ${q(spec.table)} t USING unnest($2::text[], $3::text[], $4::text[]) AS x(namespace, name, uid)
          WHERE t."clusterId" = $1::uuid AND t.namespace = x.namespace AND t.name = x.name AND t.uid = x.uid${scope.sql}`,
        clusterId,
        deletes.map((d) => d.namespace ?? ''),
        names,
        uids,
        ...scope.params,
      )
    : await tx.$executeRawUnsafe(
        `DELETE FROM ${q(spec.table)} t USING unnest($2::text[], $3::text[]) AS x(name, uid) WHERE t."clusterId" = $1::uuid AND t.name = x.name AND t.uid = x.uid`,
        clusterId,
        names,
        uids,
      );
  if (kind.kind !== 'SERVICE') return { own, slices: 0 };
  // Whatever the slice watch still has to say, endpoints of a deleted service are gone.
  // Slices the slice loop is writing at this moment are skipped, not waited for: the two
  // loops locked the same slices in different orders and deadlocked, and the slice loop's
  // own DELETED events remove those slices anyway.
  const slices = await tx.$executeRawUnsafe(
    `DELETE FROM "EndpointSlice" WHERE id IN (
       SELECT es.id FROM "EndpointSlice" es JOIN unnest($2::text[], $3::text[]) AS x(namespace, name)
           ON es.namespace = x.namespace AND es."serviceName" = x.name
        WHERE es."clusterId" = $1::uuid
          AND NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."clusterId" = es."clusterId" AND s.namespace = x.namespace AND s.name = x.name)
        ORDER BY es.id FOR UPDATE OF es SKIP LOCKED)`,
    clusterId,
    deletes.map((d) => d.namespace ?? ''),
    names,
  );
  return { own, slices };
}

/**
 * After a full list: every row whose uid the list did not return is gone. The list is
 * one array parameter; PostgreSQL (14+) probes a constant `= ANY(array)` through a hash table.
 */
export function deleteUnlisted(tx: Tx, kind: KindSpec, clusterId: string, keepUids: string[]): Promise<number> {
  const scope = scoped(kind, q(kind.spec.table), 3);
  return tx.$executeRawUnsafe(`DELETE FROM ${q(kind.spec.table)} WHERE "clusterId" = $1::uuid AND NOT (uid = ANY($2::text[]))${scope.sql}`, clusterId, keepUids, ...scope.params);
}

/** How many rows of this kind a cluster has (the object count after a full list). */
export function countSql(kind: KindSpec): { sql: string; params: unknown[] } {
  const scope = scoped(kind, q(kind.spec.table), 3);
  return { sql: `SELECT count(*)::int FROM ${q(kind.spec.table)} WHERE "clusterId" = $1::uuid${scope.sql}`, params: scope.params };
}

/** The condition that keeps a statement to its kind's rows in a shared table (none for a table of its own). */
function scoped(kind: KindSpec, alias: string, param: number): { sql: string; params: unknown[] } {
  const d = kind.spec.discriminator;
  return d ? { sql: ` AND ${alias}.${q(d.column)} = $${param}::${d.type}`, params: [d.value] } : { sql: '', params: [] };
}

/** resourceVersions are opaque, but numeric ones (etcd's, kube-sim's) can be ordered. */
const olderGuard = (t: string) => `
         AND NOT (${t}.uid = EXCLUDED.uid AND ${t}."resourceVersion" ~ '^[0-9]+$' AND EXCLUDED."resourceVersion" ~ '^[0-9]+$'
                  AND ${t}."resourceVersion"::numeric > EXCLUDED."resourceVersion"::numeric)`;

function pick(o: Row, cols: string[]): Row {
  const out: Row = {};
  for (const c of cols) out[c] = o[c] ?? null;
  return out;
}
