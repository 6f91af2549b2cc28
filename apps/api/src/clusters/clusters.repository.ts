import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import { DomainError } from '../errors/domain-error.js';
import type { ClusterRecord, KindSyncState, NewCluster } from './cluster.types.js';

const PUBLIC = { id: true, name: true, displayName: true, server: true, authKind: true, context: true, clusterDomain: true, labels: true, paused: true, createdAt: true, updatedAt: true } as const;

/** A concurrent registration or rename won the unique name: the same answer as the pre-check gives. */
function nameTaken(err: unknown, names: string[]): unknown {
  if ((err as { code?: unknown })?.code !== 'P2002') return err;
  return new DomainError('ALREADY_EXISTS', `cluster ${names.map((n) => `"${n}"`).join(', ')} is already registered`, names.map((n) => ({ field: 'name', rule: 'duplicate', message: `"${n}" is taken` })));
}

@Injectable()
export class ClustersRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(): Promise<ClusterRecord[]> {
    return (await this.database.prisma.cluster.findMany({ select: PUBLIC, orderBy: { name: 'asc' } })) as ClusterRecord[];
  }

  async findByIds(ids: readonly string[]): Promise<ClusterRecord[]> {
    return (await this.database.prisma.cluster.findMany({ select: PUBLIC, where: { id: { in: [...ids] } } })) as ClusterRecord[];
  }

  /** By name or id. */
  async find(ref: string): Promise<ClusterRecord | undefined> {
    const isUuid = /^[0-9a-f-]{36}$/i.test(ref);
    const row = await this.database.prisma.cluster.findFirst({ select: PUBLIC, where: isUuid ? { OR: [{ id: ref }, { name: ref }] } : { name: ref } });
    return (row as ClusterRecord | null) ?? undefined;
  }

  /** For the sync engine: every cluster with its encrypted credentials, one query. */
  async listWithCredentials(): Promise<(ClusterRecord & { credentials: Uint8Array })[]> {
    return (await this.database.prisma.cluster.findMany({ select: { ...PUBLIC, credentials: true }, orderBy: { name: 'asc' } })) as (ClusterRecord & { credentials: Uint8Array })[];
  }

  async findWithCredentials(id: string): Promise<(ClusterRecord & { credentials: Uint8Array }) | undefined> {
    const row = await this.database.prisma.cluster.findUnique({ where: { id }, select: { ...PUBLIC, credentials: true } });
    return (row as (ClusterRecord & { credentials: Uint8Array }) | null) ?? undefined;
  }

  /** Cluster names → ids, for what names clusters: grants, access checks of a write. */
  async idsByName(names: readonly string[]): Promise<Map<string, string>> {
    if (!names.length) return new Map();
    const rows = await this.database.prisma.cluster.findMany({ where: { name: { in: [...names] } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  async namesTaken(names: string[]): Promise<string[]> {
    return (await this.database.prisma.cluster.findMany({ where: { name: { in: names } }, select: { name: true } })).map((r) => r.name);
  }

  /** All or nothing: registering several contexts is one transaction. */
  async createMany(clusters: NewCluster[]): Promise<ClusterRecord[]> {
    try {
      return (await this.database.prisma.$transaction(clusters.map((c) => this.database.prisma.cluster.create({ data: c, select: PUBLIC })))) as ClusterRecord[];
    } catch (err) {
      throw nameTaken(err, clusters.map((c) => c.name));
    }
  }

  async update(id: string, change: Partial<Pick<ClusterRecord, 'name' | 'displayName' | 'clusterDomain' | 'labels' | 'paused'>>): Promise<ClusterRecord> {
    try {
      return (await this.database.prisma.cluster.update({ where: { id }, data: change, select: PUBLIC })) as ClusterRecord;
    } catch (err) {
      throw nameTaken(err, change.name ? [change.name] : []);
    }
  }

  /** New address and credentials for a registered cluster (e.g. a demo simulator on a new port). */
  async replaceConnection(id: string, c: Pick<NewCluster, 'server' | 'authKind' | 'context' | 'credentials'>): Promise<ClusterRecord> {
    return (await this.database.prisma.cluster.update({ where: { id }, data: c, select: PUBLIC })) as ClusterRecord;
  }

  /** Cascades to every mirrored row and sync state of the cluster. */
  async remove(id: string): Promise<void> {
    await this.database.prisma.cluster.delete({ where: { id } });
  }

  async syncStates(clusterIds: string[]): Promise<Map<string, KindSyncState[]>> {
    const rows = await this.database.prisma.clusterSyncState.findMany({ where: { clusterId: { in: clusterIds } }, orderBy: { kind: 'asc' } });
    const out = new Map<string, KindSyncState[]>();
    for (const r of rows) {
      const { clusterId, updatedAt: _u, ...state } = r;
      out.set(clusterId, [...(out.get(clusterId) ?? []), state as KindSyncState]);
    }
    return out;
  }
}
