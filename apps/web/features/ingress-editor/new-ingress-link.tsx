'use client';

import Link from 'next/link';
import { Button } from '../../components/ui/button';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';

// Its own module: the catalog shows it, and importing it beside the ingress page's actions
// pulled the delete dialog, the change flow and the YAML library into the catalog's scripts.

/** "New ingress" where one namespace of one cluster is in view, for callers who may change it. */
export function NewIngressLink({ cluster, namespace }: { cluster: string; namespace: string }) {
  const { permissions } = useMe();
  if (!permissions.canChange(cluster, namespace)) return null;
  return (
    <Button size="sm" asChild>
      <Link href={routes.newIngress(cluster, namespace)}>New ingress in {namespace}</Link>
    </Button>
  );
}
