import { READ_SCOPES, type ReadScope, type Role, ROLES } from '@switchboard/k8s-model';
import { closedSet } from '../../graphql/closed-set.js';
import type { Caller } from '../caller.js';

export const RoleSet = closedSet<Role>('Role', ROLES, 'viewer reads the catalog; operator also changes services and ingresses where a grant allows; admin also clusters, tokens, grants and the audit log');
export const ReadScopeSet = closedSet<ReadScope>('ReadScope', READ_SCOPES, 'ALL: reads the whole catalog; GRANTS: only what its grants cover');

export type TokenStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';
export const TokenStatusSet = closedSet<TokenStatus>('TokenStatus', ['ACTIVE', 'EXPIRED', 'REVOKED']);

export type IdentityKind = Caller['kind'];
export const IdentityKindSet = closedSet<IdentityKind>('IdentityKind', ['token', 'oidc', 'system'], 'token: an API token (or a session signed in with one); oidc: signed in through OpenID Connect; system: the API acting on its own');
