import { Injectable } from '@nestjs/common';
import { type GrantInput, namespacePatternError, type ReadScope, type Role, type TokenInput, validateGrantInput, validateTokenInput, Issues } from '@switchboard/k8s-model';
import { AuditService } from '../../audit/audit.service.js';
import { ClustersRepository } from '../../clusters/clusters.repository.js';
import { DomainError } from '../../errors/domain-error.js';
import { AccessPolicy } from '../access-policy.service.js';
import type { Caller } from '../caller.js';
import { actorOf } from '../caller.js';
import { displayPrefix, newTokenSecret, sha256 } from '../secrets.js';
import { SubscriberSockets } from '../subscriber-sockets.service.js';
import type { ApiTokenRecord, GrantRecord } from './api-token.js';
import { TokensRepository } from './tokens.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreatedToken {
  /** The secret, returned this once. */
  token: string;
  apiToken: ApiTokenRecord;
}

/** Admins manage API tokens and their grants; every change is audited. */
@Injectable()
export class TokensService {
  constructor(
    private readonly repo: TokensRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly sockets: SubscriberSockets,
    private readonly clusters: ClustersRepository,
  ) {}

  list(caller: Caller, includeRevoked = false): Promise<ApiTokenRecord[]> {
    this.access.requireRole(caller, 'admin');
    return this.repo.list({ includeRevoked });
  }

  async get(caller: Caller, id: string): Promise<ApiTokenRecord> {
    this.access.requireRole(caller, 'admin');
    return this.find(id);
  }

  create(caller: Caller, input: unknown): Promise<CreatedToken> {
    const name = typeof (input as { name?: unknown })?.name === 'string' ? (input as { name: string }).name : null;
    return this.audit.track(
      caller,
      'createToken',
      { name, details: { role: (input as { role?: unknown })?.role ?? null } },
      async () => {
        this.access.requireRole(caller, 'admin');
        const issues = validateTokenInput(input);
        if (issues.length) throw DomainError.validation(issues);
        const t = input as TokenInput;
        const grants = await this.resolveGrants(t.grants ?? [], 'grants');
        return this.issue({ name: t.name, role: t.role, readScope: t.readScope ?? 'ALL', expiresAt: t.expiresAt ? new Date(t.expiresAt) : null, grants, createdBy: actorOf(caller) });
      },
      (r) => ({ name: r.apiToken.name, details: { tokenId: r.apiToken.id, prefix: r.apiToken.prefix, grants: r.apiToken.grants.map(grantText) } }),
    );
  }

  /** Used by bootstrap too: stores the hash, returns the secret once. */
  async issue(t: { name: string; role: Role; readScope: ReadScope; expiresAt: Date | null; grants: { clusterId: string | null; namespacePattern: string }[]; createdBy: string }): Promise<CreatedToken> {
    const secret = newTokenSecret();
    const apiToken = await this.repo.create({ ...t, tokenHash: sha256(secret), prefix: displayPrefix(secret) });
    return { token: secret, apiToken };
  }

  revoke(caller: Caller, id: string): Promise<ApiTokenRecord> {
    return this.audit.track(
      caller,
      'revokeToken',
      { details: { tokenId: id } },
      async () => {
        this.access.requireRole(caller, 'admin');
        const existing = await this.find(id);
        if (existing.revokedAt) return existing;
        const revoked = (await this.repo.revoke(id, new Date()))!;
        // Committed: its subscriptions (and its sessions') end now, on every replica.
        await this.sockets.revoked({ tokenId: id });
        return revoked;
      },
      (t) => ({ name: t.name }),
    );
  }

  async grants(caller: Caller, tokenId?: string | null): Promise<GrantRecord[]> {
    this.access.requireRole(caller, 'admin');
    if (tokenId) await this.find(tokenId, 'token');
    return this.repo.listGrants(tokenId ?? undefined);
  }

