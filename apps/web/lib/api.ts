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

export type Fetched<T> = { ok: true; value: T } | { ok: false; error: string };

/** Server-side fetch with a short timeout; a failure becomes a value the page can show. */
export async function fetchJson<T>(path: string, acceptStatus: number[] = [200]): Promise<Fetched<T>> {
  try {
    const res = await fetch(`${apiUrl}${path}`, { cache: 'no-store', signal: AbortSignal.timeout(3000) });
    if (!acceptStatus.includes(res.status)) return { ok: false, error: `${path} answered HTTP ${res.status}` };
    return { ok: true, value: (await res.json()) as T };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return { ok: false, error: `API at ${apiUrl} is not answering${cause}` };
  }
}
