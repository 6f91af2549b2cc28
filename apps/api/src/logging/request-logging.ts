import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { actorOf, type Caller } from '../auth/caller.js';

/** Probes every few seconds from every kubelet, and Prometheus' scrapes: not worth a line each. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
/** A client's request id is kept when it is a plain token (so it can be searched for), else replaced. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type Req = IncomingMessage & { caller?: Caller; body?: unknown; originalUrl?: string; query?: Record<string, unknown> };

const pathOf = (req: Req) => (req.originalUrl ?? req.url ?? '').split('?')[0]!;

/** The GraphQL operation a request ran, by its name (POST body or GET query). */
function operationOf(req: Req): string | undefined {
  if (pathOf(req) !== '/graphql') return undefined;
  const fromBody = (req.body as { operationName?: unknown } | undefined)?.operationName;
  const name = typeof fromBody === 'string' ? fromBody : req.query?.operationName;
  return typeof name === 'string' && name ? name : undefined;
}

/**
 * One line per HTTP request when it ends: request id (the client's X-Request-Id or a new
 * one, returned in the response), method, route without its query string (which may
 * carry an OIDC code), status, duration, the caller's identity and the GraphQL operation.
 * Never headers or bodies. Installed before the auth gate, so refusals are logged too.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp<Req, ServerResponse>({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // The request's logger carries only its id, so every line written while serving it (and this one) is findable by it.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req as Req)) },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: { method: string; raw: Req }) => ({ method: req.method, route: pathOf(req.raw) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customSuccessObject: (req, _res, val) => ({ ...val, caller: req.caller ? actorOf(req.caller) : undefined, operation: operationOf(req) }),
    // pino-http's "error" for a 5xx is its own stand-in; what failed is logged where it failed (the errors filter).
    customErrorObject: (req, _res, _err, val) => ({ ...val, err: undefined, caller: req.caller ? actorOf(req.caller) : undefined, operation: operationOf(req) }),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  });
}
