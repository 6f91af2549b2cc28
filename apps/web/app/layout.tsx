import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { publicApiUrl } from '../lib/config';
import './globals.css';

export const metadata: Metadata = {
  title: 'Switchboard',
  description: 'Multi-cluster service catalog for Kubernetes networking',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <span className="brand">Switchboard</span>
          <nav>
            <a href="/">Status</a>
            <a href={`${publicApiUrl}/api/docs`}>REST API</a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
