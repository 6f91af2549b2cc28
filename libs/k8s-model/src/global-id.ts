/**
 * Relay global ids: base64url (no padding) of `Type:id`. Implemented by hand so the
 * library needs neither Buffer nor btoa (it runs in Node and in the browser).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromUtf8(bytes: number[]): string | null {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length) return null;
    let c = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = bytes[i + k];
      if (n === undefined || n >> 6 !== 2) return null;
      c = (c << 6) | (n & 63);
    }
    if (c > 0x10ffff) return null;
    s += String.fromCodePoint(c);
    i += need + 1;
  }
  return s;
}

export function base64UrlEncode(s: string): string {
  const b = utf8(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < b.length) out += ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < b.length) out += ALPHABET[n & 63]!;
  }
  return out;
}

export function base64UrlDecode(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of s) {
    buf = (buf << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 0xff);
    }
  }
  return fromUtf8(bytes);
}

/** `toGlobalId('Service', uuid)` → opaque id for GraphQL `node(id)`. */
export function toGlobalId(type: string, id: string): string {
  return base64UrlEncode(`${type}:${id}`);
}

/** The inverse of toGlobalId; null for anything that is not a well-formed global id. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const raw = base64UrlDecode(globalId);
  if (raw === null) return null;
  const colon = raw.indexOf(':');
  if (colon <= 0 || colon === raw.length - 1) return null;
  const type = raw.slice(0, colon);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(type)) return null;
  return { type, id: raw.slice(colon + 1) };
}
