import Link from 'next/link';
import type { ReactNode } from 'react';
import { ErrorState } from '../../components/ui/states';
import { CommandPalette } from '../../features/shell/command-palette';
import { IdentityMenu } from '../../features/shell/identity-menu';
import { LiveIndicator } from '../../features/shell/live-indicator';
import { Nav } from '../../features/shell/nav';
import { ShellQuery } from '../../features/shell/queries';
import { ThemeToggle } from '../../features/shell/theme-toggle';
import { MeProvider } from '../../features/access/me-context';
import { permissionsOf } from '../../features/access/permissions';
import { routes } from '../../lib/routes';
import { LiveProvider } from '../../features/live/live-provider';
import { problemAdvice } from '../../lib/graphql/errors';
import { serverQuery } from '../../lib/graphql/server';

export const dynamic = 'force-dynamic';

/** Every page behind sign-in: navigation, search, theme, identity, and one live connection. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const shell = await serverQuery(ShellQuery, {});
  return (
    <LiveProvider>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="flex min-h-screen">
        <aside className="w-52 shrink-0 border-r border-border bg-surface">
          <div className="sticky top-0 flex h-screen flex-col px-3 py-4">
          <Link href="/" className="mb-5 flex items-center gap-2 px-2 text-base font-bold tracking-tight text-text no-underline">
            <span aria-hidden className="grid size-6 place-items-center rounded bg-accent text-xs text-accent-fg">
              SB
            </span>
            Switchboard
          </Link>
          <Nav isAdmin={shell.ok && shell.data.me.role === 'admin'} />
          <div className="mt-auto space-y-1 px-2 text-xs text-muted">
            <a href="/api/docs" className="block text-muted hover:text-text">
              REST API reference
            </a>
            {shell.ok && <p>Version {shell.data.system.version}</p>}
          </div>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-12 items-center gap-3 border-b border-border bg-surface/95 px-5 backdrop-blur">
            <CommandPalette actions={shell.ok && permissionsOf(shell.data.me).canChangeAnything ? [{ label: 'Create service', href: routes.newService() }] : []} />
            <div className="ml-auto flex items-center gap-3">
              <LiveIndicator />
              <ThemeToggle />
              {shell.ok && <IdentityMenu me={shell.data.me} />}
            </div>
          </header>
          <main id="main" className="w-full max-w-[1600px] flex-1 px-6 py-5">
            {shell.ok ? (
              <MeProvider me={shell.data.me}>{children}</MeProvider>
            ) : (
              <ErrorState title="The dashboard cannot load your session" message={shell.problem.message}>
                {problemAdvice(shell.problem)}
              </ErrorState>
            )}
          </main>
        </div>
      </div>
    </LiveProvider>
  );
}
