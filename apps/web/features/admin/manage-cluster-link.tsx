'use client';

import { Settings } from 'lucide-react';
import Link from 'next/link';
import { useMe } from '../access/me-context';

/** On an overview card, admins only: to the cluster's administration (pause, resync, edit, remove). */
export function ManageClusterLink({ name, displayName }: { name: string; displayName: string }) {
  const { permissions } = useMe();
  if (!permissions.isAdmin) return null;
  return (
    <Link href={`/admin/clusters#cluster-${encodeURIComponent(name)}`} aria-label={`Manage ${displayName}`} className="inline-flex items-center gap-1 text-xs text-muted hover:text-text">
      <Settings aria-hidden className="size-3.5" />
      Manage
    </Link>
  );
}
