import { Injectable } from '@nestjs/common';
import { GENERATED_POD_LABEL_KEYS, type Scope } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { Params } from '../../database/sql-params.js';
import { scopeSql } from '../shared/scope-sql.js';

export interface PodLabelRows {
  pods: number;
  matching: number | null;
  labels: { key: string; value: string; pods: number }[];
}

/** At most this many suggestions: a selector is picked from the common labels, not the long tail. */
const MAX_LABELS = 100;

@Injectable()
export class PodLabelsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Label counts of a namespace's pods and the pods a map selector matches, one statement. */
  async summary(cluster: string, namespace: string, selector: Record<string, string> | null, scope?: Scope): Promise<PodLabelRows> {
    const p = new Params();
    const c = p.add(cluster);
    const ns = p.add(namespace);
    const sel = p.add(selector ? JSON.stringify(selector) : null);
    const skip = p.add([...GENERATED_POD_LABEL_KEYS]);
    const scoped = scopeSql(scope, p, 'p."clusterId"', 'p.namespace');
    const [row] = await this.database.prisma.$queryRawUnsafe<PodLabelRows[]>(
      `WITH pods AS (
         SELECT p.labels FROM "Pod" p JOIN "Cluster" c ON c.id = p."clusterId"
          WHERE c.name = ${c} AND p.namespace = ${ns}${scoped ? ` AND ${scoped}` : ''}
       ), counted AS (
         SELECT e.key, e.value, count(*)::int AS pods FROM pods, jsonb_each_text(pods.labels) e
          WHERE NOT (e.key = ANY(${skip}::text[])) GROUP BY e.key, e.value
          ORDER BY pods DESC, e.key, e.value LIMIT ${MAX_LABELS}
       )
       SELECT (SELECT count(*)::int FROM pods) AS pods,
              CASE WHEN ${sel}::jsonb IS NULL THEN NULL ELSE (SELECT count(*)::int FROM pods WHERE labels @> ${sel}::jsonb) END AS matching,
              COALESCE((SELECT json_agg(json_build_object('key', key, 'value', value, 'pods', pods) ORDER BY pods DESC, key, value) FROM counted), '[]'::json) AS labels`,
      ...p.values,
    );
    return row!;
  }
}
