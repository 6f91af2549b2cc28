import { Injectable } from '@nestjs/common';
import { DEFAULT_LOAD_BALANCER_PENDING_SECONDS, type EndpointSliceRecord, type IngressRecord, type NamespaceRecord, type PodRecord, type Scope, type TopologySnapshot } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { INGRESS_COLUMNS, POD_COLUMNS, SLICE_COLUMNS } from '../related/related-objects.repository.js';
import { Params } from '../../database/sql-params.js';
import { ServicesRepository } from '../services/services.repository.js';
import { clusterScopeSql, scopeSql } from '../shared/scope-sql.js';

export interface TopologyScope {
  cluster?: string;
  namespace?: string;
}

const iso = <T extends { k8sCreatedAt: unknown }>(r: T): T => ({ ...r, k8sCreatedAt: new Date(String(r.k8sCreatedAt instanceof Date ? r.k8sCreatedAt.toISOString() : r.k8sCreatedAt)).toISOString() });

/**
 * Loads the mirrored objects of a cluster/namespace scope, one statement per kind,
 * limited to what `readable` (the caller's read scope) covers: nothing a caller may
 * not see is loaded or counted.
 */
@Injectable()
export class TopologyRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly services: ServicesRepository,
  ) {}

  /** How many services and pods the caller's graph would hold: it is refused when unreadably large. */
  async size(scope: TopologyScope, readable: Scope): Promise<number> {
    const p = new Params();
    const rows = await this.database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT ((SELECT count(*) FROM "Service" x JOIN "Cluster" c ON c.id = x."clusterId" WHERE ${where(scope, readable, p, 'x')})
             + (SELECT count(*) FROM "Pod" x JOIN "Cluster" c ON c.id = x."clusterId" WHERE ${where(scope, readable, p, 'x')}))::int AS n`,
      ...p.values,
    );
    return rows[0]?.n ?? 0;
  }

  async snapshot(scope: TopologyScope, readable: Scope): Promise<TopologySnapshot[]> {
    const prisma = this.database.prisma;
    type C<T> = T & { clusterName: string };
    const query = <T>(sql: (p: Params) => string) => {
      const p = new Params();
      return prisma.$queryRawUnsafe<T[]>(sql(p), ...p.values);
    };
    const [namespaces, services, slices, pods, ingresses, clusters] = await Promise.all([
      query<C<NamespaceRecord>>(
        (p) => `SELECT c.name AS "clusterName", x.name, x.uid, x.phase, x.labels, x.annotations, x."resourceVersion", x."k8sCreatedAt"
                  FROM "Namespace" x JOIN "Cluster" c ON c.id = x."clusterId" WHERE ${where({ cluster: scope.cluster }, readable, p, 'x', 'name')}${scope.namespace ? ` AND x.name = ${p.add(scope.namespace)}` : ''}`,
      ),
      this.services.search({
        clusters: scope.cluster ? [scope.cluster] : undefined,
        namespaces: scope.namespace ? [scope.namespace] : undefined,
        pendingLoadBalancerSeconds: DEFAULT_LOAD_BALANCER_PENDING_SECONDS,
        sort: 'NAMESPACE',
        limit: 100_000,
        scope: readable,
      }),
      query<C<EndpointSliceRecord>>((p) => `SELECT ${SLICE_COLUMNS}, c.name AS "clusterName" FROM "EndpointSlice" es JOIN "Cluster" c ON c.id = es."clusterId" WHERE ${where(scope, readable, p, 'es')}`),
      query<C<PodRecord>>((p) => `SELECT ${POD_COLUMNS}, c.name AS "clusterName" FROM "Pod" p JOIN "Cluster" c ON c.id = p."clusterId" WHERE ${where(scope, readable, p, 'p')}`),
      query<C<IngressRecord>>((p) => `SELECT ${INGRESS_COLUMNS}, c.name AS "clusterName" FROM "Ingress" i JOIN "Cluster" c ON c.id = i."clusterId" WHERE ${where(scope, readable, p, 'i')}`),
      query<{ name: string; clusterDomain: string }>(
        (p) => `SELECT name, "clusterDomain" FROM "Cluster" c WHERE ${[scope.cluster ? `c.name = ${p.add(scope.cluster)}` : 'true', clusterScopeSql(readable, p, 'c.id') ?? 'true'].join(' AND ')} ORDER BY name`,
      ),
    ]);
    return clusters.map((c) => ({
      cluster: c.name,
      clusterDomain: c.clusterDomain,
      namespaces: namespaces.filter((x) => x.clusterName === c.name).map(iso),
      services: services.items.map((i) => i.service).filter((x) => x.clusterName === c.name),
      endpointSlices: slices.filter((x) => x.clusterName === c.name).map(iso),
      pods: pods.filter((x) => x.clusterName === c.name).map(iso),
      ingresses: ingresses.filter((x) => x.clusterName === c.name).map(iso),
    }));
  }
}

/** The request's cluster and namespace, and the caller's grants, on rows aliased `alias` (joined to "Cluster" c). */
function where(scope: TopologyScope, readable: Scope, p: Params, alias: string, namespaceColumn = 'namespace'): string {
  const conditions: string[] = [];
  if (scope.cluster) conditions.push(`c.name = ${p.add(scope.cluster)}`);
  if (scope.namespace) conditions.push(`${alias}.${namespaceColumn} = ${p.add(scope.namespace)}`);
  const granted = scopeSql(readable, p, `${alias}."clusterId"`, `${alias}.${namespaceColumn}`);
  if (granted) conditions.push(granted);
  return conditions.join(' AND ') || 'true';
}
