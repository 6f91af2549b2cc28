import { proxyToApi } from '../../../lib/proxy';

// REST, sign-in and the API docs on the dashboard's own origin (see lib/proxy.ts).
export const dynamic = 'force-dynamic';

export const GET = proxyToApi;
export const HEAD = proxyToApi;
export const POST = proxyToApi;
export const PUT = proxyToApi;
export const PATCH = proxyToApi;
export const DELETE = proxyToApi;
