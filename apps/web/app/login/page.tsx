import { KeyRound } from 'lucide-react';
import { fetchJson, type Providers } from '../../lib/api';
import { safeNext } from '../../lib/safe-next';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next, error } = await searchParams;
  const providers = await fetchJson<Providers>('/api/v1/auth/providers');
  const target = safeNext(next);
  const oidcUrl = providers.ok && providers.value.oidc.loginUrl ? `${providers.value.oidc.loginUrl}?returnTo=${encodeURIComponent(target)}` : null;
  return (
    <main className="grid min-h-screen place-items-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center gap-2 text-lg font-bold tracking-tight text-text">
          <span aria-hidden className="grid size-7 place-items-center rounded bg-accent text-xs text-accent-fg">
            SB
          </span>
          Switchboard
        </div>
        <section className="rounded-lg border border-border bg-surface p-6 shadow-card">
          <h1 className="text-xl font-semibold text-text">Sign in</h1>
          <p className="mt-1 text-sm text-muted">Every cluster&apos;s services and the URLs they are reachable at. Switchboard shows each person what their role and grants allow.</p>
          {!providers.ok && (
            <p role="alert" className="mt-3 rounded-md border border-bad/40 bg-bad-soft px-3 py-2 text-sm text-bad">
              {providers.error}
            </p>
          )}
          <LoginForm next={target} initialError={error ?? null} />
          {oidcUrl && (
            <>
              <div className="my-4 flex items-center gap-3 text-xs text-muted">
                <span className="h-px flex-1 bg-border" />
                or
                <span className="h-px flex-1 bg-border" />
              </div>
              <a className="flex h-9 w-full items-center justify-center gap-2 rounded-md border border-border-strong bg-surface text-sm font-medium text-text no-underline hover:bg-surface-2" href={oidcUrl} data-testid="oidc-login">
                <KeyRound aria-hidden className="size-4" />
                Sign in with single sign-on
              </a>
            </>
          )}
        </section>
        <p className="mt-4 text-xs text-muted">
          No token? An admin creates one with <code>POST /api/v1/tokens</code> or the <code>createToken</code> mutation. A fresh installation prints a bootstrap admin token (in demo mode, a
          ready-to-click sign-in link) in the API&apos;s log.
        </p>
      </div>
    </main>
  );
}
