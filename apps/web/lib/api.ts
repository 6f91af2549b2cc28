import { headers } from 'next/headers';
import { apiUrl } from './config';

// The two REST answers outside the GraphQL schema: readiness (an ops endpoint) and the
// sign-in providers (asked before anyone is signed in).
export interface Readiness {
  status: string;
  reason?: string;
  ready: boolean;
  database: { kind: 'postgres' | 'pglite'; location: string; reachable: boolean; error?: string };
  migrations: { applied: number; pending: string[] };
}

export interface Providers {
  token: boolean;
  oidc: { enabled: boolean; loginUrl: string | null };
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; status?: number; error: string };

/** Server-side fetch with the browser's cookie and nothing else. A failure becomes a value the page can show. */
export async function fetchJson<T>(path: string, acceptStatus: number[] = [200]): Promise<Fetched<T>> {
  const cookie = (await headers()).get('cookie');
  try {
    const res = await fetch(`${apiUrl}${path}`, { cache: 'no-store', headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(3000) });
    if (!acceptStatus.includes(res.status)) {
      const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      return { ok: false, status: res.status, error: body?.error?.message ?? `${path} answered HTTP ${res.status}` };
    }
    return { ok: true, value: (await res.json()) as T };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return { ok: false, error: `API at ${apiUrl} is not answering${cause}` };
  }
}
