'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';

/**
 * Trades an API token for the httpOnly session cookie. A link of the form
 * /login#token=… (printed by the API in demo mode) signs in on arrival: the fragment
 * never reaches any server log, and it is wiped from the address bar and history first.
 */
export function LoginForm({ next, initialError }: { next: string; initialError: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  const signIn = useCallback(
    async (value: string) => {
      setBusy(true);
      setError(null);
      try {
        const res = await fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: value.trim() }),
          credentials: 'same-origin',
        });
        if (res.ok) {
          window.location.assign(next);
          return;
        }
        const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        setError(body?.error?.message ?? `sign-in failed (HTTP ${res.status})`);
      } catch {
        setError('the dashboard did not answer; try again');
      }
      setBusy(false);
    },
    [next],
  );

  useEffect(() => {
    const match = /(?:^|&)token=([^&]+)/.exec(window.location.hash.slice(1));
    if (!match) return;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    void signIn(decodeURIComponent(match[1]!));
  }, [signIn]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) void signIn(token);
    else setError('token: paste an API token to sign in');
  };

  return (
    <form className="mt-5 flex flex-col gap-2" onSubmit={submit} noValidate>
      <label htmlFor="token" className="text-sm font-medium text-text">
        API token
      </label>
      <input
        id="token"
        name="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        placeholder="sbt_…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'login-error' : undefined}
        className="h-9 rounded-md border border-border-strong bg-surface px-3 font-mono text-sm text-text placeholder:text-faint"
      />
      <button type="submit" disabled={busy} className="mt-1 h-9 cursor-pointer rounded-md bg-accent text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {error && (
        <p id="login-error" className="rounded-md border border-bad/40 bg-bad-soft px-3 py-2 text-sm text-bad" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
    </form>
  );
}
