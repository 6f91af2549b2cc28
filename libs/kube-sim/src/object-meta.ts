import { flatString } from './json-values.js';

const SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** The random suffix of a generated name, from the API server's alphabet. */
export const randSuffix = (n = 5) => {
  let s = '';
  for (let i = 0; i < n; i++) s += SUFFIX_CHARS[Math.floor(Math.random() * SUFFIX_CHARS.length)];
  return s;
};

// Timestamps have whole seconds: format each second once, not once per object of a bulk load.
let nowSecond = -1;
let nowText = '';

/** Now, as a metadata timestamp (RFC 3339, whole seconds). */
export const now = () => {
  const second = Math.floor(Date.now() / 1000);
  if (second !== nowSecond) {
    nowSecond = second;
    nowText = flatString(new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  return nowText;
};
