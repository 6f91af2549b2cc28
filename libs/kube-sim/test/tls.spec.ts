import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCertificates, serial } from '../src/tls.js';

describe('kube-sim certificates', () => {
  it('serial numbers are positive minimal DER integers (OpenSSL refuses redundant leading zeros)', () => {
    for (let i = 0; i < 5_000; i++) {
      const hex = serial();
      expect(hex).toMatch(/^[0-9a-f]{16}$/);
      const first = Number.parseInt(hex.slice(0, 2), 16);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(0x80);
    }
  });

  it('issues a serving certificate for 127.0.0.1 and localhost signed by the cluster CA', async () => {
    const certs = await generateCertificates('t');
    const ca = new X509Certificate(certs.caPem);
    const cert = new X509Certificate(certs.certPem);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
  });
});
