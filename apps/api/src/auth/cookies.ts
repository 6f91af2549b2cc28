import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'sb_session';
/** Readable by the dashboard's scripts, which echo it in X-CSRF-Token (double submit). */
export const CSRF_COOKIE = 'sb_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** state, nonce and PKCE verifier of an OIDC sign-in in progress; only sent back to the callback. */
export const OIDC_COOKIE = 'sb_oidc';
const OIDC_PATH = '/api/v1/auth/oidc';

export function setOidcCookie(res: Response, value: string, secure: boolean): void {
  res.cookie(OIDC_COOKIE, value, { path: OIDC_PATH, sameSite: 'lax', secure, httpOnly: true, maxAge: 10 * 60_000 });
}

export function clearOidcCookie(res: Response, secure: boolean): void {
  res.clearCookie(OIDC_COOKIE, { path: OIDC_PATH, sameSite: 'lax', secure, httpOnly: true });
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** https as the browser saw it (behind a trusted proxy, express reads X-Forwarded-Proto). */
export function cameOverHttps(req: Request): boolean {
  return req.secure;
}

export function setSessionCookies(res: Response, value: { session: string; csrf: string; expiresAt: Date; secure: boolean }): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: value.secure, expires: value.expiresAt };
  res.cookie(SESSION_COOKIE, value.session, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, value.csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { path: '/', sameSite: 'lax', secure, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, { path: '/', sameSite: 'lax', secure });
}
