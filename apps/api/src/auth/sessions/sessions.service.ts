import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Caller } from '../caller.js';
import { randomSecret, sha256 } from '../secrets.js';
import { SubscriberSockets } from '../subscriber-sockets.service.js';
import { SessionsRepository } from './sessions.repository.js';

export interface StartedSession {
  /** The cookie value: shown to the browser only, stored as its hash. */
  cookie: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Dashboard sessions: a cookie for a caller who proved themselves with a token or OIDC. */
@Injectable()
export class SessionsService {
  private readonly ttlMs: number;

  constructor(
    private readonly repo: SessionsRepository,
    private readonly sockets: SubscriberSockets,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.auth.sessionTtlHours * 3_600_000;
  }

  /** A session never outlives the token it came from. */
  async start(caller: Caller, now = new Date()): Promise<StartedSession> {
    if (caller.kind === 'system') throw new Error('the system caller cannot sign in');
    const cookie = randomSecret();
    const csrfToken = randomSecret();
    const limit = now.getTime() + this.ttlMs;
    const expiresAt = new Date(caller.expiresAt ? Math.min(limit, Date.parse(caller.expiresAt)) : limit);
    await this.repo.create(
      { id: sha256(cookie), kind: caller.kind === 'oidc' ? 'oidc' : 'token', tokenId: caller.tokenId, subject: caller.subject, name: caller.name, role: caller.role, grants: caller.grants, readScope: caller.readScope, csrfToken, expiresAt: expiresAt.toISOString() },
      now,
    );
    return { cookie, csrfToken, expiresAt };
  }

  /** Signs the session out; its subscription sockets close too. */
  async end(sessionId: string, now = new Date()): Promise<void> {
    await this.repo.revoke(sessionId, now);
    await this.sockets.revoked({ sessionId });
  }
}
