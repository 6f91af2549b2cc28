'use client';

import { Globe, Unplug } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { useMe } from '../access/me-context';
import type { ExposeTarget } from './expose-form';
import { ExposeDialog } from './expose-dialog';
import { exposuresOf, UnexposeDialog } from './unexpose-dialog';

/**
 * "Expose" and "Unexpose" on a service's page, for callers whose grants cover its
 * namespace (a viewer sees neither; the API enforces it regardless and its refusals
 * show inside the dialogs).
 */
export function ExposeActions({ service }: { service: ExposeTarget }) {
  const { permissions } = useMe();
  const [open, setOpen] = useState<'expose' | 'unexpose' | null>(null);
  if (!permissions.canChange(service.cluster, service.namespace)) return null;
  const exposed = exposuresOf(service).length > 0;
  return (
    <>
      <Button size="md" onClick={() => setOpen('expose')}>
        <Globe aria-hidden className="size-3.5" />
        Expose
      </Button>
      {exposed && (
        <Button size="md" onClick={() => setOpen('unexpose')}>
          <Unplug aria-hidden className="size-3.5" />
          Unexpose
        </Button>
      )}
      <ExposeDialog service={service} open={open === 'expose'} onOpenChange={(o) => setOpen(o ? 'expose' : null)} />
      {exposed && <UnexposeDialog service={service} open={open === 'unexpose'} onOpenChange={(o) => setOpen(o ? 'unexpose' : null)} />}
    </>
  );
}
