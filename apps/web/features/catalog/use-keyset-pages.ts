'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiProblem } from '../../lib/graphql/errors';
import { PAGE_SIZE } from './catalog-data';

export interface KeysetPage<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Fetches the page that starts after `after` (null: the first), `first` items long;
 * throws an ApiProblem. An aborted `signal` cancels the request (the promise rejects).
 */
export type FetchPage<T> = (after: string | null, first: number, signal?: AbortSignal) => Promise<KeysetPage<T>>;

/** What the server rendered for a view: its first page, or why there is none. */
export type InitialPage<T> = { key: string; page: KeysetPage<T>; problem?: undefined } | { key: string; page?: undefined; problem: ApiProblem };

interface Loaded<T> {
  /** The cursor this page starts after: a position in the sort order, valid even if its row is gone. */
  after: string | null;
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** Changed upstream since it was loaded (refreshed when it scrolls into view). */
  stale: boolean;
}

interface State<T> {
  key: string;
  pages: Loaded<T>[];
  totalCount: number;
  status: 'loading' | 'ready' | 'error';
  problem: ApiProblem | null;
  /** A request for the shown view is under way (filters changed, or a live refresh). */
  updating: boolean;
  moreProblem: ApiProblem | null;
}

// A refresh asks for more than a page holds, so rows added inside a page's range since it
// was loaded still reach as far as the next page's start (the API's maximum is 100).
const REFRESH_SIZE = 100;
/** The longest a new view waits for the previous view's request to be answered before it is sent anyway. */
const WAIT_FOR_PREVIOUS_MS = 400;

const asProblem = (e: unknown): ApiProblem => (e && typeof e === 'object' && 'code' in e ? (e as ApiProblem) : { code: 'UNKNOWN', message: e instanceof Error ? e.message : String(e) });

/**
 * A list read page by page over the API's keyset cursors — never everything — that
 * stays current: `refresh` re-reads the loaded pages near the viewport, each from its
 * own start cursor, and stitches them so rows added or removed meanwhile appear or
 * vanish in place (no jump to the top, no duplicate, no gap).
 */
