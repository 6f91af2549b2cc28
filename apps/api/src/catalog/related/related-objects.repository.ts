import { Injectable } from '@nestjs/common';
import type { EndpointSliceRecord, IngressRecord, NodeRecord, PodRecord } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';

/** Identifies a service (or any namespaced object) across clusters. */
export interface ObjectKey {
  clusterId: string;
  namespace: string;
  name: string;
}

export const keyOf = (k: ObjectKey) => `${k.clusterId}/${k.namespace}/${k.name}`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

// Columns are named like the k8s-model record fields, so rows are records once
// timestamps are ISO strings. Child rows come back aggregated as JSON arrays.
export const NODE_COLUMNS = `n."clusterId"::text AS "clusterId", n.name, n.uid, n.addresses, n."internalIp", n."externalIp", n.hostname,
  n.zone, n.region, n.ready, n.unschedulable, n."podCidr", n.labels, n."resourceVersion", n."k8sCreatedAt"`;

export const SLICE_COLUMNS = `es."clusterId"::text AS "clusterId", es.namespace, es.name, es.uid, es."serviceName", es."addressType", es.ports,
  es."resourceVersion", es."k8sCreatedAt",
  COALESCE((SELECT json_agg(json_build_object('position', e.position, 'address', e.address, 'addresses', e.addresses,
      'ready', e.ready, 'serving', e.serving, 'terminating', e.terminating, 'hostname', e.hostname, 'nodeName', e."nodeName",
      'zone', e.zone, 'targetKind', e."targetKind", 'targetName', e."targetName", 'targetUid', e."targetUid") ORDER BY e.position)
    FROM "Endpoint" e WHERE e."sliceId" = es.id), '[]'::json) AS endpoints`;

export const INGRESS_COLUMNS = `i.id::text AS id, i."clusterId"::text AS "clusterId", i.namespace, i.name, i.uid, i."ingressClassName", i."defaultBackend",
  i."loadBalancerIngress", i.labels, i.annotations, i."resourceVersion", i."k8sCreatedAt",
  COALESCE((SELECT json_agg(json_build_object('position', r.position, 'namespace', r.namespace, 'host', r.host, 'path', r.path,
      'pathType', r."pathType", 'backendService', r."backendService", 'backendPortNumber', r."backendPortNumber",
      'backendPortName', r."backendPortName", 'backendResource', r."backendResource") ORDER BY r.position)
    FROM "IngressRule" r WHERE r."ingressId" = i.id), '[]'::json) AS rules,
  COALESCE((SELECT json_agg(json_build_object('position', t.position, 'hosts', t.hosts, 'secretName', t."secretName") ORDER BY t.position)
    FROM "IngressTls" t WHERE t."ingressId" = i.id), '[]'::json) AS tls`;

export const POD_COLUMNS = `p."clusterId"::text AS "clusterId", p.namespace, p.name, p.uid, p."podIp", p."podIps", p."hostIp", p."nodeName", p.phase,
  p.ready, p.terminating, p.hostname, p.subdomain, p."ownerKind", p."ownerName", p."containerPorts", p.labels,
  p."resourceVersion", p."k8sCreatedAt"`;

export type WithCluster<T> = T & { clusterId: string };

/** Just enough of a service to resolve references to it (ingress backends, ExternalName targets). */
export interface ServiceShape {
  type: string;
  ports: { port: number; name: string }[];
}

/** One host + path claimed by an ingress rule. */
export interface HostPathClaim {
  clusterName: string;
  namespace: string;
  name: string;
  host: string;
  path: string | null;
  backendService: string | null;
  backendResource: unknown;
}

/**
 * Batched reads of what explains a service: its cluster's nodes, its endpoint
 * slices, the ingresses routing to it and, for headless services, the pods that
 * name themselves under it. Each method is one statement for any number of keys.
 */
@Injectable()
export class RelatedObjectsRepository {
  constructor(private readonly database: DatabaseService) {}

  async nodesByCluster(clusterIds: readonly string[]): Promise<WithCluster<NodeRecord>[]> {
    const rows = await this.database.prisma.$queryRawUnsafe<WithCluster<NodeRecord>[]>(
      `SELECT ${NODE_COLUMNS} FROM "Node" n WHERE n."clusterId" = ANY($1::uuid[]) ORDER BY n.name`,
      [...new Set(clusterIds)],
    );
    return rows.map((r) => ({ ...r, k8sCreatedAt: iso(r.k8sCreatedAt) }));
  }

