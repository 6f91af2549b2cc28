import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nonce?: string;
  [claim: string]: unknown;
}

/** Signature algorithms accepted (never "none", never HMAC with a public key). */
const ALGORITHMS: Record<string, { hash: string; pss?: boolean; ecdsa?: boolean }> = {
  RS256: { hash: 'sha256' },
  RS384: { hash: 'sha384' },
  RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', pss: true },
  ES256: { hash: 'sha256', ecdsa: true },
  ES384: { hash: 'sha384', ecdsa: true },
};

export class IdTokenError extends Error {}

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** The header, to pick the key by `kid` before verifying. */
export function idTokenHeader(jwt: string): { alg: string; kid?: string } {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new IdTokenError('the ID token is not a signed JWT');
  return decode(parts[0]!) as { alg: string; kid?: string };
}

/**
 * Verifies an OpenID Connect ID token: signature with the provider's key, issuer,
 * audience, expiry (60 s leeway) and the nonce of this login.
 */
export function verifyIdToken(jwt: string, key: JsonWebKey, expected: { issuer: string; clientId: string; nonce: string; now?: number }): IdTokenClaims {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const header = idTokenHeader(jwt);
  const alg = ALGORITHMS[header.alg];
  if (!alg) throw new IdTokenError(`the ID token is signed with ${header.alg}, which is not accepted`);
  const publicKey = createPublicKey({ key, format: 'jwk' });
  const ok = verify(alg.hash, Buffer.from(`${h}.${p}`), alg.ecdsa ? { key: publicKey, dsaEncoding: 'ieee-p1363' } : alg.pss ? { key: publicKey, padding: 6, saltLength: 32 } : publicKey, Buffer.from(s, 'base64url'));
  if (!ok) throw new IdTokenError('the ID token signature does not verify');
  const claims = decode(p) as IdTokenClaims;
  const now = (expected.now ?? Date.now()) / 1000;
  if (claims.iss !== expected.issuer) throw new IdTokenError(`the ID token was issued by "${claims.iss}", not "${expected.issuer}"`);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(expected.clientId)) throw new IdTokenError('the ID token is not meant for this client');
  if (typeof claims.exp !== 'number' || claims.exp < now - 60) throw new IdTokenError('the ID token has expired');
  if (claims.nonce !== expected.nonce) throw new IdTokenError('the ID token does not belong to this sign-in (nonce)');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new IdTokenError('the ID token has no subject');
  return claims;
}
