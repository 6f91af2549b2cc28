'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/ui/states';
import { useMe } from '../access/me-context';

/** A change form only for those whose grants cover the namespace; others (a viewer following a link) are told why. */
export function ChangeGuard({ cluster, namespace, back, children }: { cluster: string; namespace: string; back: { href: string; label: string }; children: ReactNode }) {
  const { me, permissions } = useMe();
  if (permissions.canChange(cluster, namespace)) return <>{children}</>;
  return (
    <EmptyState title="You cannot change services here" action={<Link href={back.href}>{back.label}</Link>}>
      As {me.role === 'viewer' ? 'a viewer' : `an ${me.role}`}, your grants do not cover namespace {namespace} of cluster {cluster}. An admin can grant it to you.
    </EmptyState>
  );
}
