import { fetchJson, type Providers } from '../../lib/api';
import { safeNext } from '../../lib/safe-next';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next, error } = await searchParams;
  const providers = await fetchJson<Providers>('/api/v1/auth/providers');
  const target = safeNext(next);
  const oidcUrl = providers.ok && providers.value.oidc.loginUrl ? `${providers.value.oidc.loginUrl}?returnTo=${encodeURIComponent(target)}` : null;
  return (
    <section className="login">
      <h1>Sign in</h1>
      <p className="muted">Switchboard shows each person what their role and grants allow. Sign in with an API token or, where configured, your organisation&apos;s identity provider.</p>
      {!providers.ok && <p className="error">{providers.error}</p>}
      <LoginForm next={target} initialError={error ?? null} />
      {oidcUrl && (
        <p>
          <a className="button secondary" href={oidcUrl} data-testid="oidc-login">
            Sign in with single sign-on
          </a>
        </p>
      )}
      <p className="muted small">
        No token? An admin creates one under <code>POST /api/v1/tokens</code> or the <code>createToken</code> mutation. A fresh installation prints a
        bootstrap admin token (or, in demo mode, a sign-in link) in the API&apos;s log.
      </p>
    </section>
  );
}
