import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../errors/domain-error.js';
import type { MutationOutcome } from '../mutation-outcome.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/** How long a key remembers its answer. */
const TTL_SECONDS = 24 * 3600;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** JSON with sorted keys, so the same request always hashes the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** A failure that is the answer to the request: something was applied, so a retry must not act again. */
const KEPT_FAILURES = new Set<string>(['PARTIALLY_APPLIED']);

type StoredFailure = { failure: { code: DomainError['code']; message: string; details: DomainError['details'] } };

/** The stored answer of a request that failed after changing something, given again to a retry. */
export class ReplayedFailure extends DomainError {}

/**
 * Runs a mutation at most once per idempotency key and caller: a retry with the same
 * key and the same request gets the first answer (marked `replayed`); the same key
 * with a different request is refused, as is a retry while the first is still running.
 * A failure that left something applied (PARTIALLY_APPLIED) is kept as the answer too;
 * only a failure before anything was applied frees the key.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly repo: IdempotencyRepository) {}

  async run(key: string | null | undefined, actor: string, operation: string, request: unknown, action: () => Promise<MutationOutcome>): Promise<MutationOutcome> {
    if (key === undefined || key === null || key === '') return action();
    if (!KEY_PATTERN.test(key)) {
      throw DomainError.validation([{ field: 'idempotencyKey', rule: 'format', message: 'must be 1 to 200 printable ASCII characters without spaces' }]);
    }
    const id = sha256(`${actor}\n${key}`);
    const hash = sha256(canonical({ operation, request }));
    const claim = await this.repo.claim(id, actor, operation, hash, TTL_SECONDS);
    if (claim.state !== 'claimed') {
      if (claim.requestHash !== hash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', `idempotency key "${key}" was already used for a different request; use a new key for a new request`, [
          { field: 'idempotencyKey', rule: 'reused', message: 'already used for a different request' },
        ]);
      }
      if (claim.state === 'pending') {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', `a request with idempotency key "${key}" is still running; retry when it has finished`);
      }
      const stored = claim.response as MutationOutcome | StoredFailure;
      if ('failure' in stored) throw new ReplayedFailure(stored.failure.code, stored.failure.message, stored.failure.details);
      return { ...stored, replayed: true };
    }
    let outcome: MutationOutcome;
    try {
      outcome = await action();
    } catch (err) {
      if (err instanceof DomainError && KEPT_FAILURES.has(err.code)) {
        await this.repo.complete(id, { failure: { code: err.code, message: err.message, details: err.details } } satisfies StoredFailure);
      } else {
        await this.repo.release(id).catch(() => undefined);
      }
      throw err;
    }
    // Not released if this fails: the change was made; the key stays taken until it is abandoned.
    await this.repo.complete(id, outcome);
    return outcome;
  }
}