  addGrant(caller: Caller, input: { token?: unknown; cluster?: unknown; namespace?: unknown }): Promise<GrantRecord> {
    return this.audit.track(
      caller,
      'createGrant',
      { cluster: typeof input?.cluster === 'string' ? input.cluster : null, namespace: typeof input?.namespace === 'string' ? input.namespace : null, details: { tokenId: input?.token ?? null } },
      async () => {
        this.access.requireRole(caller, 'admin');
        const issues = new Issues();
        if (typeof input?.token !== 'string' || !input.token) issues.add('token', 'required', 'is required: the id of the token the grant is for');
        validateGrantInput({ cluster: input?.cluster, namespace: input?.namespace }, '', issues);
        for (const key of Object.keys(input ?? {})) {
          if (!['token', 'cluster', 'namespace'].includes(key)) issues.add(key, 'forbidden', 'is not a grant field (token, cluster, namespace)');
        }
        if (issues.list.length) throw DomainError.validation(issues.list);
        const token = await this.find(input.token as string, 'token');
        if (token.revokedAt) throw DomainError.validation([{ field: 'token', rule: 'revoked', message: `token "${token.name}" is revoked` }]);
        if (token.role === 'admin') throw DomainError.validation([{ field: 'token', rule: 'forbidden', message: `token "${token.name}" is an admin token: admins have every right everywhere` }]);
        const [g] = await this.resolveGrants([{ cluster: input.cluster as string | null, namespace: input.namespace as string | null }], '');
        return this.repo.addGrant(token.id, g!);
      },
      (g) => ({ name: g.namespacePattern, details: { grantId: g.id, grant: grantText(g) } }),
    );
  }

  removeGrant(caller: Caller, id: string): Promise<GrantRecord> {
    return this.audit.track(
      caller,
      'deleteGrant',
      { details: { grantId: id } },
      async () => {
        this.access.requireRole(caller, 'admin');
        const removed = UUID.test(id) ? await this.repo.removeGrant(id) : undefined;
        if (!removed) throw DomainError.notFound(`grant "${id}"`);
        return removed;
      },
      (g) => ({ cluster: g.clusterName, name: g.namespacePattern, details: { tokenId: g.tokenId, grant: grantText(g) } }),
    );
  }

  private async find(id: string, field?: string): Promise<ApiTokenRecord> {
    const t = UUID.test(id) ? await this.repo.get(id) : undefined;
    if (!t) throw new DomainError('NOT_FOUND', `token "${id}" not found`, field ? [{ field, rule: 'notFound', message: `no token with id "${id}"` }] : []);
    return t;
  }

  /** Cluster names → ids; a grant naming an unknown cluster is refused, never widened to all. */
  private async resolveGrants(grants: GrantInput[], field: string): Promise<{ clusterId: string | null; namespacePattern: string }[]> {
    const named = [...new Set(grants.map((g) => g.cluster).filter((c): c is string => !!c && c !== '*'))];
    const ids = await this.clusters.idsByName(named);
    const issues = grants.flatMap((g, i) => {
      if (!g.cluster || g.cluster === '*' || ids.has(g.cluster)) return [];
      const at = `${field ? `${field}[${i}].` : ''}cluster`;
      return [{ field: at, rule: 'notFound', message: `${at}: no cluster named "${g.cluster}" is registered` }];
    });
    if (issues.length) throw DomainError.validation(issues);
    return grants.map((g) => {
      const pattern = g.namespace ?? '*';
      if (namespacePatternError(pattern)) throw DomainError.validation([{ field: 'namespace', rule: 'invalidPattern', message: namespacePatternError(pattern)! }]);
      return { clusterId: g.cluster && g.cluster !== '*' ? ids.get(g.cluster)! : null, namespacePattern: pattern };
    });
  }
}

function grantText(g: GrantRecord): string {
  return `${g.clusterName ?? '*'}/${g.namespacePattern}`;
}
