import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** API tokens look like `sbt_<43 base64url characters>` (256 random bits), so scanners can spot a leaked one. */
export const TOKEN_PREFIX = 'sbt_';

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A random value for cookies and CSRF tokens. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Stored instead of the secret: a database reader cannot log in with it. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The first characters users see in token lists, enough to tell tokens apart. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}
