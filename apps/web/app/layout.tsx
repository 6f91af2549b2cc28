import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { fetchJson, type Identity } from '../lib/api';
import { SignOutButton } from './sign-out-button';
import './globals.css';

export const metadata: Metadata = {
  title: 'Switchboard',
  description: 'Multi-cluster service catalog for Kubernetes networking',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const me = await fetchJson<Identity>('/api/v1/auth/me');
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <span className="brand">Switchboard</span>
          <nav>
            <a href="/">Status</a>
            <a href="/api/docs">REST API</a>
          </nav>
          {me.ok && (
            <span className="identity" data-testid="identity">
              <span title={me.value.grants.map((g) => `${g.cluster ?? '*'}/${g.namespace}`).join(', ') || 'every cluster and namespace'}>
                {me.value.name} · {me.value.role}
                {me.value.readScope === 'GRANTS' ? ' (granted namespaces)' : ''}
              </span>
              <SignOutButton />
            </span>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
