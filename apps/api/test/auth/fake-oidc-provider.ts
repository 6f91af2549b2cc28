import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A minimal OpenID provider: discovery, authorize (the user is already signed in), token with PKCE, JWKS. */
export interface FakeProvider {
  issuer: string;
  /** Claims the next sign-in's ID token carries (besides iss, sub, aud, exp, nonce). */
  claims: Record<string, unknown>;
  /** Sign the next ID token with a key the provider does not publish. */
  forgeNext: boolean;
  /** Put another nonce in the next ID token. */
  wrongNonceNext: boolean;
  stop(): Promise<void>;
}

export async function startFakeProvider(client: { id: string; secret: string }): Promise<FakeProvider> {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rogue = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string }>();
  let n = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', provider.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer: provider.issuer, authorization_endpoint: `${provider.issuer}/authorize`, token_endpoint: `${provider.issuer}/token`, jwks_uri: `${provider.issuer}/jwks` });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== client.id || q.get('code_challenge_method') !== 'S256' || q.get('response_type') !== 'code') return json(400, { error: 'invalid_request' });
      const code = `code-${++n}`;
      codes.set(code, { nonce: q.get('nonce')!, challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      res.writeHead(302, { location: `${q.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(q.get('state')!)}` });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        if (basic !== `${client.id}:${client.secret}`) return json(401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!grant || form.get('redirect_uri') !== grant.redirectUri) return json(400, { error: 'invalid_grant' });
        if (createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') !== grant.challenge) return json(400, { error: 'invalid_grant', error_description: 'PKCE' });
        const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' })).toString('base64url');
        const payload = Buffer.from(
          JSON.stringify({ iss: provider.issuer, aud: client.id, sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 300, iat: Math.floor(Date.now() / 1000), nonce: provider.wrongNonceNext ? 'other' : grant.nonce, ...provider.claims }),
        ).toString('base64url');
        const signature = sign('sha256', Buffer.from(`${header}.${payload}`), provider.forgeNext ? rogue.privateKey : key.privateKey).toString('base64url');
        provider.forgeNext = false;
        provider.wrongNonceNext = false;
        return json(200, { access_token: 'at', token_type: 'Bearer', id_token: `${header}.${payload}.${signature}` });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const provider: FakeProvider = {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    claims: {},
    forgeNext: false,
    wrongNonceNext: false,
    stop: () => new Promise((r) => server.close(() => r())),
  };
  return provider;
}
