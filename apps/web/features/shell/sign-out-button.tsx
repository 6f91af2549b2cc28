'use client';

import { LogOut } from 'lucide-react';
import { useState } from 'react';
import { csrfToken } from '../../lib/graphql/csrf';

/** Ends the session on the server (not just in this browser), echoing the CSRF cookie. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken() }, credentials: 'same-origin' }).catch(() => undefined);
    window.location.assign('/login');
  };
  return (
    <button type="button" onClick={signOut} disabled={busy} data-testid="sign-out" className="flex w-full cursor-pointer items-center gap-2 rounded px-1 py-1 text-sm text-text hover:bg-surface-2">
      <LogOut aria-hidden className="size-4" />
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
