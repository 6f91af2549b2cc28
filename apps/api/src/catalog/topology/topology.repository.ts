import { Injectable } from '@nestjs/common';
import type { EndpointSliceRecord, IngressRecord, NamespaceRecord, PodRecord, TopologySnapshot } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import { INGRESS_COLUMNS, POD_COLUMNS, SLICE_COLUMNS } from '../related/related-objects.repository.js';
import { ServicesRepository } from '../services/services.repository.js';

export interface TopologyScope {
  cluster?: string;
  namespace?: string;
}

const iso = <T extends { k8sCreatedAt: unknown }>(r: T): T => ({ ...r, k8sCreatedAt: new Date(String(r.k8sCreatedAt instanceof Date ? r.k8sCreatedAt.toISOString() : r.k8sCreatedAt)).toISOString() });

/** Loads the mirrored objects of a cluster/namespace scope, one statement per kind. */
@Injectable()
export class TopologyRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly services: ServicesRepository,
  ) {}

  /** How many objects the scope holds: the graph is refused when it would be unreadably large. */
  async size(scope: TopologyScope): Promise<number> {
    const rows = await this.database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT ((SELECT count(*) FROM "Service" x JOIN "Cluster" c ON c.id = x."clusterId" WHERE ${where(scope, 'x')})
             + (SELECT count(*) FROM "Pod" x JOIN "Cluster" c ON c.id = x."clusterId" WHERE ${where(scope, 'x')}))::int AS n`,
      scope.cluster ?? null,
      scope.namespace ?? null,
    );
    return rows[0]?.n ?? 0;
  }

  async snapshot(scope: TopologyScope): Promise<TopologySnapshot[]> {
    const prisma = this.database.prisma;
    const params = [scope.cluster ?? null, scope.namespace ?? null];
    type C<T> = T & { clusterName: string };
    const [namespaces, services, slices, pods, ingresses, clusters] = await Promise.all([
      prisma.$queryRawUnsafe<C<NamespaceRecord>[]>(
        `SELECT c.name AS "clusterName", x.name, x.uid, x.phase, x.labels, x.annotations, x."resourceVersion", x."k8sCreatedAt"
           FROM "Namespace" x JOIN "Cluster" c ON c.id = x."clusterId" WHERE ($1::text IS NULL OR c.name = $1) AND ($2::text IS NULL OR x.name = $2)`,
        ...params,
      ),
      this.services.search({
        clusters: scope.cluster ? [scope.cluster] : undefined,
        namespaces: scope.namespace ? [scope.namespace] : undefined,
        pendingLoadBalancerSeconds: 300,
        sort: 'NAMESPACE',
        limit: 100_000,
      }),
      prisma.$queryRawUnsafe<C<EndpointSliceRecord>[]>(`SELECT ${SLICE_COLUMNS}, c.name AS "clusterName" FROM "EndpointSlice" es JOIN "Cluster" c ON c.id = es."clusterId" WHERE ${where(scope, 'es')}`, ...params),
      prisma.$queryRawUnsafe<C<PodRecord>[]>(`SELECT ${POD_COLUMNS}, c.name AS "clusterName" FROM "Pod" p JOIN "Cluster" c ON c.id = p."clusterId" WHERE ${where(scope, 'p')}`, ...params),
      prisma.$queryRawUnsafe<C<IngressRecord>[]>(`SELECT ${INGRESS_COLUMNS}, c.name AS "clusterName" FROM "Ingress" i JOIN "Cluster" c ON c.id = i."clusterId" WHERE ${where(scope, 'i')}`, ...params),
      prisma.$queryRawUnsafe<{ name: string; clusterDomain: string }[]>(`SELECT name, "clusterDomain" FROM "Cluster" WHERE ($1::text IS NULL OR name = $1) ORDER BY name`, params[0]),
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

function where(scope: TopologyScope, alias: string): string {
  return `($1::text IS NULL OR c.name = $1) AND ($2::text IS NULL OR ${alias}.namespace = $2)`;
}
