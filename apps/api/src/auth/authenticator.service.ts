import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller } from './caller.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { sameSecret, sha256 } from './secrets.js';
import type { AuthSessionRecord } from './sessions/auth-session.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import type { ApiTokenRecord } from './tokens/api-token.js';
import { TokensRepository } from './tokens/tokens.repository.js';

/** lastUsedAt is written at most this often per token: no database write per request. */
const TOUCH_EVERY_MS = 60_000;
export const CONFIG_ADMIN_NAME = 'admin (SWITCHBOARD_ADMIN_TOKEN)';

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

/** Turns the credentials a request carries into a Caller, or says precisely why not. */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('Auth');
  private readonly touched = new Map<string, number>();
  private readonly configAdmin: string | null;

  constructor(
    private readonly tokens: TokensRepository,
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.configAdmin = config.auth.adminToken;
  }

  /** undefined when the request carries no credentials at all. */
  async authenticate(headers: { authorization?: string; cookie?: string }): Promise<Caller | undefined> {
    const auth = headers.authorization?.trim();
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
      return this.fromToken(m[1]!);
    }
    const cookie = readCookie(headers.cookie, SESSION_COOKIE);
    if (cookie) return this.fromSession(cookie);
    return undefined;
  }

  async fromToken(secret: string, now = new Date()): Promise<Caller> {
    if (this.configAdmin && sameSecret(secret, this.configAdmin)) return this.configAdminCaller(null);
    const token = await this.tokens.findByHash(sha256(secret));
    if (!token) throw unauthenticated('the token is not valid');
    this.assertUsable(token, now);
    this.touch(token.id, now);
    return callerFromToken(token, null);
  }

  async fromSession(cookie: string, now = new Date()): Promise<Caller> {
    const s = await this.sessions.find(sha256(cookie));
    if (!s || s.revokedAt || Date.parse(s.expiresAt) <= now.getTime()) throw unauthenticated('the session has ended (signed out, expired or its token was revoked); sign in again');
    const session = { id: s.id, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
    if (s.kind === 'oidc') return callerFromOidcSession(s, session);
    if (s.tokenId === null) {
      // A session of the configured admin lasts only while that token is configured.
      if (!this.configAdmin || s.subject !== configAdminSubject(this.configAdmin)) throw unauthenticated('the session has ended (the admin token changed); sign in again');
      return this.configAdminCaller(session);
    }
    const token = await this.tokens.get(s.tokenId);
    if (!token) throw unauthenticated('the session has ended (its token was deleted); sign in again');
    this.assertUsable(token, now);
    this.touch(token.id, now);
    return callerFromToken(token, session);
  }

  private configAdminCaller(session: Caller['session']): Caller {
    return { kind: 'token', subject: configAdminSubject(this.configAdmin!), name: CONFIG_ADMIN_NAME, tokenId: null, role: 'admin', grants: [], readScope: 'ALL', session, expiresAt: null };
  }

  private assertUsable(token: ApiTokenRecord, now: Date): void {
    if (token.revokedAt) throw unauthenticated(`the token "${token.name}" was revoked at ${token.revokedAt}`);
    if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) throw unauthenticated(`the token "${token.name}" expired at ${token.expiresAt}`);
  }

  private touch(id: string, now: Date): void {
    const last = this.touched.get(id) ?? 0;
    if (now.getTime() - last < TOUCH_EVERY_MS) return;
    this.touched.set(id, now.getTime());
    this.tokens.touch(id, now).catch((err) => this.logger.warn(`could not record the last use of a token: ${err instanceof Error ? err.message : String(err)}`));
  }
}

/** Identifies the configured admin token in sessions without storing it. */
export function configAdminSubject(adminToken: string): string {
  return `config:${sha256(adminToken).slice(0, 16)}`;
}

export function callerFromToken(t: ApiTokenRecord, session: Caller['session']): Caller {
  return {
    kind: 'token',
    subject: t.id,
    name: t.name,
    tokenId: t.id,
    role: t.role,
    grants: t.grants.map((g) => ({ clusterId: g.clusterId, clusterName: g.clusterName, namespacePattern: g.namespacePattern })),
    readScope: t.readScope,
    session,
    expiresAt: t.expiresAt,
  };
}

function callerFromOidcSession(s: AuthSessionRecord, session: Caller['session']): Caller {
  return { kind: 'oidc', subject: s.subject, name: s.name, tokenId: null, role: s.role, grants: s.grants, readScope: s.readScope, session, expiresAt: s.expiresAt };
}
