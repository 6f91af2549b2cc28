/**
 * Grants name namespaces by glob: `team-a`, `team-a-*`, `*`. `*` matches any run of
 * characters and `?` one character; everything else is literal. A pattern is a
 * DNS-1123 label with wildcards, so a typo cannot silently grant nothing or all.
 */
const PATTERN = /^[a-z0-9*?]([-a-z0-9*?]*[a-z0-9*?])?$/;

export function namespacePatternError(pattern: string): string | undefined {
  if (pattern.length === 0) return 'must not be empty (use * for every namespace)';
  if (pattern.length > 63) return 'must be at most 63 characters';
  if (!PATTERN.test(pattern)) {
    return 'must be a namespace name with optional * and ? wildcards (lower-case letters, digits and -; e.g. team-a or team-a-*)';
  }
  return undefined;
}

export function namespaceMatches(pattern: string, namespace: string): boolean {
  if (pattern === '*') return true;
  let re = '^';
  for (const ch of pattern) re += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`${re}$`).test(namespace);
}

/** The same pattern for SQL `LIKE … ESCAPE '\'`. */
export function namespacePatternToLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%').replace(/\?/g, '_');
}
