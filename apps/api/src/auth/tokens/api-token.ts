import type { GrantScope, ReadScope, Role } from '@switchboard/k8s-model';

export interface GrantRecord extends GrantScope {
  readonly id: string;
  readonly tokenId: string;
  readonly createdAt: string;
}

/** A stored API token: everything but the secret, which only its SHA-256 represents. */
export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly readScope: ReadScope;
  readonly createdBy: string | null;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly createdAt: string;
  readonly grants: readonly GrantRecord[];
}

export interface NewApiToken {
  name: string;
  tokenHash: string;
  prefix: string;
  role: Role;
  readScope: ReadScope;
  createdBy: string;
  expiresAt: Date | null;
  grants: { clusterId: string | null; namespacePattern: string }[];
}
