import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { type Caller, callerKey } from './caller.js';
import { RateLimiter } from './rate-limiter.js';

/** Per-identity mutation limits and per-address login and bad-credential limits. */
@Injectable()
export class RateLimits {
  private readonly mutations: RateLimiter;
  private readonly logins: RateLimiter;
  private readonly failures: RateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const l = config.auth.rateLimits;
    this.mutations = new RateLimiter(l.mutationsPerMinute);
    this.logins = new RateLimiter(l.loginsPerMinute);
    this.failures = new RateLimiter(l.authFailuresPerMinute);
  }

  /** Every mutation request counts, refused ones included: the limit is on attempts. */
  mutation(caller: Caller): void {
    const r = this.mutations.hit(callerKey(caller));
    if (!r.allowed) throw DomainError.rateLimited('changes from this identity', r.retryAfterSeconds);
  }

  login(address: string): void {
    const r = this.logins.hit(address);
    if (!r.allowed) throw DomainError.rateLimited('sign-in attempts from this address', r.retryAfterSeconds);
  }

  /** Refuses an address that sent too many bad credentials, before they are even looked up. */
  assertAddressNotBlocked(address: string): void {
    const r = this.failures.check(address);
    if (!r.allowed) throw DomainError.rateLimited('requests with invalid credentials from this address', r.retryAfterSeconds);
  }

  authFailed(address: string): void {
    this.failures.hit(address);
  }
}
