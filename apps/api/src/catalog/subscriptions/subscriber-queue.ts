import type { Observable } from 'rxjs';
import type { CatalogChange } from '../../change-feed/catalog-change.js';

type Keyed = { cluster: string; kind: string | null };

/** Events a subscriber may fall behind by before its backlog is coalesced. */
export const SUBSCRIBER_BACKLOG = 256;

/**
 * Turns an observable into the async iterator GraphQL subscriptions consume, with a
 * bounded backlog: when a slow subscriber is more than `limit` events behind, the
 * backlog is replaced by `coalesce(backlog)`, so memory never grows with its delay.
 */
export function subscriberQueue<T>(source: Observable<T>, coalesce: (backlog: T[]) => T[], limit = SUBSCRIBER_BACKLOG): AsyncIterableIterator<T> {
  let queue: T[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const sub = source.subscribe({
    next: (v) => {
      queue.push(v);
      if (queue.length > limit) queue = coalesce(queue);
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
  });
  const it: AsyncIterableIterator<T> = {
    async next() {
      while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
      if (queue.length) return { value: queue.shift()!, done: false };
      return { value: undefined, done: true };
    },
    async return() {
      sub.unsubscribe();
      done = true;
      wake?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

/**
 * A catalog backlog as one RELIST ("anything of this kind may have changed: read it
 * again") per cluster × kind it touched, in the order they first appeared.
 */
export function asRelists<T extends Omit<CatalogChange, 'at'>>(backlog: T[]): T[] {
  const out = new Map<string, T>();
  for (const c of backlog) out.set(`${c.cluster}\n${c.kind}`, { ...c, op: 'RELIST', objects: [] });
  return [...out.values()];
}

/** A status backlog as the latest state of each cluster × kind. */
export function latestStatuses<T extends Keyed>(backlog: T[]): T[] {
  const out = new Map<string, T>();
  for (const c of backlog) {
    const key = `${c.cluster}\n${c.kind}`;
    out.delete(key);
    out.set(key, c);
  }
  return [...out.values()];
}
