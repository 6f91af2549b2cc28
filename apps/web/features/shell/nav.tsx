'use client';

import { Activity, Boxes, KeyRound, LayoutDashboard, type LucideIcon, Network, ScrollText, Server, Stethoscope } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../../lib/cn';

type Item = { href: string; label: string; icon: LucideIcon; match: (p: string) => boolean };

const ITEMS: Item[] = [
  { href: '/', label: 'Overview', icon: LayoutDashboard, match: (p) => p === '/' },
  { href: '/services', label: 'Services', icon: Boxes, match: (p) => p.startsWith('/services') || p.startsWith('/clusters/') },
  { href: '/topology', label: 'Topology', icon: Network, match: (p) => p.startsWith('/topology') },
  { href: '/diagnostics', label: 'Diagnostics', icon: Stethoscope, match: (p) => p.startsWith('/diagnostics') },
  { href: '/status', label: 'Status', icon: Activity, match: (p) => p.startsWith('/status') },
];

// Drawn for admins only (the /admin pages answer everyone else with a 403-shaped page).
const ADMIN_ITEMS: Item[] = [
  { href: '/admin/clusters', label: 'Clusters', icon: Server, match: (p) => p.startsWith('/admin/clusters') },
  { href: '/admin/tokens', label: 'Tokens & grants', icon: KeyRound, match: (p) => p.startsWith('/admin/tokens') },
  { href: '/admin/audit', label: 'Audit log', icon: ScrollText, match: (p) => p.startsWith('/admin/audit') },
];

export function Nav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      <NavItems items={ITEMS} pathname={pathname} />
      {isAdmin && (
        <>
          <p id="nav-admin" className="mt-4 mb-1 px-2.5 text-xs font-semibold tracking-wide text-muted uppercase">
            Administration
          </p>
          <ul aria-labelledby="nav-admin" className="flex flex-col gap-0.5" data-testid="admin-nav">
            <NavItems items={ADMIN_ITEMS} pathname={pathname} asList />
          </ul>
        </>
      )}
    </nav>
  );
}

function NavItems({ items, pathname, asList }: { items: Item[]; pathname: string; asList?: boolean }) {
  return (
    <>
      {items.map(({ href, label, icon: Icon, match }) => {
        const active = match(pathname);
        const link = (
          <Link
            key={href}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm no-underline',
              active ? 'bg-accent-soft font-semibold text-text' : 'text-muted hover:bg-surface-2 hover:text-text',
            )}
          >
            <Icon aria-hidden className={cn('size-4', active && 'text-accent')} />
            {label}
          </Link>
        );
        return asList ? <li key={href}>{link}</li> : link;
      })}
    </>
  );
}
