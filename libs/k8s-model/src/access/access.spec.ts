import { describe, expect, it } from 'vitest';
import {
  describeGrants,
  highestRole,
  namespaceMatches,
  namespacePatternError,
  namespacePatternToLike,
  readScopeOf,
  roleAtLeast,
  scopeCovers,
  scopeTouchesCluster,
  writeScopeOf,
  type GrantScope,
} from '../index.js';

const teamA: GrantScope = { clusterId: 'c1', clusterName: 'alpha', namespacePattern: 'team-a-*' };
const everywhereB: GrantScope = { clusterId: null, clusterName: null, namespacePattern: 'team-b' };

describe('namespace patterns', () => {
  it.each<[string, string, boolean]>([
    ['*', 'anything', true],
    ['team-a', 'team-a', true],
    ['team-a', 'team-ab', false],
    ['team-a-*', 'team-a-web', true],
    ['team-a-*', 'team-a', false],
    ['team-?', 'team-b', true],
    ['team-?', 'team-bb', false],
    ['*-prod', 'shop-prod', true],
  ])('%s matches %s: %s', (pattern, ns, expected) => expect(namespaceMatches(pattern, ns)).toBe(expected));

  it('turns globs into LIKE patterns with literal _ and %', () => {
    expect(namespacePatternToLike('team-a-*')).toBe('team-a-%');
    expect(namespacePatternToLike('t?')).toBe('t_');
  });

  it('names what is wrong with a pattern', () => {
    expect(namespacePatternError('team-a-*')).toBeUndefined();
    expect(namespacePatternError('')).toMatch(/empty/);
    expect(namespacePatternError('Team A')).toMatch(/wildcards/);
    expect(namespacePatternError('x'.repeat(64))).toMatch(/63/);
  });
});

describe('roles and scopes', () => {
  it('orders roles', () => {
    expect(roleAtLeast('admin', 'operator')).toBe(true);
    expect(roleAtLeast('viewer', 'operator')).toBe(false);
    expect(highestRole(['viewer', 'nonsense', 'operator'])).toBe('operator');
    expect(highestRole(['root'])).toBeUndefined();
  });

  it('lets operators write only inside their grants, viewers nowhere, admins everywhere', () => {
    const op = writeScopeOf({ role: 'operator', grants: [teamA, everywhereB], readScope: 'ALL' });
    expect(scopeCovers(op, 'c1', 'team-a-web')).toBe(true);
    expect(scopeCovers(op, 'c2', 'team-a-web')).toBe(false);
    expect(scopeCovers(op, 'c2', 'team-b')).toBe(true);
    expect(scopeCovers(op, 'c1', 'team-c')).toBe(false);
    expect(scopeCovers(writeScopeOf({ role: 'viewer', grants: [teamA], readScope: 'ALL' }), 'c1', 'team-a-web')).toBe(false);
    expect(scopeCovers(writeScopeOf({ role: 'admin', grants: [], readScope: 'GRANTS' }), 'c9', 'kube-system')).toBe(true);
  });

  it('limits reads only when the token asks for it', () => {
    expect(readScopeOf({ role: 'viewer', grants: [teamA], readScope: 'ALL' }).all).toBe(true);
    const scoped = readScopeOf({ role: 'viewer', grants: [teamA], readScope: 'GRANTS' });
    expect(scopeCovers(scoped, 'c1', 'team-a-x')).toBe(true);
    expect(scopeCovers(scoped, 'c1', 'kube-system')).toBe(false);
    expect(scopeTouchesCluster(scoped, 'c1')).toBe(true);
    expect(scopeTouchesCluster(scoped, 'c2')).toBe(false);
  });

  it('describes grants in words for refusals', () => {
    expect(describeGrants([teamA, everywhereB])).toBe('namespaces team-a-* in cluster alpha; namespaces team-b in every cluster');
    expect(describeGrants([])).toBe('no namespaces');
  });
});
