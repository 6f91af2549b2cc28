import { DomainError } from '../../errors/domain-error.js';
import type { FieldIssue } from '../../errors/error-codes.js';

/**
 * Opaque keyset cursors: the sort-key values of the last row seen, so pages stay
 * free of duplicates and gaps while rows are added or removed around them.
 */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: string, length: number): (string | number | null)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the error below
  }
  throw DomainError.validation([{ field, rule: 'cursor', message: 'is not a cursor this API returned (take it from pageInfo.endCursor, or nextCursor over REST)' }]);
}

export interface Page<T> {
  items: T[];
  /** One cursor per item: where the next page starts if it ended there. */
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  startCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | undefined | null, field = 'first'): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.validation([{ field, rule: 'range', message: `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}` }]);
  }
  return first;
}

/**
 * `first` and `after` checked together: every problem goes into `issues` (so a
 * request with several bad arguments hears about all of them at once).
 */
export function pageArgs(first: number | undefined | null, after: string | undefined | null, keyLength: number, issues: FieldIssue[]): { limit: number; after?: (string | number | null)[] } {
  const out: { limit: number; after?: (string | number | null)[] } = { limit: DEFAULT_PAGE_SIZE };
  try {
    out.limit = pageSize(first, 'first');
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    issues.push(...err.details);
  }
  if (after) {
    try {
      out.after = decodeCursor(after, 'after', keyLength);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      issues.push(...err.details);
    }
  }
  return out;
}
