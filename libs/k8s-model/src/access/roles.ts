/** viewer reads the catalog; operator also changes services and ingresses; admin also clusters, tokens, grants, audit. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const READ_SCOPES = ['ALL', 'GRANTS'] as const;
export type ReadScope = (typeof READ_SCOPES)[number];

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** true when `role` has every right of `needed`. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The highest of several roles (OIDC users may carry several in a claim), or undefined. */
export function highestRole(roles: readonly unknown[]): Role | undefined {
  let best: Role | undefined;
  for (const r of roles) if (isRole(r) && (!best || RANK[r] > RANK[best])) best = r;
  return best;
}
