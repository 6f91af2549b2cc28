'use client';

import { Plus } from 'lucide-react';
import Link from 'next/link';
import { Button } from '../../components/ui/button';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';

/** "Create service" where one may create one at all; pre-filled with the cluster and namespace in view (when the grants cover them). */
export function CreateServiceLink({ cluster, namespace }: { cluster?: string; namespace?: string }) {
  const { permissions } = useMe();
  if (!permissions.canChangeAnything) return null;
  const at = cluster && (namespace ? permissions.canChange(cluster, namespace) : permissions.canChangeIn(cluster)) ? { cluster, namespace } : undefined;
  return (
    <Button asChild variant="primary">
      <Link href={routes.newService(at)} data-testid="create-service">
        <Plus aria-hidden className="size-4" />
        Create service{at?.namespace ? ` in ${at.namespace}` : ''}
      </Link>
    </Button>
  );
}
