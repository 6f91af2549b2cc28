'use client';

import { Pencil, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import type { IngressUrlFieldsFragment } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';
import { DeleteIngressDialog } from './delete-ingress';

/** "Edit" and "Delete" on an ingress's page, for callers whose grants cover its namespace (a viewer sees neither). */
export function IngressActions({ cluster, namespace, name, urls }: { cluster: string; namespace: string; name: string; urls: readonly IngressUrlFieldsFragment[] }) {
  const { permissions } = useMe();
  const [open, setOpen] = useState(false);
  if (!permissions.canChange(cluster, namespace)) return null;
  return (
    <>
      <Button size="sm" asChild>
        <Link href={routes.editIngress(cluster, namespace, name)}>
          <Pencil aria-hidden className="size-3.5" />
          Edit
        </Link>
      </Button>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden className="size-3.5" />
        Delete
      </Button>
      <DeleteIngressDialog cluster={cluster} namespace={namespace} name={name} urls={urls} open={open} onOpenChange={setOpen} />
    </>
  );
}
