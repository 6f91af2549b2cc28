import { proxyToApi } from '../../lib/proxy';

// GraphQL queries and mutations with the user's session; subscriptions (WebSocket) go to the API directly.
export const dynamic = 'force-dynamic';

export const GET = proxyToApi;
export const POST = proxyToApi;
