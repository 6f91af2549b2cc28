import { describe, expect, it } from 'vitest';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, ianaSvcNameErrors, isIP, labelValueErrors, qualifiedNameErrors, wildcardDns1123SubdomainErrors } from '../index.js';

const ok = (errs: string[]) => errs.length === 0;

describe('name syntaxes', () => {
  it.each([
    ['web', true, true, true],
    ['my-app-2', true, true, true],
    ['2web', true, false, true],
    ['Web', false, false, false],
    ['-web', false, false, false],
    ['web-', false, false, false],
    ['a.b', false, false, true],
    ['a'.repeat(63), true, true, true],
    ['a'.repeat(64), false, false, true],
    ['', false, false, false],
    ['a_b', false, false, false],
  ])('%s: label %s, dns1035 %s, subdomain %s', (v, label, d1035, sub) => {
    expect(ok(dns1123LabelErrors(v))).toBe(label);
    expect(ok(dns1035LabelErrors(v))).toBe(d1035);
    expect(ok(dns1123SubdomainErrors(v))).toBe(sub);
  });
  it('subdomain length limits', () => {
    expect(ok(dns1123SubdomainErrors(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`))).toBe(true);
    expect(dns1123SubdomainErrors('a'.repeat(254))).toContain('must be no more than 253 characters');
  });
  it.each([
    ['*.example.com', true],
    ['*.com', true],
    ['*', false],
    ['a.*.com', false],
    ['**.example.com', false],
    ['*.Example.com', false],
  ])('wildcard %s → %s', (v, valid) => expect(ok(wildcardDns1123SubdomainErrors(v))).toBe(valid));
  it.each([
    ['http', true],
    ['http-web', true],
    ['a'.repeat(15), true],
    ['a'.repeat(16), false],
    ['8080', false],
    ['h--p', false],
    ['-http', false],
    ['HTTP', false],
  ])('IANA_SVC_NAME %s → %s', (v, valid) => expect(ok(ianaSvcNameErrors(v))).toBe(valid));
  it.each([
    ['app', true],
    ['app.kubernetes.io/name', true],
    ['example.com/My_Name', true],
    ['/name', false],
    ['a/b/c', false],
    ['Example.com/x', false],
    ['-x', false],
    [`${'a'.repeat(64)}`, false],
  ])('label key %s → %s', (v, valid) => expect(ok(qualifiedNameErrors(v))).toBe(valid));
  it.each([
    ['', true],
    ['MyValue', true],
    ['my_value.1', true],
    ['-x', false],
    ['a b', false],
    ['a'.repeat(64), false],
  ])('label value %j → %s', (v, valid) => expect(ok(labelValueErrors(v))).toBe(valid));
  it.each([
    ['10.0.0.1', true],
    ['256.0.0.1', false],
    ['::1', true],
    ['fd00::5', true],
    ['2001:db8::1:2:3:4:5', true],
    ['2001:db8:1:2:3:4:5:6:7', false],
    ['::ffff:10.0.0.1', true],
    ['example.com', false],
    ['1.2.3', false],
  ])('isIP %s → %s', (v, ip) => expect(isIP(v)).toBe(ip));
});
