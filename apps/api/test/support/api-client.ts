import type { RunningApp } from './test-app.js';
import { TEST_ADMIN_TOKEN } from './test-database.js';

/** Request headers: the admin token unless a test passes its own Authorization (or `authorization: ''` for none). */
export function withAuth(headers: Record<string, string> = {}, token = TEST_ADMIN_TOKEN): Record<string, string> {
  const out = { ...headers };
  const key = Object.keys(out).find((k) => k.toLowerCase() === 'authorization');
  if (key === undefined) out.authorization = `Bearer ${token}`;
  else if (!out[key]) delete out[key];
  return out;
}

export async function gql<T = any>(api: RunningApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ status: number; data: T; errors?: { message: string; extensions: { code: string; details?: unknown[]; retryAfterSeconds?: number } }[] }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: withAuth({ 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as any;
  return { status: res.status, data: body.data, errors: body.errors };
}

export async function rest<T = any>(api: RunningApp, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: withAuth(body === undefined ? headers : { 'content-type': 'application/json', ...headers }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
