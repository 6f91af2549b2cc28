import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { apiUrl } from '../config';
import { type ApiProblem, problemOf } from './errors';

export type Result<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem };

/** The path the browser asked for (set by server.mjs), for the way back after sign-in. */
export async function requestPath(): Promise<string> {
  return (await headers()).get('x-switchboard-path') ?? '/';
}

/**
 * Runs a typed query as the signed-in user, from a server component: the browser's
 * cookie goes along and nothing else (the dashboard holds no credential of its own).
 * No session → the sign-in page, coming back here afterwards. Other failures come
 * back as a problem the page shows with what to do.
 */
export async function serverQuery<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V, opts: { notFound?: boolean } = {}): Promise<Result<R>> {
  const h = await headers();
  const cookie = h.get('cookie');
  let res: Response;
  try {
    // GET: queries only (GraphQL over HTTP refuses mutations over GET), and no CSRF token
    // is needed for a read the user's own navigation asked for.
    const url = `${apiUrl}/graphql?${new URLSearchParams({ query: print(document), variables: JSON.stringify(variables) })}`;
    res = await fetch(url, {
      cache: 'no-store',
      headers: { accept: 'application/graphql-response+json', ...(cookie ? { cookie } : {}) },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return { ok: false, problem: { code: 'API_UNREACHABLE', message: `the API at ${apiUrl} is not answering${cause}` } };
  }
  const body = (await res.json().catch(() => ({}))) as { data?: R | null; errors?: { message: string; extensions?: { code?: string } }[] };
  const problem = body.errors?.length || !body.data ? problemOf(body.errors, `the API answered HTTP ${res.status}`) : null;
  if (res.status === 401 || problem?.code === 'UNAUTHENTICATED') redirect(`/login?next=${encodeURIComponent(await requestPath())}`);
  if (problem?.code === 'NOT_FOUND' && opts.notFound) notFound();
  if (problem) return { ok: false, problem };
  return { ok: true, data: body.data as R };
}
