'use client';

import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { type Client as WsClient, createClient as createWsClient } from 'graphql-ws';
import { csrfToken } from './csrf';

/** idle: no open page subscribes (the socket is lazy: it opens with the first subscription, closes after the last). */
export type LiveConnection = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/**
 * The browser's GraphQL client: queries and mutations to the dashboard's own /graphql
 * (proxied to the API with the session cookie), subscriptions over one WebSocket to
 * the same origin (server.mjs carries the upgrade to the API). One per page load.
 */
export function createBrowserClient(onConnection: (state: LiveConnection) => void): { client: Client; ws: WsClient } {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  // Reconnecting only after a connection was lost; a lazy close (code 1000) is idle, not lost.
  let lost = false;
  const ws = createWsClient({
    url: `${protocol}//${window.location.host}/graphql`,
    lazy: true,
    lazyCloseTimeout: 3_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // 1 s, 2 s, 4 s … capped at 15 s, with jitter, so a restarted API is not stampeded.
    retryWait: (attempt) => new Promise((r) => setTimeout(r, Math.min(15_000, 1_000 * 2 ** attempt) * (0.75 + Math.random() / 2))),
    on: {
      connecting: () => onConnection(lost ? 'reconnecting' : 'connecting'),
      connected: () => {
        lost = false;
        onConnection('connected');
      },
      closed: (event) => {
        lost = (event as { code?: number } | undefined)?.code !== 1000;
        onConnection(lost ? 'reconnecting' : 'idle');
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken() } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, ws };
}
