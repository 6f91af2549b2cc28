'use client';

import { Activity, Boxes, LayoutDashboard, type LucideIcon, Network, Stethoscope } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../../lib/cn';

const ITEMS: { href: string; label: string; icon: LucideIcon; match: (p: string) => boolean }[] = [
  { href: '/', label: 'Overview', icon: LayoutDashboard, match: (p) => p === '/' },
  { href: '/services', label: 'Services', icon: Boxes, match: (p) => p.startsWith('/services') || p.startsWith('/clusters/') },
  { href: '/topology', label: 'Topology', icon: Network, match: (p) => p.startsWith('/topology') },
  { href: '/diagnostics', label: 'Diagnostics', icon: Stethoscope, match: (p) => p.startsWith('/diagnostics') },
  { href: '/status', label: 'Status', icon: Activity, match: (p) => p.startsWith('/status') },
];

export function Nav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {ITEMS.map(({ href, label, icon: Icon, match }) => {
        const active = match(pathname);
        return (
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
      })}
    </nav>
  );
}
