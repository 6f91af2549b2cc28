import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { apiUrl } from './config';

export interface Readiness {
  status: string;
  reason?: string;
  ready: boolean;
  database: { kind: 'postgres' | 'pglite'; location: string; reachable: boolean; error?: string };
  migrations: { applied: number; pending: string[] };
}

export interface SystemInfo {
  version: string;
  role: string;
}

export interface Identity {
  name: string;
  kind: 'token' | 'oidc';
  role: 'viewer' | 'operator' | 'admin';
  readScope: 'ALL' | 'GRANTS';
  grants: { cluster: string | null; namespace: string }[];
  expiresAt: string | null;
}

export interface Providers {
  token: boolean;
  oidc: { enabled: boolean; loginUrl: string | null };
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; status?: number; error: string };

/**
 * Server-side fetch as the signed-in user: the browser's cookie header goes along,
 * nothing else — the dashboard holds no credential of its own. A failure becomes a
 * value the page can show.
 */
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

/** Pages that show catalog data send a visitor without a session to the sign-in page. */
export function requireSignIn<T>(fetched: Fetched<T>, here: string): Fetched<T> {
  if (!fetched.ok && fetched.status === 401) redirect(`/login?next=${encodeURIComponent(here)}`);
  return fetched;
}
