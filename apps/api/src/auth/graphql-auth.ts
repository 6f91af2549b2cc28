import type { Request } from 'express';
import type { WebSocket } from 'ws';
import type { Authenticator } from './authenticator.service.js';
import type { Caller } from './caller.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import type { SubscriberSockets } from './subscriber-sockets.service.js';

type WsExtra = { request: Request; socket: WebSocket; caller?: Caller };
type WsContext = { connectionParams?: Record<string, unknown> | undefined; extra: unknown };

/**
 * graphql-ws handshake: the token comes in connectionParams ({ authorization:
 * "Bearer …" }) or, for a same-origin page, the session cookie. A cookie from
 * another origin is ignored (cross-site WebSocket hijacking). Refused → 4403.
 * Accepted sockets are tracked, so they close when their credentials end.
 */
export function graphqlWsOnConnect(authenticator: Authenticator, allowedOrigins: readonly string[], sockets: SubscriberSockets) {
  return async (ctx: WsContext): Promise<boolean> => {
    const params = ctx.connectionParams ?? {};
    const raw = params['authorization'] ?? params['Authorization'];
    const extra = ctx.extra as WsExtra;
    const req = extra.request;
    let cookie: string | undefined;
    if (readCookie(req.headers.cookie, SESSION_COOKIE) && sameOrigin(req, allowedOrigins)) cookie = req.headers.cookie;
    try {
      const caller = await authenticator.authenticate({ authorization: typeof raw === 'string' ? raw : undefined, cookie });
      if (!caller) return false;
      extra.caller = caller;
      sockets.track(extra.socket, caller);
      return true;
    } catch {
      return false;
    }
  };
}

function sameOrigin(req: Request, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The context every resolver sees: the HTTP request's caller, or the WebSocket's. */
export function graphqlContext(arg: { req?: Request & { caller?: Caller }; extra?: { caller?: Caller } }): Record<string, unknown> {
  if (arg.req) return { req: arg.req, caller: arg.req.caller };
  return { extra: arg.extra, caller: arg.extra?.caller };
}
