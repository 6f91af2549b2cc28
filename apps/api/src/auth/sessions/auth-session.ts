import type { GrantScope, ReadScope, Role } from '@switchboard/k8s-model';

/** A dashboard login. Token sessions read role and grants from their token on every request. */
export interface AuthSessionRecord {
  readonly id: string;
  readonly kind: 'token' | 'oidc';
  readonly tokenId: string | null;
  readonly subject: string;
  readonly name: string;
  readonly role: Role;
  readonly grants: readonly GrantScope[];
  readonly readScope: ReadScope;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export type NewAuthSession = Omit<AuthSessionRecord, 'revokedAt'>;
