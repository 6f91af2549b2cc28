import { Injectable } from '@nestjs/common';
import type { CatalogRecord, ResourceKind } from '@switchboard/k8s-model';
import { DatabaseService } from '../database/database.service.js';
import { KIND_SPECS, type KindSpec } from './kind-specs.js';

type Tx = { $executeRawUnsafe(sql: string, ...p: unknown[]): Promise<number>; $queryRawUnsafe<T>(sql: string, ...p: unknown[]): Promise<T> };
const q = (c: string) => `"${c}"`;
const specOf = (kind: ResourceKind) => KIND_SPECS.find((k) => k.kind === kind)!;

export interface Deletion {
  namespace?: string;
  name: string;
  uid: string;
}

/**
 * The sync engine's writes: batched, idempotent upserts and deletes with raw SQL
 * (Prisma has no bulk upsert), one transaction per batch. Rows are keyed by
 * cluster + namespace + name; a new uid (recreated object) replaces the row.
 */
@Injectable()
export class CatalogWriterRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Applies one batch in order: upserts and deletes of one cluster × kind.
   * `skipOlder` (write-through of a mutation's answer, which can arrive after the
   * watch already wrote a newer version): never replace a row with an older
   * resourceVersion of the same object.
   */
  async apply(clusterId: string, kind: ResourceKind, upserts: CatalogRecord[], deletes: Deletion[], opts: { skipOlder?: boolean } = {}): Promise<void> {
    const spec = specOf(kind);
    await this.database.prisma.$transaction(async (tx) => {
      if (upserts.length) await upsert(tx as unknown as Tx, spec, clusterId, upserts, opts.skipOlder ?? false);
      if (deletes.length) await remove(tx as unknown as Tx, spec, clusterId, deletes);
    });
  }

  /** After a full list: rows of this cluster × kind whose uid the list did not return are gone. */
  async deleteMissing(clusterId: string, kind: ResourceKind, keepUids: string[]): Promise<number> {
    const spec = specOf(kind);
    return this.database.prisma.$executeRawUnsafe(
      `DELETE FROM ${q(spec.spec.table)} WHERE "clusterId" = $1::uuid AND NOT (uid = ANY($2::text[]))`,
      clusterId,
      keepUids,
    );
  }

  async count(clusterId: string, kind: ResourceKind): Promise<number> {
    const rows = await this.database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${q(specOf(kind).spec.table)} WHERE "clusterId" = $1::uuid`, clusterId);
    return rows[0]?.n ?? 0;
  }
}

async function upsert(tx: Tx, kind: KindSpec, clusterId: string, records: CatalogRecord[], skipOlder: boolean): Promise<void> {
  const spec = kind.spec;
  // Last write wins inside a batch (events arrive in resourceVersion order).
  const byKey = new Map<string, CatalogRecord>();
  for (const r of records) byKey.set(spec.key.map((k) => (r as unknown as Record<string, unknown>)[k]).join('/'), r);
  const rows = [...byKey.values()];
  const cols = Object.keys(spec.columns);
  const defs = cols.map((c) => `${q(c)} ${spec.columns[c]}`).join(', ');
  const updates = cols.filter((c) => !spec.key.includes(c)).map((c) => `${q(c)} = EXCLUDED.${q(c)}`);
  const returned = await tx.$queryRawUnsafe<Record<string, string>[]>(
    `INSERT INTO ${q(spec.table)} ("clusterId", ${cols.map(q).join(', ')})
       SELECT $1::uuid, ${cols.map((c) => `x.${q(c)}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS x(${defs})
     ON CONFLICT ("clusterId", ${spec.key.map(q).join(', ')}) DO UPDATE SET ${updates.join(', ')}, "syncedAt" = now()
       WHERE (${q(spec.table)}.uid IS DISTINCT FROM EXCLUDED.uid OR ${q(spec.table)}."resourceVersion" IS DISTINCT FROM EXCLUDED."resourceVersion")${skipOlder ? olderGuard(q(spec.table)) : ''}
     RETURNING id::text AS id, ${spec.key.map(q).join(', ')}`,
    clusterId,
    JSON.stringify(rows.map((r) => pick(r as unknown as Record<string, unknown>, cols))),
  );
  if (!spec.children?.length || !returned.length) return;
  const idByKey = new Map(returned.map((r) => [spec.key.map((k) => r[k]).join('/'), r.id]));
  const changedIds = [...idByKey.values()];
  for (const child of spec.children) {
    await tx.$executeRawUnsafe(`DELETE FROM ${q(child.table)} WHERE ${q(child.parentColumn)} = ANY($1::uuid[])`, changedIds);
    const childRows: Record<string, unknown>[] = [];
    for (const r of rows) {
      const parentId = idByKey.get(spec.key.map((k) => (r as unknown as Record<string, unknown>)[k]).join('/'));
      if (!parentId) continue;
      for (const c of ((r as unknown as Record<string, unknown>)[child.field] as Record<string, unknown>[]) ?? []) {
        childRows.push({ ...pick(c, Object.keys(child.columns)), __parent: parentId });
      }
    }
    if (!childRows.length) continue;
    const ccols = Object.keys(child.columns);
    const copy = Object.keys(child.copyFromParent ?? {});
    await tx.$executeRawUnsafe(
      `INSERT INTO ${q(child.table)} (${q(child.parentColumn)}, ${[...copy, ...ccols].map(q).join(', ')})
         SELECT x.__parent::uuid, ${[...copy.map(() => '$2::uuid'), ...ccols.map((c) => `x.${q(c)}`)].join(', ')}
           FROM jsonb_to_recordset($1::jsonb) AS x(__parent text, ${ccols.map((c) => `${q(c)} ${child.columns[c]}`).join(', ')})`,
      JSON.stringify(childRows),
      ...(copy.length ? [clusterId] : []),
    );
  }
}

async function remove(tx: Tx, kind: KindSpec, clusterId: string, deletes: Deletion[]): Promise<void> {
  const spec = kind.spec;
  const namespaced = spec.key.includes('namespace');
  // Only the object that was deleted: a stale event must not remove a recreated one (new uid).
  await tx.$executeRawUnsafe(
    `DELETE FROM ${q(spec.table)} t USING jsonb_to_recordset($2::jsonb) AS x(namespace text, name text, uid text)
      WHERE t."clusterId" = $1::uuid AND t.name = x.name AND t.uid = x.uid ${namespaced ? 'AND t.namespace = x.namespace' : ''}`,
    clusterId,
    JSON.stringify(deletes.map((d) => ({ namespace: d.namespace ?? null, name: d.name, uid: d.uid }))),
  );
  if (kind.kind === 'SERVICE') {
    // A deleted service's endpoints go with it, whatever the slice watch still has to say.
    await tx.$executeRawUnsafe(
      `DELETE FROM "EndpointSlice" es USING jsonb_to_recordset($2::jsonb) AS x(namespace text, name text)
        WHERE es."clusterId" = $1::uuid AND es.namespace = x.namespace AND es."serviceName" = x.name
          AND NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."clusterId" = es."clusterId" AND s.namespace = x.namespace AND s.name = x.name)`,
      clusterId,
      JSON.stringify(deletes.map((d) => ({ namespace: d.namespace ?? null, name: d.name }))),
    );
  }
}

/** resourceVersions are opaque, but numeric ones (etcd's, kube-sim's) can be ordered. */
const olderGuard = (t: string) => `
         AND NOT (${t}.uid = EXCLUDED.uid AND ${t}."resourceVersion" ~ '^[0-9]+$' AND EXCLUDED."resourceVersion" ~ '^[0-9]+$'
                  AND ${t}."resourceVersion"::numeric > EXCLUDED."resourceVersion"::numeric)`;

function pick(o: Record<string, unknown>, cols: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of cols) out[c] = o[c] ?? null;
  return out;
}
