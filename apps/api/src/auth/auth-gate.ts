import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { toErrorBody } from '../errors/to-error-body.js';
import { Authenticator } from './authenticator.service.js';
import type { Caller } from './caller.js';
import { CSRF_HEADER } from './cookies.js';
import { RateLimits } from './rate-limits.service.js';
import { sameSecret } from './secrets.js';
import { setSecurityHeaders } from './security-headers.js';

/** Reachable without credentials. Everything else — GraphQL, REST, docs — needs a caller. */
export const OPEN_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/api/v1/auth/login', '/api/v1/auth/providers', '/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RequestWithCaller = Request & { caller?: Caller };

/**
 * Express middleware in front of every route (registered before Nest's router and
 * Apollo): security headers, then authentication — deny by default — and CSRF for
 * cookie sessions. Authorisation proper happens in the services.
 */
@Injectable()
export class AuthGate {
  private readonly logger = new Logger('Auth');
  private readonly open: Set<string>;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.open = new Set(OPEN_PATHS);
    if (config.auth.metricsPublic) this.open.add('/metrics');
  }

  readonly handle = (req: RequestWithCaller, res: Response, next: NextFunction): void => {
    setSecurityHeaders(req, res);
    if (req.method === 'OPTIONS' || this.open.has(req.path)) return next();
    void this.authenticate(req).then(
      (caller) => {
        req.caller = caller;
        next();
      },
      (err) => this.refuse(req, res, err),
    );
  };

  private async authenticate(req: Request): Promise<Caller> {
    const address = req.ip ?? 'unknown';
    const presented = Boolean(req.headers.authorization) || Boolean(req.headers.cookie?.includes('sb_session='));
    if (presented) this.limits.assertAddressNotBlocked(address);
    let caller: Caller | undefined;
    try {
      caller = await this.authenticator.authenticate({ authorization: req.headers.authorization, cookie: req.headers.cookie });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'UNAUTHENTICATED') {
        this.limits.authFailed(address);
        this.logger.warn(`refused ${req.method} ${req.path} from ${address}: ${err.message}`);
      }
      throw err;
    }
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'authentication required: send "Authorization: Bearer <token>" or sign in to the dashboard');
    // A cookie arrives with cross-site requests too; only our own pages can read the CSRF cookie to echo it.
    if (caller.session && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, caller.session.csrfToken)) {
        throw new DomainError('CSRF_FAILED', `requests signed in with the session cookie must send the ${CSRF_HEADER} header with the value of the sb_csrf cookie`);
      }
    }
    return caller;
  }

  private refuse(req: Request, res: Response, err: unknown): void {
    const { status, body, retryAfterSeconds } = toErrorBody(err);
    if (retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="switchboard"');
    if (req.path === '/graphql') {
      res.status(status).json({ errors: [{ message: body.message, extensions: { code: body.code, details: body.details } }] });
      return;
    }
    res.status(status).json({ error: body });
  }
}