export function useKeysetPages<T extends { id: string }>(key: string, fetchPage: FetchPage<T> | null, initial: InitialPage<T> | null) {
  const fromInitial = (k: string): State<T> | null => {
    if (!initial || initial.key !== k) return null;
    if (!initial.page) return { key: k, pages: [], totalCount: 0, status: 'error', problem: initial.problem, updating: false, moreProblem: null };
    return { key: k, pages: [{ after: null, ...initial.page, stale: false }], totalCount: initial.page.totalCount, status: 'ready', problem: null, updating: false, moreProblem: null };
  };
  const [state, setState] = useState<State<T>>(() => fromInitial(key) ?? { key, pages: [], totalCount: 0, status: fetchPage ? 'loading' : 'ready', problem: null, updating: !!fetchPage, moreProblem: null });
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;
  const busy = useRef({ more: false, refresh: false, refreshAgain: false });
  // The request for the current view's first page (aborted when the list unmounts).
  const inflight = useRef<AbortController | null>(null);
  useEffect(() => () => inflight.current?.abort(), []);
  /** Settles when the last first-page request is answered (or was never sent). */
  const settled = useRef<Promise<void>>(Promise.resolve());

  // The server-rendered page seeds the view it was rendered for, once (a later visit to
  // the same view reads it afresh); a new server render (e.g. router.refresh) seeds again.
  const consumed = useRef(initial);

  // A new view: its first page.
  useEffect(() => {
    const seed = initial && initial !== consumed.current ? fromInitial(key) : null;
    if (!seed && stateRef.current.key === key && (stateRef.current.status !== 'loading' || !fetchPage)) return;
    const gen = ++generation.current;
    // A superseded request that has not been sent yet never will be; one already sent is
    // left to finish (see below), its answer dropped.
    inflight.current = null;
    busy.current = { more: false, refresh: false, refreshAgain: false };
    if (seed) {
      consumed.current = initial;
      setState(seed);
      return;
    }
    if (!fetchPage) {
      setState({ key, pages: [], totalCount: 0, status: 'ready', problem: null, updating: false, moreProblem: null });
      return;
    }
    // The previous rows stay visible (marked as updating) until the new ones arrive.
    setState((s) => ({ ...s, key, updating: true, status: s.pages.length ? s.status : 'loading' }));
    const ctl = new AbortController();
    inflight.current = ctl;
    // One first-page request at a time: while one is out, newer views wait for it (at most
    // WAIT_FOR_PREVIOUS_MS) and only the newest is sent. Typing a search fires a view per
    // pause; an aborted fetch still runs to its end in the API, so sent at once they ran
    // side by side and the last term's answer queued behind the broad early ones ("f", "fr").
    const previous = settled.current;
    const request = Promise.race([previous, new Promise((r) => setTimeout(r, WAIT_FOR_PREVIOUS_MS))]).then(() => {
      if (gen !== generation.current || ctl.signal.aborted) return Promise.reject(new DOMException('superseded', 'AbortError'));
      return fetchPage(null, PAGE_SIZE, ctl.signal);
    });
    settled.current = request.then(
      () => undefined,
      () => undefined,
    );
    request.then(
      (page) => {
        // Answers of a superseded view are never shown (aborted or not, they lose to the newer one).
        if (gen !== generation.current) return;
        inflight.current = null;
        setState({ key, pages: [{ after: null, ...page, stale: false }], totalCount: page.totalCount, status: 'ready', problem: null, updating: false, moreProblem: null });
      },
      (e) => {
        if (gen !== generation.current) return;
        inflight.current = null;
        setState({ key, pages: [], totalCount: 0, status: 'error', problem: asProblem(e), updating: false, moreProblem: null });
      },
    );
    // fromInitial reads `initial`, a dependency already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetchPage, initial]);

  const loadMore = useCallback(async () => {
    const s = stateRef.current;
    const last = s.pages.at(-1);
    const fetch = fetchRef.current;
    if (!fetch || !last?.hasNextPage || busy.current.more || s.status !== 'ready' || s.key !== key) return;
    busy.current.more = true;
    const gen = generation.current;
    try {
      const page = await fetch(last.endCursor, PAGE_SIZE);
      if (gen !== generation.current) return;
      setState((cur) => {
        if (cur.pages.at(-1) !== last) return cur; // a refresh rewrote the tail meanwhile: ask again later
        return { ...cur, pages: [...cur.pages, { after: last.endCursor, ...page, stale: false }], totalCount: page.totalCount, moreProblem: null };
      });
    } catch (e) {
      if (gen === generation.current) setState((cur) => ({ ...cur, moreProblem: asProblem(e) }));
    } finally {
      if (gen === generation.current) busy.current.more = false;
    }
  }, [key]);

  const lastRange = useRef<[number, number]>([0, 0]);
  /**
   * Re-reads the pages holding items [from, to] (plus one page either side); every other
   * loaded page is marked stale and re-read when it is next in view. Calls while one
   * runs are folded into one more run afterwards.
   */
  const refresh = useCallback(async function run(from: number, to: number): Promise<void> {
    lastRange.current = [from, to];
    const fetch = fetchRef.current;
    const s = stateRef.current;
    if (!fetch || s.status === 'loading') return;
    if (busy.current.refresh) {
      busy.current.refreshAgain = true;
      return;
    }
    busy.current.refresh = true;
    const gen = generation.current;
    let again = false;
    try {
      if (s.status === 'error' || s.pages.length === 0) {
        // Nothing shown yet (or the last try failed): start over.
        const page = await fetch(null, PAGE_SIZE);
        if (gen === generation.current) setState((cur) => ({ ...cur, pages: [{ after: null, ...page, stale: false }], totalCount: page.totalCount, status: 'ready', problem: null, moreProblem: null }));
        return;
      }
      const pick = pagesFor(s.pages, from, to);
      const fresh = await Promise.all(pick.map((i) => fetch(s.pages[i]!.after, REFRESH_SIZE)));
      if (gen !== generation.current) return;
      if (stateRef.current.pages !== s.pages) {
        again = true; // paged on meanwhile: read again over the new pages
        return;
      }
      const pages = stitch(s.pages, pick, fresh);
      setState((cur) => ({ ...cur, pages, totalCount: fresh[0]?.totalCount ?? cur.totalCount, moreProblem: null }));
    } catch (e) {
      // A failed live refresh keeps what is shown; the list says it may be behind.
      if (gen === generation.current) setState((cur) => ({ ...cur, moreProblem: asProblem(e) }));
    } finally {
      if (gen === generation.current) {
        busy.current.refresh = false;
        if (again || busy.current.refreshAgain) {
          busy.current.refreshAgain = false;
          void run(...lastRange.current);
        }
      }
    }
  }, []);

  // While a new view loads, the previous one's rows stay (marked as updating), never a blank.
  const items = useMemo(() => flatten(state.pages), [state.pages]);
  const stale = state.pages.map((p) => p.stale);
  const lastPage = state.pages.at(-1);
  return {
    items,
    totalCount: state.totalCount,
    hasNextPage: !!lastPage?.hasNextPage,
    status: state.status,
    problem: state.problem,
    moreProblem: state.moreProblem,
    /** Showing an earlier view's rows while the current one loads. */
    updating: state.updating || state.key !== key,
    loadMore,
    refresh,
    /** Whether any page holding items [from, to] is stale. */
    hasStaleIn: (from: number, to: number) => pagesFor(state.pages, from, to).some((i) => stale[i]),
  };
}

/** Items in page order, each id once (a re-read page may overlap the next). */
function flatten<T extends { id: string }>(pages: Loaded<T>[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const p of pages) for (const item of p.items) if (!seen.has(item.id)) (seen.add(item.id), out.push(item));
  return out;
}

/** Indexes of the pages holding items [from, to], widened by one page each side. */
function pagesFor<T>(pages: Loaded<T>[], from: number, to: number): number[] {
  const out: number[] = [];
  let start = 0;
  pages.forEach((p, i) => {
    const end = start + p.items.length;
    if (end > from - PAGE_SIZE && start <= to + PAGE_SIZE) out.push(i);
    start = end;
  });
  if (out.length === 0 && pages.length) out.push(pages.length - 1);
  return out;
}

/**
 * Puts re-read pages in place. A re-read page runs from its own start to at most
 * REFRESH_SIZE items: it is cut where the next page begins — after the row it used to
 * end with, or before the first row a later page holds. If it filled up without
 * reaching either, rows may lie between it and the next page: the pages after it are
 * dropped and paging continues from its new end.
 */
function stitch<T extends { id: string }>(pages: Loaded<T>[], picked: number[], fresh: KeysetPage<T>[]): Loaded<T>[] {
  const out = pages.map((p) => ({ ...p, stale: true }));
  const byIndex = new Map(picked.map((i, n) => [i, fresh[n]!]));
  let cutAfter: number | null = null;
  for (const i of [...picked].sort((a, b) => a - b)) {
    if (cutAfter !== null) break;
    const page = byIndex.get(i)!;
    const old = pages[i]!;
    if (i === pages.length - 1 || !page.hasNextPage) {
      // The last page, or nothing follows any more: the re-read page is the rest of the list.
      out[i] = { after: old.after, ...page, stale: false };
      if (i < pages.length - 1) cutAfter = i;
      continue;
    }
    const oldLast = old.items.at(-1)?.id;
    const later = new Set(pages.slice(i + 1).flatMap((p) => p.items.map((x) => x.id)));
    for (const x of byIndex.get(i + 1)?.items ?? []) later.add(x.id);
    let end = -1;
    for (let k = 0; k < page.items.length && end < 0; k++) {
      const id = page.items[k]!.id;
      if (id === oldLast) end = k + 1;
      else if (later.has(id)) end = k;
    }
    if (end >= 0) {
      // It still ends where the next page starts (its old end cursor).
      out[i] = { ...old, items: page.items.slice(0, end), stale: false };
    } else {
      out[i] = { after: old.after, ...page, stale: false };
      cutAfter = i;
    }
  }
  return cutAfter === null ? out : out.slice(0, cutAfter + 1);
}
