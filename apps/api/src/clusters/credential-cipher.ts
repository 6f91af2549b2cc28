import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors/domain-error.js';

/** What is needed to reach a cluster; only ever stored encrypted. */
export interface ClusterCredentials {
  server: string;
  caData?: string;
  token?: string;
  /** A file holding the token, read at connection time (the pod's rotating service-account token). */
  tokenFile?: string;
  clientCertData?: string;
  clientKeyData?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
}

/**
 * AES-256-GCM envelope: iv (12) | tag (16) | ciphertext. The key is the configured
 * SWITCHBOARD_SECRET_KEY, else one generated once into the data folder (0600).
 */
export class CredentialCipher {
  private constructor(private readonly key: Buffer) {}

  static fromConfig(secretKey: Buffer | null, dataDir: string): CredentialCipher {
    if (secretKey) return new CredentialCipher(secretKey);
    const file = path.join(dataDir, 'secret.key');
    if (existsSync(file)) return new CredentialCipher(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
    mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key.toString('hex'), { mode: 0o600 });
    return new CredentialCipher(key);
  }

  encrypt(credentials: ClusterCredentials): Uint8Array<ArrayBuffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  decrypt(envelope: Uint8Array, cluster: string): ClusterCredentials {
    try {
      const buf = Buffer.from(envelope);
      const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')) as ClusterCredentials;
    } catch {
      throw new DomainError(
        'CREDENTIALS_UNREADABLE',
        `The stored credentials of cluster "${cluster}" cannot be decrypted with the current secret key: every replica needs the same SWITCHBOARD_SECRET_KEY; re-register the cluster if the key was lost`,
      );
    }
  }
}
