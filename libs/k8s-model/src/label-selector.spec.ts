import { describe, expect, it } from 'vitest';
import { rng } from '../test/builders.js';
import { formatLabelSelector, type LabelRequirement, LabelSelectorError, matchesLabelSelector, parseLabelSelector, requirementsFromMap, selectorMapMatches, tryParseLabelSelector } from './index.js';

describe('parseLabelSelector', () => {
  it.each<[string, LabelRequirement[]]>([
    ['', []],
    ['app=web', [{ key: 'app', op: 'in', values: ['web'] }]],
    ['app==web', [{ key: 'app', op: 'in', values: ['web'] }]],
    ['app!=web', [{ key: 'app', op: 'notin', values: ['web'] }]],
    ['app = web , tier in ( b , a ) , !canary', [{ key: 'app', op: 'in', values: ['web'] }, { key: 'tier', op: 'in', values: ['a', 'b'] }, { key: 'canary', op: 'notexists' }]],
    ['env notin (prod)', [{ key: 'env', op: 'notin', values: ['prod'] }]],
    ['app.kubernetes.io/name', [{ key: 'app.kubernetes.io/name', op: 'exists' }]],
    ['app=', [{ key: 'app', op: 'in', values: [''] }]],
    ['tier in (a,a)', [{ key: 'tier', op: 'in', values: ['a'] }]],
  ])('%j', (s, expected) => expect(parseLabelSelector(s)).toEqual(expected));

  it.each([
    ['app=web,', 8, 'expected a label key, found end of input'],
    ['=web', 0, "expected a label key, found '='"],
    ['tier in a,b', 8, "expected '(' after 'in'"],
    ['tier in (a,b', 12, "missing ')'"],
    ['app web', 4, "expected '=', '!=', 'in', 'notin', ',' or end of input after key 'app', found 'web'"],
    ['-bad=x', 0, 'invalid label key "-bad"'],
    ['app=bad value', 8, "expected ',' or end of input, found 'value'"],
    ['app=-x', 4, 'invalid label value "-x"'],
    ['!', 1, 'expected a label key, found end of input'],
  ])('rejects %j at %d', (s, at, problem) => {
    const r = tryParseLabelSelector(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(LabelSelectorError);
    expect(r.error.position).toBe(at);
    expect(r.error.message).toContain(problem);
    expect(r.error.message.startsWith(`invalid label selector ${JSON.stringify(s)} at position ${at}: `)).toBe(true);
  });
});

describe('matching', () => {
  const labels = { app: 'web', tier: 'a' };
  it.each([
    ['app=web', true],
    ['app=api', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['tier in (a,b)', true],
    ['tier notin (a)', false],
    ['missing notin (a)', true],
    ['missing in (a)', false],
    ['app', true],
    ['!app', false],
    ['!canary', true],
    ['app=web,tier in (a,b),!canary', true],
    ['', true],
  ])('%j → %s', (s, expected) => expect(matchesLabelSelector(s, labels)).toBe(expected));

  it('service selector maps: every pair, and empty selects nothing', () => {
    expect(selectorMapMatches({ app: 'web' }, labels)).toBe(true);
    expect(selectorMapMatches({ app: 'web', x: 'y' }, labels)).toBe(false);
    expect(selectorMapMatches({}, labels)).toBe(false);
    expect(selectorMapMatches(null, labels)).toBe(false);
  });

  // Property: format → parse is the identity on requirements, and matching agrees
  // with a direct evaluation, for random selectors and label sets.
  it('round-trips and matches consistently (seeded)', () => {
    const r = rng(5);
    const keys = ['app', 'tier', 'env', 'example.com/team'];
    const vals = ['a', 'b', 'web', 'x_1'];
    for (let i = 0; i < 300; i++) {
      const reqs: LabelRequirement[] = [];
      for (const key of keys) {
        if (!r.bool(0.5)) continue;
        const op = r.pick(['in', 'notin', 'exists', 'notexists'] as const);
        if (op === 'exists' || op === 'notexists') reqs.push({ key, op });
        else reqs.push({ key, op, values: [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(vals)))].sort() });
      }
      const text = formatLabelSelector(reqs);
      expect(parseLabelSelector(text)).toEqual([...reqs].sort((a, b) => (a.key < b.key ? -1 : 1)));
      const l: Record<string, string> = {};
      for (const k of keys) if (r.bool(0.6)) l[k] = r.pick(vals);
      const direct = reqs.every((q) =>
        q.op === 'exists' ? k(l, q.key) : q.op === 'notexists' ? !k(l, q.key) : q.op === 'in' ? k(l, q.key) && q.values.includes(l[q.key]!) : !k(l, q.key) || !q.values.includes(l[q.key]!),
      );
      expect(matchesLabelSelector(text, l)).toBe(direct);
    }
    function k(o: Record<string, string>, key: string) {
      return key in o;
    }
  });

  it('requirementsFromMap', () => expect(formatLabelSelector(requirementsFromMap({ tier: 'a', app: 'web' }))).toBe('app=web,tier=a'));
});
