import { normalize, type ResourceKind } from '@switchboard/k8s-model';
import type { SimCluster } from '@switchboard/kube-sim';
import type { DatabaseService } from '../../src/database/database.service.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Compares the catalog of one cluster with what the cluster (kube-sim's own store)
 * holds, row by row and column by column. The expected rows come from the
 * libs/k8s-model normalisers; the actual rows are every column of the tables
 * (SELECT *), so a column the sync drops, mangles or leaves at its default shows up,
 * and so does a table column the normaliser does not fill.
 */
interface Mirrored {
  kind: ResourceKind;
  apiVersion: string;
  k8sKind: string;
  table: string;
  children: { field: string; table: string; parentColumn: string }[];
  /** A table several kinds share: the rows of this one have this `kind`. */
  workloadKind?: string;
}

const workload = (kind: ResourceKind, apiVersion: string, k8sKind: string): Mirrored => ({ kind, apiVersion, k8sKind, table: 'Workload', children: [], workloadKind: k8sKind });

export const MIRRORED: readonly Mirrored[] = [
  { kind: 'NAMESPACE', apiVersion: 'v1', k8sKind: 'Namespace', table: 'Namespace', children: [] },
  { kind: 'NODE', apiVersion: 'v1', k8sKind: 'Node', table: 'Node', children: [] },
  { kind: 'POD', apiVersion: 'v1', k8sKind: 'Pod', table: 'Pod', children: [] },
  { kind: 'SERVICE', apiVersion: 'v1', k8sKind: 'Service', table: 'Service', children: [{ field: 'ports', table: 'ServicePort', parentColumn: 'serviceId' }] },
  { kind: 'ENDPOINT_SLICE', apiVersion: 'discovery.k8s.io/v1', k8sKind: 'EndpointSlice', table: 'EndpointSlice', children: [{ field: 'endpoints', table: 'Endpoint', parentColumn: 'sliceId' }] },
  {
    kind: 'INGRESS',
    apiVersion: 'networking.k8s.io/v1',
    k8sKind: 'Ingress',
    table: 'Ingress',
    children: [
      { field: 'rules', table: 'IngressRule', parentColumn: 'ingressId' },
      { field: 'tls', table: 'IngressTls', parentColumn: 'ingressId' },
    ],
  },
  { kind: 'NETWORK_POLICY', apiVersion: 'networking.k8s.io/v1', k8sKind: 'NetworkPolicy', table: 'NetworkPolicy', children: [] },
  workload('DEPLOYMENT', 'apps/v1', 'Deployment'),
  workload('REPLICA_SET', 'apps/v1', 'ReplicaSet'),
  workload('STATEFUL_SET', 'apps/v1', 'StatefulSet'),
  workload('DAEMON_SET', 'apps/v1', 'DaemonSet'),
  workload('JOB', 'batch/v1', 'Job'),
  workload('CRON_JOB', 'batch/v1', 'CronJob'),
  workload('REPLICATION_CONTROLLER', 'v1', 'ReplicationController'),
];

/** The catalog's own bookkeeping, which Kubernetes does not have. */
const OWN_COLUMNS = new Set(['id', 'clusterId', 'syncedAt']);

type Row = Record<string, unknown>;

export interface Comparison {
  /** Empty when the catalog equals the cluster. */
  differences: string[];
  /** Rows compared per kind. */
  rows: Record<string, number>;
  /** "Table.column" of every column compared. */
  columns: Set<string>;
  /** "Table.column" of the columns that held a non-empty value in at least one compared row. */
  exercised: Set<string>;
}

export async function compareCatalog(db: DatabaseService, clusterId: string, sim: SimCluster, kinds: readonly Mirrored[] = MIRRORED): Promise<Comparison> {
  const result: Comparison = { differences: [], rows: {}, columns: new Set(), exercised: new Set() };
  for (const m of kinds) {
    const expected = new Map<string, Row>();
    for (const obj of sim.list(m.apiVersion, m.k8sKind)) {
      const record = normalize(m.kind, obj).record as unknown as Row;
      expected.set(keyOf(record), record);
    }
    const actual = await catalogRows(db, clusterId, m, result.differences);
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      const want = expected.get(key);
      const got = actual.get(key);
      if (!got) result.differences.push(`${m.kind} ${key}: in the cluster, not in the catalog`);
      else if (!want) result.differences.push(`${m.kind} ${key}: in the catalog, not in the cluster`);
      else compareRow(`${m.kind} ${key}`, m.table, got, want, m, result);
    }
    result.rows[m.kind] = actual.size;
  }
  return result;
}

