// Runs in every API test file (vitest setupFiles): records every answer the API gives
// (over HTTP; kube-sim's https answers are not ours) and every line the process writes,
// for leak-check.global.ts to scan at the end of the whole suite (for credentials, and
// against the OpenAPI document), and counts the mutation requests each test app
// received for the audit-completeness check.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { inject } from 'vitest';
import { type AuditedRequest, recorder } from './leak-registry.js';

const dir = inject('leakDir');
const file = path.join(dir, `${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
const write = (entry: object) => appendFileSync(file, `${JSON.stringify(entry)}\n`);

const state = recorder();
state.log = (text: string) => write({ kind: 'log', text });

for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    state.log(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
}

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const res = await realFetch(input, init);
  const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
  if (url.protocol !== 'http:') return res;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const requestBody = typeof init?.body === 'string' ? init.body : '';
  const text = await res.clone().text();
  const creation = (method === 'POST' && url.pathname === '/api/v1/tokens') || (url.pathname === '/graphql' && /\bcreateToken\b/.test(requestBody));
  write({ kind: 'response', method, path: url.pathname, status: res.status, contentType: res.headers.get('content-type') ?? '', creation, text, setCookie: res.headers.getSetCookie() });
  const audited = auditedRequests(method, url, requestBody, res.status, text);
  if (audited) for (let i = 0; i < audited; i++) state.requests(url.origin).push({ method, path: url.pathname, status: res.status } satisfies AuditedRequest);
  return res;
}) as typeof fetch;

/** POST routes that compute an answer from the body and change nothing (too large for a query string). */
const READ_ONLY_POSTS = [/^\/api\/v1\/connectivity\/analyze$/, /^\/api\/v1\/clusters\/[^/]+\/connectivity\/what-if$/];

/** How many audit rows a request must leave: one per mutation that got past authentication. */
function auditedRequests(method: string, url: URL, body: string, status: number, text: string): number {
  const code = (() => {
    try {
      const j = JSON.parse(text);
      return (j.error?.code ?? j.errors?.[0]?.extensions?.code) as string | undefined;
    } catch {
      return undefined;
    }
  })();
  if (code === 'UNAUTHENTICATED' || code === 'CSRF_FAILED' || (code === 'RATE_LIMITED' && /from this address/.test(text))) return 0;
  if (url.pathname === '/graphql' && method === 'POST') {
    if (status === 400) return 0; // never executed: not a valid operation
    try {
      const { query, operationName } = JSON.parse(body) as { query: string; operationName?: string };
      const ops = parse(query).definitions.filter((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation' && (!operationName || d.name?.value === operationName));
      return ops.reduce((n, op) => n + (op.kind === 'OperationDefinition' ? op.selectionSet.selections.filter((s) => s.kind === 'Field' && !s.name.value.startsWith('__')).length : 0), 0);
    } catch {
      return 0;
    }
  }
  if (!url.pathname.startsWith('/api/v1/') || method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 0;
  if (url.pathname.startsWith('/api/v1/auth/')) return 0; // sign-in and sign-out are sessions, not changes
  if (READ_ONLY_POSTS.some((p) => p.test(url.pathname))) return 0;
  return 1;
}
