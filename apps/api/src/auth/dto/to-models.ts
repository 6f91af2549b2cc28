import type { Caller } from '../caller.js';
import type { ApiTokenRecord, GrantRecord } from '../tokens/api-token.js';
import type { MeModel } from './caller.model.js';
import type { GrantModel } from './grant.model.js';
import type { TokenModel } from './token.model.js';

const date = (s: string | null): Date | null => (s ? new Date(s) : null);

export function toGrantModel(g: { id?: string; clusterName: string | null; namespacePattern: string }): GrantModel {
  return { id: g.id ?? null, cluster: g.clusterName, namespace: g.namespacePattern };
}

export function toTokenModel(t: ApiTokenRecord, now = Date.now()): TokenModel {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    readScope: t.readScope,
    grants: t.grants.map((g: GrantRecord) => toGrantModel(g)),
    createdBy: t.createdBy,
    createdAt: new Date(t.createdAt),
    expiresAt: date(t.expiresAt),
    lastUsedAt: date(t.lastUsedAt),
    revokedAt: date(t.revokedAt),
    status: t.revokedAt ? 'REVOKED' : t.expiresAt && Date.parse(t.expiresAt) <= now ? 'EXPIRED' : 'ACTIVE',
  };
}

export function toMeModel(c: Caller): MeModel {
  return {
    name: c.name,
    kind: c.kind,
    role: c.role,
    readScope: c.readScope,
    grants: c.grants.map((g) => toGrantModel(g)),
    tokenId: c.tokenId,
    expiresAt: date(c.session?.expiresAt ?? c.expiresAt),
    session: c.session !== null,
  };
}
