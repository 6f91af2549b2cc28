'use client';

import { ChevronDown, UserRound } from 'lucide-react';
import { Popover } from 'radix-ui';
import { menuContent, menuLabel } from '../../components/ui/menu';
import type { ShellQuery } from '../../lib/graphql/generated/graphql';
import { SignOutButton } from './sign-out-button';

type Me = ShellQuery['me'];

const ROLE_MEANING: Record<Me['role'], string> = {
  viewer: 'reads the catalog',
  operator: 'reads, and changes services and ingresses where a grant allows',
  admin: 'everything: clusters, tokens, grants and the audit log',
};

/**
 * Who you are signed in as: role, what you may see and change, until when. A popover
 * (a labelled, non-modal dialog), not a menu: it is mostly facts, with one action.
 */
export function IdentityMenu({ me }: { me: Me }) {
  const grants = me.grants.map((g) => `${g.cluster ?? '*'}/${g.namespace}`);
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" data-testid="identity" className="flex max-w-64 cursor-pointer items-center gap-2 rounded-md px-2 py-1 text-sm text-text hover:bg-surface-2">
          <UserRound aria-hidden className="size-4 text-muted" />
          <span className="truncate">
            {me.name} · {me.role}
            {me.readScope === 'GRANTS' ? ' (granted namespaces)' : ''}
          </span>
          <ChevronDown aria-hidden className="size-3.5 text-muted" />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} aria-label={`Signed in as ${me.name}`} data-testid="identity-panel" className={`${menuContent} w-80`}>
          <div className="px-2 py-2">
            <p className="font-semibold break-all">{me.name}</p>
            <p className="mt-1 text-xs text-muted">
              <span className="font-medium text-text">{me.role}</span>: {ROLE_MEANING[me.role]}
            </p>
            <p className="mt-1 text-xs text-muted">
              Signed in with {me.kind === 'oidc' ? 'single sign-on' : 'an API token'}
              {me.expiresAt ? `, until ${new Date(me.expiresAt).toLocaleString('en-GB')}` : ''}
            </p>
          </div>
          <div role="separator" className="my-1 h-px bg-border" />
          <p className={menuLabel}>{me.readScope === 'GRANTS' ? 'Sees and changes only' : me.role === 'viewer' ? 'Sees' : 'Changes'}</p>
          <div className="px-2 pb-2 font-mono text-xs text-text">
            {grants.length ? grants.map((g) => <div key={g}>{g}</div>) : me.role === 'admin' || me.readScope === 'ALL' ? <div>every cluster and namespace</div> : <div>nothing yet (no grants)</div>}
          </div>
          <div role="separator" className="my-1 h-px bg-border" />
          <div className="px-2 py-1">
            <SignOutButton />
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
