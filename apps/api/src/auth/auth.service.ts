import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { Authenticator } from './authenticator.service.js';
import type { Caller } from './caller.js';
import { RateLimits } from './rate-limits.service.js';
import { SessionsService, type StartedSession } from './sessions/sessions.service.js';

/** Dashboard sign-in with a token, and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimits,
  ) {}

  async login(address: string, body: unknown): Promise<{ caller: Caller; session: StartedSession }> {
    this.limits.login(address);
    const token = body && typeof body === 'object' ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || !token.trim()) {
      throw DomainError.validation([{ field: 'token', rule: 'required', message: 'token: is required (an API token)' }]);
    }
    let caller: Caller;
    try {
      caller = await this.authenticator.fromToken(token.trim());
    } catch (err) {
      if (err instanceof DomainError && err.code === 'UNAUTHENTICATED') this.limits.authFailed(address);
      throw err;
    }
    return { caller, session: await this.sessions.start(caller) };
  }

  async logout(caller: Caller): Promise<void> {
    if (!caller.session) throw new DomainError('BAD_REQUEST', 'not signed in with a session cookie: a bearer token is not a session (revoke the token instead)');
    await this.sessions.end(caller.session.id);
  }
}
