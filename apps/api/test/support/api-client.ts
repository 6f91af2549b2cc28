import type { RunningApp } from './test-app.js';

export async function gql<T = any>(api: RunningApp, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; data: T; errors?: { message: string; extensions: { code: string; details?: unknown[] } }[] }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  return { status: res.status, data: body.data, errors: body.errors };
}

export async function rest<T = any>(api: RunningApp, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
