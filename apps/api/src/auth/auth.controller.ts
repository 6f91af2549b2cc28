import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiTextQuery } from '../catalog/shared/query-docs.js';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthService } from './auth.service.js';
import type { Caller } from './caller.js';
import { DomainError } from '../errors/domain-error.js';
import { cameOverHttps, clearOidcCookie, clearSessionCookies, OIDC_COOKIE, readCookie, setOidcCookie, setSessionCookies } from './cookies.js';
import { OidcService, type PendingLogin } from './oidc/oidc.service.js';
import { CurrentCaller } from './current-caller.decorator.js';
import { LoginBody, LoginResult, MeModel, ProvidersResult } from './dto/caller.model.js';
import { toMeModel } from './dto/to-models.js';

export const OIDC_LOGIN_PATH = '/api/v1/auth/oidc/login';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResult, description: 'Sets the httpOnly sb_session cookie and the sb_csrf cookie' })
  @ApiErrors(401, 422, 429, 503)
  async login(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: LoginBody): Promise<LoginResult> {
    const { caller, session } = await this.auth.login(req.ip ?? 'unknown', body);
    setSessionCookies(res, { session: session.cookie, csrf: session.csrfToken, expiresAt: session.expiresAt, secure: this.secure(req) });
    return { identity: toMeModel({ ...caller, session: { id: '', csrfToken: '', expiresAt: session.expiresAt.toISOString() } }), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is over; its cookies are cleared' })
  @ApiErrors(400, ...AUTHENTICATED, 403)
  async logout(@CurrentCaller() caller: Caller, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(caller);
    clearSessionCookies(res, this.secure(req));
  }

  @Get('me')
  @ApiOkResponse({ type: MeModel })
  @ApiErrors(...AUTHENTICATED)
  me(@CurrentCaller() caller: Caller): MeModel {
    return toMeModel(caller);
  }

  @Get('providers')
  @ApiOkResponse({ type: ProvidersResult, description: 'How one can sign in (no authentication needed)' })
  providers(): ProvidersResult {
    return { token: true, oidc: { enabled: this.config.auth.oidc !== null, loginUrl: this.config.auth.oidc ? OIDC_LOGIN_PATH : null } };
  }

  @Get('oidc/login')
  @ApiTextQuery('returnTo', 'Dashboard path to go back to after signing in (default /)')
  @ApiFoundResponse({ description: 'To the identity provider', headers: { Location: { description: 'The provider’s authorization URL', schema: { type: 'string' } } } })
  @ApiErrors(404, 502)
  async oidcLogin(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string): Promise<void> {
    const { redirect, pending } = await this.oidc.begin(returnTo);
    setOidcCookie(res, Buffer.from(JSON.stringify(pending)).toString('base64url'), this.secure(req));
    res.redirect(302, redirect);
  }

  /** The provider's way back. Failures go to the sign-in page with the reason, not to a JSON dead end. */
  @Get('oidc/callback')
  @ApiFoundResponse({ description: 'Signed in: back to the dashboard page asked for; refused: to /login?error=<reason>', headers: { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } } })
  async oidcCallback(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const secure = this.secure(req);
    clearOidcCookie(res, secure);
    try {
      const { session, returnTo } = await this.oidc.complete(query, pendingFrom(readCookie(req.headers.cookie, OIDC_COOKIE)));
      setSessionCookies(res, { session: session.cookie, csrf: session.csrfToken, expiresAt: session.expiresAt, secure });
      res.redirect(302, returnTo);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      res.redirect(302, `/login?error=${encodeURIComponent(err.message)}`);
    }
  }

  private secure(req: Request): boolean {
    const s = this.config.auth.cookieSecure;
    return s === 'auto' ? cameOverHttps(req) : s;
  }
}

function pendingFrom(cookie: string | undefined): PendingLogin | undefined {
  if (!cookie) return undefined;
  try {
    const p = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as PendingLogin;
    return typeof p.state === 'string' && typeof p.nonce === 'string' && typeof p.verifier === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}
