import { Injectable } from '@nestjs/common';
import type { ReadScope, Role } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import type { ApiTokenRecord, GrantRecord, NewApiToken } from './api-token.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

type GrantRow = { id: string; tokenId: string; clusterId: string | null; namespacePattern: string; createdAt: Date; cluster: { name: string } | null };
type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  readScope: string;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  grants: GrantRow[];
};

const WITH_GRANTS = { grants: { include: { cluster: { select: { name: true } } }, orderBy: { createdAt: 'asc' as const } } };

function toGrant(g: GrantRow): GrantRecord {
  return { id: g.id, tokenId: g.tokenId, clusterId: g.clusterId, clusterName: g.cluster?.name ?? null, namespacePattern: g.namespacePattern, createdAt: g.createdAt.toISOString() };
}

function toToken(t: TokenRow): ApiTokenRecord {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role as Role,
    readScope: t.readScope as ReadScope,
    createdBy: t.createdBy,
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
    createdAt: t.createdAt.toISOString(),
    grants: t.grants.map(toGrant),
  };
}

@Injectable()
export class TokensRepository {
  constructor(private readonly database: DatabaseService) {}

  /** The token and its grants in one transaction: never a token without the grants it was given. */
  async create(t: NewApiToken): Promise<ApiTokenRecord> {
    const row = await this.database.prisma.apiToken.create({
      data: {
        name: t.name,
        tokenHash: t.tokenHash,
        prefix: t.prefix,
        role: t.role,
        readScope: t.readScope,
        createdBy: t.createdBy,
        expiresAt: t.expiresAt,
        grants: { create: t.grants.map((g) => ({ clusterId: g.clusterId, namespacePattern: g.namespacePattern })) },
      },
      include: WITH_GRANTS,
    });
    return toToken(row as TokenRow);
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.database.prisma.apiToken.findUnique({ where: { tokenHash }, include: WITH_GRANTS });
    return row ? toToken(row as TokenRow) : undefined;
  }

  async get(id: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.database.prisma.apiToken.findUnique({ where: { id }, include: WITH_GRANTS });
    return row ? toToken(row as TokenRow) : undefined;
  }

  async list(opts: { includeRevoked: boolean }): Promise<ApiTokenRecord[]> {
    const rows = await this.database.prisma.apiToken.findMany({
      where: opts.includeRevoked ? {} : { revokedAt: null },
      include: WITH_GRANTS,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => toToken(r as TokenRow));
  }

  /** Active admin tokens (not revoked, not expired). */
  async countActiveAdmins(now: Date): Promise<number> {
    return this.database.prisma.apiToken.count({ where: { role: 'admin', revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  }

  /** Revokes the token and ends its dashboard sessions together. */
  async revoke(id: string, at: Date): Promise<ApiTokenRecord | undefined> {
    return this.database.prisma.$transaction(async (tx) => {
      const updated = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      if (updated.count) await tx.authSession.updateMany({ where: { tokenId: id, revokedAt: null }, data: { revokedAt: at } });
      const row = await tx.apiToken.findUnique({ where: { id }, include: WITH_GRANTS });
      return row ? toToken(row as TokenRow) : undefined;
    });
  }

  /** Revokes every token an earlier start created for the given purpose (demo login links). */
  async revokeCreatedBy(createdBy: string, at: Date): Promise<number> {
    return (await this.database.prisma.apiToken.updateMany({ where: { createdBy, revokedAt: null }, data: { revokedAt: at } })).count;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.database.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }

  async addGrant(tokenId: string, g: { clusterId: string | null; namespacePattern: string }): Promise<GrantRecord> {
    const row = await this.database.prisma.grant.create({ data: { tokenId, clusterId: g.clusterId, namespacePattern: g.namespacePattern }, include: { cluster: { select: { name: true } } } });
    return toGrant(row as GrantRow);
  }

  async getGrant(id: string): Promise<GrantRecord | undefined> {
    const row = await this.database.prisma.grant.findUnique({ where: { id }, include: { cluster: { select: { name: true } } } });
    return row ? toGrant(row as GrantRow) : undefined;
  }

  async listGrants(tokenId?: string): Promise<GrantRecord[]> {
    const rows = await this.database.prisma.grant.findMany({ where: tokenId ? { tokenId } : {}, include: { cluster: { select: { name: true } } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map((r) => toGrant(r as GrantRow));
  }

  async removeGrant(id: string): Promise<GrantRecord | undefined> {
    return this.database.prisma.$transaction(async (tx) => {
      const row = await tx.grant.findUnique({ where: { id }, include: { cluster: { select: { name: true } } } });
      if (!row) return undefined;
      await tx.grant.delete({ where: { id } });
      return toGrant(row as GrantRow);
    });
  }
}
