import { createHash, type JsonWebKey } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type GrantScope, highestRole, namespacePatternError, type Role } from '@switchboard/k8s-model';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../../config/app-config.js';
import { DomainError } from '../../errors/domain-error.js';
import type { Caller } from '../caller.js';
import { randomSecret } from '../secrets.js';
import { SessionsService, type StartedSession } from '../sessions/sessions.service.js';
import { ClustersRepository } from '../../clusters/clusters.repository.js';
import { IdTokenError, idTokenHeader, verifyIdToken } from './id-token.js';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** What the browser keeps between the redirect to the provider and the way back. */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

const DISCOVERY_TTL_MS = 10 * 60_000;

/** A relative path on our own site; anything else (//evil, https://…) becomes "/". */
export function safeReturnTo(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : '/';
}

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce). The
 * role comes from a claim (highest known role wins); grants from a claim of
 * "cluster/namespace-pattern" strings. No role claim → no access.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');
  private discovery: { at: number; value: Discovery } | undefined;
  private keys = new Map<string, JsonWebKey>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly clusters: ClustersRepository,
  ) {}

  private get oidc(): OidcConfig {
    if (!this.config.auth.oidc) throw new DomainError('NOT_FOUND', 'OpenID Connect sign-in is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL)');
    return this.config.auth.oidc;
  }

  /** Where to send the browser, and what it must bring back. */
  async begin(returnTo: unknown): Promise<{ redirect: string; pending: PendingLogin }> {
    const oidc = this.oidc;
    const d = await this.discover();
    const pending: PendingLogin = { state: randomSecret(), nonce: randomSecret(), verifier: randomSecret(), returnTo: safeReturnTo(returnTo) };
    const url = new URL(d.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: oidc.clientId,
      redirect_uri: oidc.redirectUrl,
      scope: oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return { redirect: url.toString(), pending };
  }

  /** The provider sent the browser back: check, exchange the code, verify, start a session. */
  async complete(query: Record<string, unknown>, pending: PendingLogin | undefined): Promise<{ caller: Caller; session: StartedSession; returnTo: string }> {
    const oidc = this.oidc;
    if (typeof query['error'] === 'string') throw unauthenticated(`the identity provider refused the sign-in: ${String(query['error'])}${typeof query['error_description'] === 'string' ? ` (${query['error_description']})` : ''}`);
    if (!pending) throw unauthenticated('no sign-in is in progress in this browser (start again from the sign-in page)');
    if (typeof query['state'] !== 'string' || query['state'] !== pending.state) throw unauthenticated('the sign-in answer does not belong to this browser (state mismatch)');
    if (typeof query['code'] !== 'string' || !query['code']) throw unauthenticated('the identity provider sent no authorization code');
    const d = await this.discover();
    const tokenRes = await fetch(d.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(oidc.clientId)}:${encodeURIComponent(oidc.clientSecret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: query['code'], redirect_uri: oidc.redirectUrl, code_verifier: pending.verifier }).toString(),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);
    if (!tokenRes) throw unauthenticated('the identity provider could not be reached to finish the sign-in');
    const body = (await tokenRes.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
    if (!tokenRes.ok || typeof body.id_token !== 'string') throw unauthenticated(`the identity provider did not issue an ID token (${tokenRes.status}${typeof body.error === 'string' ? ` ${body.error}` : ''})`);
    let claims;
    try {
      const key = await this.key(idTokenHeader(body.id_token).kid);
      claims = verifyIdToken(body.id_token, key, { issuer: d.issuer, clientId: oidc.clientId, nonce: pending.nonce });
    } catch (err) {
      if (err instanceof IdTokenError) throw unauthenticated(err.message);
      throw err;
    }
    const caller = await this.callerFrom(claims);
    return { caller, session: await this.sessions.start(caller), returnTo: pending.returnTo };
  }

  private async callerFrom(claims: Record<string, unknown>): Promise<Caller> {
    const oidc = this.oidc;
    const rawRole = claims[oidc.roleClaim];
    const role: Role | undefined = highestRole(Array.isArray(rawRole) ? rawRole : [rawRole]);
    const name = [claims['email'], claims['preferred_username'], claims['name'], claims['sub']].find((v): v is string => typeof v === 'string' && v.length > 0)!;
    if (!role) throw new DomainError('FORBIDDEN', `"${name}" signed in, but the identity provider gave no Switchboard role (claim "${oidc.roleClaim}" must be viewer, operator or admin)`);
    const grants = role === 'admin' ? [] : await this.grantsFrom(claims[oidc.grantsClaim], name);
    if (role === 'operator' && !grants.length) throw new DomainError('FORBIDDEN', `"${name}" is an operator without grants (claim "${oidc.grantsClaim}" must list "cluster/namespace" patterns)`);
    return {
      kind: 'oidc',
      subject: `${String(claims['iss'])}#${String(claims['sub'])}`,
      name,
      tokenId: null,
      role,
      grants,
      // A viewer given grants reads only them; operators read the catalog like token operators.
      readScope: role === 'viewer' && grants.length ? 'GRANTS' : 'ALL',
      session: null,
      expiresAt: null,
    };
  }

  /** Grants like "prod/team-a-*" (a star for the cluster means every cluster); unknown clusters and bad patterns are dropped, never widened. */
  private async grantsFrom(raw: unknown, who: string): Promise<GrantScope[]> {
    const items = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).filter((x): x is string => typeof x === 'string' && x.includes('/'));
    const parsed = items.map((s) => ({ cluster: s.slice(0, s.indexOf('/')), pattern: s.slice(s.indexOf('/') + 1) }));
    const ids = await this.clusters.idsByName(parsed.map((g) => g.cluster).filter((c) => c !== '*'));
    const grants: GrantScope[] = [];
    for (const g of parsed) {
      if (namespacePatternError(g.pattern)) {
        this.logger.warn(`ignoring grant "${g.cluster}/${g.pattern}" of ${who}: ${namespacePatternError(g.pattern)}`);
        continue;
      }
      if (g.cluster === '*') grants.push({ clusterId: null, clusterName: null, namespacePattern: g.pattern });
      else if (ids.has(g.cluster)) grants.push({ clusterId: ids.get(g.cluster)!, clusterName: g.cluster, namespacePattern: g.pattern });
      else this.logger.warn(`ignoring grant "${g.cluster}/${g.pattern}" of ${who}: no cluster named "${g.cluster}" is registered`);
    }
    return grants;
  }

  private async discover(): Promise<Discovery> {
    if (this.discovery && Date.now() - this.discovery.at < DISCOVERY_TTL_MS) return this.discovery.value;
    const url = `${this.oidc.issuer}/.well-known/openid-configuration`;
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    const d = res?.ok ? ((await res.json().catch(() => undefined)) as Discovery | undefined) : undefined;
    if (!d?.authorization_endpoint || !d.token_endpoint || !d.jwks_uri) throw new DomainError('IDENTITY_PROVIDER_ERROR', `the identity provider's discovery document (${url}) could not be read`);
    if (d.issuer.replace(/\/+$/, '') !== this.oidc.issuer) throw new DomainError('IDENTITY_PROVIDER_ERROR', `the identity provider says its issuer is "${d.issuer}", not OIDC_ISSUER "${this.oidc.issuer}"`);
    this.discovery = { at: Date.now(), value: d };
    return d;
  }

  /** The signing key by id; the key set is fetched again once when an unknown id shows up (rotation). */
  private async key(kid: string | undefined): Promise<JsonWebKey> {
    const pick = () => (kid ? this.keys.get(kid) : this.keys.size === 1 ? [...this.keys.values()][0] : undefined);
    if (!pick()) {
      const d = await this.discover();
      const res = await fetch(d.jwks_uri, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      const set = res?.ok ? ((await res.json().catch(() => undefined)) as { keys?: (JsonWebKey & { kid?: string; use?: string })[] } | undefined) : undefined;
      this.keys = new Map((set?.keys ?? []).filter((k) => k.use !== 'enc').map((k, i) => [k.kid ?? `#${i}`, k]));
    }
    const key = pick();
    if (!key) throw new IdTokenError('the ID token is signed with a key the identity provider does not publish');
    return key;
  }
}

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);
