import { apiUrl } from './config';

// Hop-by-hop headers, and what fetch() has already undone (it decodes the body).
const DROP_REQUEST = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length']);
const DROP_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'set-cookie']);

/**
 * Forwards a browser request to the API unchanged: the session cookie lives on the
 * dashboard's origin, so the browser never talks to the API directly and the dashboard
 * never acts with credentials of its own — each request carries only the user's.
 */
export async function proxyToApi(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROP_REQUEST.has(name)) headers.set(name, value);
  });
  // Next's server fills these from the socket; keep what a proxy in front of it said.
  if (!headers.has('x-forwarded-proto')) headers.set('x-forwarded-proto', incoming.protocol.replace(':', ''));
  if (!headers.has('x-forwarded-host')) headers.set('x-forwarded-host', request.headers.get('host') ?? incoming.host);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let answer: Response;
  try {
    answer = await fetch(`${apiUrl}${incoming.pathname}${incoming.search}`, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      cache: 'no-store',
    });
  } catch {
    return Response.json({ error: { code: 'API_UNREACHABLE', message: `the dashboard cannot reach the API at ${apiUrl}`, details: [] } }, { status: 502 });
  }
  const out = new Headers();
  answer.headers.forEach((value, name) => {
    if (!DROP_RESPONSE.has(name)) out.set(name, value);
  });
  for (const cookie of answer.headers.getSetCookie()) out.append('set-cookie', cookie);
  return new Response(answer.body, { status: answer.status, headers: out });
}
