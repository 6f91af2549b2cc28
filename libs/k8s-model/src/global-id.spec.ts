import { describe, expect, it } from 'vitest';
import { rng } from '../test/builders.js';
import { base64UrlDecode, base64UrlEncode, fromGlobalId, toGlobalId } from './index.js';

describe('global ids', () => {
  it.each([
    ['Service', '6f1c8a8e-1b7e-4a54-9d8c-2f0d5b0c7e11'],
    ['Cluster', 'prod-eu'],
    ['Ingress', 'a:b:c'],
    ['Service', 'ünïcödé-名前-🚀'],
  ])('%s:%s round-trips', (type, id) => {
    const g = toGlobalId(type, id);
    expect(g).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(g)).toEqual({ type, id });
  });
  it('is base64url of Type:id without padding', () => {
    expect(toGlobalId('Service', '1')).toBe('U2VydmljZTox');
    expect(toGlobalId('Cluster', 'a?')).toBe('Q2x1c3RlcjphPw');
  });
  it.each(['', 'not base64!', 'U2VydmljZQ', 'OnBvZA', 'YQ', 'gA', '_w'])('rejects %j', (g) => expect(fromGlobalId(g)).toBeNull());
  it('matches the standard base64url for random strings (seeded)', () => {
    const r = rng(3);
    const enc = (s: string) => {
      const bytes = new TextEncoder().encode(s);
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    };
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: r.int(0, 20) }, () => String.fromCodePoint(r.pick([r.int(32, 126), r.int(0xa0, 0x7ff), r.int(0x800, 0xd7ff), r.int(0x10000, 0x1ffff)]))).join('');
      expect(base64UrlEncode(s)).toBe(enc(s));
      expect(base64UrlDecode(enc(s))).toBe(s);
    }
  });
});
