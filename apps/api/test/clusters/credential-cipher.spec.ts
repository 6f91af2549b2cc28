import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CredentialCipher } from '../../src/clusters/credential-cipher.js';
import { DomainError } from '../../src/errors/domain-error.js';

describe('credential cipher (AES-256-GCM)', () => {
  const dirs: string[] = [];
  const tmp = async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'switchboard-key-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  const creds = { server: 'https://10.0.0.1:6443', token: 'sekrit-token-value-123', caData: '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n' };

  it('generates a key once into the data folder with mode 0600 and reuses it', async () => {
    const dir = await tmp();
    const a = CredentialCipher.fromConfig(null, dir);
    const file = path.join(dir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = await readFile(file, 'utf8');
    const sealed = a.encrypt(creds);
    expect(Buffer.from(sealed).includes(Buffer.from(creds.token))).toBe(false);
    const b = CredentialCipher.fromConfig(null, dir);
    expect(await readFile(file, 'utf8')).toBe(key);
    expect(b.decrypt(sealed, 'c1')).toEqual(creds);
  });

  it('uses the configured key over the data folder, and fails clearly with the wrong one', async () => {
    const dir = await tmp();
    const key = randomBytes(32);
    const sealed = CredentialCipher.fromConfig(key, dir).encrypt(creds);
    expect(CredentialCipher.fromConfig(Buffer.from(key), await tmp()).decrypt(sealed, 'c1')).toEqual(creds);
    let err: unknown;
    try {
      CredentialCipher.fromConfig(randomBytes(32), dir).decrypt(sealed, 'c1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('CREDENTIALS_UNREADABLE');
    expect((err as DomainError).message).toMatch(/SWITCHBOARD_SECRET_KEY/);
    expect((err as DomainError).message).not.toContain(creds.token);
  });

  it('every envelope is different (random IV) and tampering is detected', () => {
    const c = CredentialCipher.fromConfig(randomBytes(32), os.tmpdir());
    const x = c.encrypt(creds);
    expect(Buffer.from(x).equals(Buffer.from(c.encrypt(creds)))).toBe(false);
    const bad = Buffer.from(x);
    bad[bad.length - 1] ^= 1;
    expect(() => c.decrypt(bad, 'c1')).toThrow(/cannot be decrypted/);
  });
});
