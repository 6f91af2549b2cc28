'use client';

import { Pencil, Plus } from 'lucide-react';
import Link from 'next/link';
import { Button } from '../../components/ui/button';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';
import { DeleteServiceDialog } from '../service-form/delete-service-dialog';
import type { PageService } from './types';

/** Edit, delete and "new service here" — drawn only where the user's grants let them change services. */
export function ServiceActions({ service }: { service: PageService }) {
  const { permissions } = useMe();
  if (!permissions.canChange(service.cluster, service.namespace)) return null;
  return (
    <>
      <Button asChild size="md">
        <Link href={routes.newService({ cluster: service.cluster, namespace: service.namespace })} data-testid="new-service-here">
          <Plus aria-hidden className="size-4" />
          New service here
        </Link>
      </Button>
      <Button asChild size="md">
        <Link href={routes.editService(service.cluster, service.namespace, service.name)} data-testid="edit-service">
          <Pencil aria-hidden className="size-4" />
          Edit
        </Link>
      </Button>
      <DeleteServiceDialog service={service} />
    </>
  );
}
