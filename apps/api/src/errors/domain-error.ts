import type { ErrorCode, FieldIssue } from './error-codes.js';

/**
 * An error the user is meant to see: stable code, plain message, and for input
 * problems every field at fault. Mapped to HTTP and GraphQL in one filter.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly FieldIssue[] = [],
    /** RATE_LIMITED: when to try again (HTTP Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} not found`);
  }

  static rateLimited(what: string, retryAfterSeconds: number): DomainError {
    return new DomainError('RATE_LIMITED', `too many ${what}; try again in ${retryAfterSeconds} s`, [], retryAfterSeconds);
  }

  static validation(details: readonly FieldIssue[], message?: string): DomainError {
    const one = details.length === 1 ? details[0]! : undefined;
    const summary = message ?? (one ? (one.field && !one.message.startsWith(`${one.field}:`) ? `${one.field}: ${one.message}` : one.message) : `${details.length} fields are invalid`);
    return new DomainError('VALIDATION_FAILED', summary, details);
  }
}