/**
 * Waits until the catalog equals the cluster (controllers and the watch may still be
 * catching up) and returns the comparison; throws with the remaining differences.
 */
export async function waitForEqualCatalog(db: DatabaseService, clusterId: string, sim: SimCluster, timeoutMs = 15_000): Promise<Comparison> {
  let last: Comparison | undefined;
  try {
    await waitFor(async () => (last = await compareCatalog(db, clusterId, sim)).differences.length === 0, `${sim.name}: catalog equals the cluster`, timeoutMs);
  } catch (err) {
    if (!last) throw err;
    throw new Error(`${sim.name}: the catalog differs from the cluster (${last.differences.length}):\n${last.differences.slice(0, 30).join('\n')}`);
  }
  return last!;
}

function compareRow(where: string, table: string, got: Row, want: Row, m: Mirrored, out: Comparison): void {
  const children = new Set(m.children.map((c) => c.field));
  compareColumns(where, table, without(got, children), without(want, children), out);
  for (const child of m.children) {
    const g = got[child.field] as Row[];
    const w = (want[child.field] as Row[] | undefined) ?? [];
    if (g.length !== w.length) out.differences.push(`${where}: ${child.field} has ${g.length} rows in the catalog, ${w.length} in the cluster`);
    for (let i = 0; i < Math.min(g.length, w.length); i++) compareColumns(`${where} ${child.field}[${i}]`, child.table, g[i]!, w[i]!, out);
  }
}

function compareColumns(where: string, table: string, got: Row, want: Row, out: Comparison): void {
  for (const column of new Set([...Object.keys(got), ...Object.keys(want)])) {
    const name = `${table}.${column}`;
    if (!(column in got)) {
      out.differences.push(`${where}: ${column} is in the normalised record but ${table} has no such column`);
      continue;
    }
    out.columns.add(name);
    if (!(column in want)) {
      out.differences.push(`${where}: ${name} is a column the normaliser does not fill`);
      continue;
    }
    const g = canonical(got[column]);
    const w = canonical(want[column]);
    if (g !== w) out.differences.push(`${where}: ${column} is ${g} in the catalog, ${w} in the cluster`);
    if (!isEmpty(want[column])) out.exercised.add(name);
  }
}

/** Every row of one kind of one cluster, child rows as arrays in position order, keyed like the records. */
async function catalogRows(db: DatabaseService, clusterId: string, m: Mirrored, differences: string[]): Promise<Map<string, Row>> {
  const rows = m.workloadKind
    ? await db.prisma.$queryRawUnsafe<Row[]>(`SELECT * FROM "${m.table}" WHERE "clusterId" = $1::uuid AND kind = $2::"WorkloadKind"`, clusterId, m.workloadKind)
    : await db.prisma.$queryRawUnsafe<Row[]>(`SELECT * FROM "${m.table}" WHERE "clusterId" = $1::uuid`, clusterId);
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  for (const child of m.children) {
    for (const r of rows) r[child.field] = [];
    const kids = await db.prisma.$queryRawUnsafe<Row[]>(
      `SELECT c.* FROM "${child.table}" c JOIN "${m.table}" p ON p.id = c."${child.parentColumn}" WHERE p."clusterId" = $1::uuid ORDER BY c."${child.parentColumn}", c.position`,
      clusterId,
    );
    for (const k of kids) {
      const parent = byId.get(k[child.parentColumn] as string)!;
      // Denormalised copies (IngressRule.clusterId) must name the parent's cluster.
      if ('clusterId' in k && k.clusterId !== clusterId) differences.push(`${m.kind} ${keyOf(parent)}: ${child.table} row with clusterId ${String(k.clusterId)}`);
      const { [child.parentColumn]: _parent, ...rest } = k;
      (parent[child.field] as Row[]).push(plain(rest));
    }
  }
  return new Map(rows.map((r) => [keyOf(r), plain(r)]));
}

function without(row: Row, fields: Set<string>): Row {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !fields.has(k)));
}

function plain(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (!OWN_COLUMNS.has(k)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

const keyOf = (r: Row) => (typeof r.namespace === 'string' ? `${r.namespace}/${String(r.name)}` : String(r.name));

/** JSON with sorted keys: jsonb does not keep the key order of what was written. */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}
