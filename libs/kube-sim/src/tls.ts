import { constants, generateKeyPair, privateEncrypt, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const rsaKeyPair = promisify(generateKeyPair);

export interface ClusterCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256; the 32-byte digest follows. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The signer forge's `cert.sign` calls, doing the RSA private-key operation natively:
 * forge's pure-JS one took a large share of a cluster's start-up.
 */
function nativeSigner(privatePem: string): forge.pki.rsa.PrivateKey {
  const sign = (md: forge.md.MessageDigest) => {
    const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]);
    return privateEncrypt({ key: privatePem, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary');
  };
  return { sign } as unknown as forge.pki.rsa.PrivateKey;
}

async function keyPair(): Promise<{ publicKey: forge.pki.PublicKey; signer: forge.pki.rsa.PrivateKey; privatePem: string }> {
  // Node's native RSA generation is far faster than forge's pure-JS one, and runs off the main thread.
  const { publicKey, privateKey } = await rsaKeyPair('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return { publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()), signer: nativeSigner(privatePem), privatePem };
}

/**
 * A positive serial in minimal DER form: forge writes the hex as-is, and OpenSSL 3
 * rejects an INTEGER with a redundant leading zero ("illegal padding").
 */
export function serial(): string {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] & 0x7f) | 0x10;
  return bytes.toString('hex');
}

/** A fresh CA per cluster and a serving certificate for 127.0.0.1/localhost signed by it. */
export async function generateCertificates(name: string, hosts: string[] = ['127.0.0.1', 'localhost']): Promise<ClusterCertificates> {
  // Both keys at once, on the thread pool.
  const [ca, server] = await Promise.all([keyPair(), keyPair()]);
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serial();
  caCert.validity.notBefore = new Date(Date.now() - 60_000);
  caCert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  const caSubject = [{ name: 'commonName', value: `kube-sim-ca-${name}` }];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
  ]);
  caCert.sign(ca.signer, forge.md.sha256.create());

  const cert = forge.pki.createCertificate();
  cert.publicKey = server.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((h) => (/^\d+\.\d+\.\d+\.\d+$/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })),
    },
  ]);
  cert.sign(ca.signer, forge.md.sha256.create());
  return { caPem: forge.pki.certificateToPem(caCert), certPem: forge.pki.certificateToPem(cert), keyPem: server.privatePem };
}