  async slicesByService(keys: readonly ObjectKey[]): Promise<WithCluster<EndpointSliceRecord>[]> {
    if (!keys.length) return [];
    const rows = await this.database.prisma.$queryRawUnsafe<WithCluster<EndpointSliceRecord>[]>(
      `SELECT ${SLICE_COLUMNS} FROM "EndpointSlice" es
        JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(cluster, ns, svc)
          ON es."clusterId" = k.cluster::uuid AND es.namespace = k.ns AND es."serviceName" = k.svc
        ORDER BY es.name`,
      keys.map((k) => k.clusterId),
      keys.map((k) => k.namespace),
      keys.map((k) => k.name),
    );
    return rows.map((r) => ({ ...r, k8sCreatedAt: iso(r.k8sCreatedAt) }));
  }

  /** Ingresses with at least one path whose backend is one of the given services. */
  async ingressesRoutingTo(keys: readonly ObjectKey[]): Promise<WithCluster<IngressRecord & { id: string }>[]> {
    if (!keys.length) return [];
    const rows = await this.database.prisma.$queryRawUnsafe<WithCluster<IngressRecord & { id: string }>[]>(
      `SELECT ${INGRESS_COLUMNS} FROM "Ingress" i
        WHERE i.id IN (SELECT r."ingressId" FROM "IngressRule" r
          JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(cluster, ns, svc)
            ON r."clusterId" = k.cluster::uuid AND r.namespace = k.ns AND r."backendService" = k.svc)
        ORDER BY i.namespace, i.name`,
      keys.map((k) => k.clusterId),
      keys.map((k) => k.namespace),
      keys.map((k) => k.name),
    );
    return rows.map((r) => ({ ...r, k8sCreatedAt: iso(r.k8sCreatedAt) }));
  }

  /** The ports of those of the given services that exist (for resolving ingress backends). */
  async servicePorts(keys: readonly ObjectKey[]): Promise<(ObjectKey & ServiceShape)[]> {
    if (!keys.length) return [];
    return this.database.prisma.$queryRawUnsafe(
      `SELECT s."clusterId"::text AS "clusterId", s.namespace, s.name, s.type::text AS type,
              COALESCE((SELECT json_agg(json_build_object('port', p.port, 'name', p.name) ORDER BY p.position)
                 FROM "ServicePort" p WHERE p."serviceId" = s.id), '[]'::json) AS ports
         FROM "Service" s JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(cluster, ns, svc)
           ON s."clusterId" = k.cluster::uuid AND s.namespace = k.ns AND s.name = k.svc`,
      keys.map((k) => k.clusterId),
      keys.map((k) => k.namespace),
      keys.map((k) => k.name),
    );
  }

  /** Pods of a namespace whose labels contain the given selector (a service's selected pods). */
  async podsSelected(keys: readonly (ObjectKey & { selector: Record<string, string> })[]): Promise<(WithCluster<PodRecord> & { key: string })[]> {
    if (!keys.length) return [];
    const rows = await this.database.prisma.$queryRawUnsafe<(WithCluster<PodRecord> & { key: string })[]>(
      `SELECT ${POD_COLUMNS}, k.key FROM "Pod" p
        JOIN unnest($1::text[], $2::text[], $3::jsonb[], $4::text[]) AS k(cluster, ns, selector, key)
          ON p."clusterId" = k.cluster::uuid AND p.namespace = k.ns AND p.labels @> k.selector
        ORDER BY p.name`,
      keys.map((k) => k.clusterId),
      keys.map((k) => k.namespace),
      keys.map((k) => JSON.stringify(k.selector)),
      keys.map((k) => keyOf(k)),
    );
    return rows.map((r) => ({ ...r, k8sCreatedAt: iso(r.k8sCreatedAt) }));
  }

  /** Every rule claiming one of the given lower-cased host + path pairs, in any cluster. */
  async hostPathClaims(pairs: readonly { host: string; path: string | null }[]): Promise<HostPathClaim[]> {
    if (!pairs.length) return [];
    return this.database.prisma.$queryRawUnsafe<HostPathClaim[]>(
      `SELECT c.name AS "clusterName", i.namespace, i.name, r.host, r.path, r."backendService", r."backendResource"
         FROM "IngressRule" r JOIN "Ingress" i ON i.id = r."ingressId" JOIN "Cluster" c ON c.id = i."clusterId"
         JOIN unnest($1::text[], $2::text[]) AS k(host, path)
           ON lower(r.host) = k.host AND COALESCE(NULLIF(r.path, ''), '/') = k.path
        WHERE r."backendService" IS NOT NULL OR r."backendResource" IS NOT NULL`,
      pairs.map((p) => p.host.toLowerCase()),
      pairs.map((p) => p.path || '/'),
    );
  }
}
