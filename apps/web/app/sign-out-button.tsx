'use client';

import { useState } from 'react';

function csrfToken(): string {
  const part = document.cookie.split('; ').find((c) => c.startsWith('sb_csrf='));
  return part ? decodeURIComponent(part.slice('sb_csrf='.length)) : '';
}

/** Ends the session on the server (not just in this browser), echoing the CSRF cookie. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken() }, credentials: 'same-origin' }).catch(() => undefined);
    window.location.assign('/login');
  };
  return (
    <button type="button" className="link" onClick={signOut} disabled={busy} data-testid="sign-out">
      Sign out
    </button>
  );
}
