import type { AccessProfile } from '@switchboard/k8s-model';

/**
 * Who is asking, however they proved it: an API token (directly or through a
 * dashboard session) or an OpenID Connect login. Every service method that reads
 * or changes something takes one.
 */
export interface Caller extends AccessProfile {
  readonly kind: 'token' | 'oidc' | 'system';
  /** Token id, "config" for SWITCHBOARD_ADMIN_TOKEN, or the OIDC subject. */
  readonly subject: string;
  readonly name: string;
  /** The stored token, when there is one (not for the configured admin or OIDC users). */
  readonly tokenId: string | null;
  /** Set when the request came with the session cookie: unsafe methods need its CSRF token. */
  readonly session: { readonly id: string; readonly csrfToken: string; readonly expiresAt: string } | null;
  readonly expiresAt: string | null;
}

/** The product acting on its own behalf at startup (demo clusters): never reachable from a request. */
export function systemCaller(name: string): Caller {
  return { kind: 'system', subject: name, name, tokenId: null, role: 'admin', grants: [], readScope: 'ALL', session: null, expiresAt: null };
}

/** How the audit log and logs name a caller: never a secret, always unambiguous. */
export function actorOf(c: Caller): string {
  if (c.kind === 'system') return `system:${c.name}`;
  return c.kind === 'oidc' ? `oidc:${c.name}` : c.tokenId ? `token:${c.name} (${c.tokenId.slice(0, 8)})` : `token:${c.name}`;
}

/** The key rate limits and idempotency keys are counted under. */
export function callerKey(c: Caller): string {
  return `${c.kind}:${c.subject}`;
}
