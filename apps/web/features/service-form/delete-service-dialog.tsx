'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Modal } from '../../components/ui/dialog';
import { useMutate } from '../../lib/graphql/mutate';
import { routes } from '../../lib/routes';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import type { PageService } from '../service/types';
import { DeleteServiceMutation } from './queries';

/** What stops working when the service goes: its addresses, and the ingress paths that route to it. */
function WhatDisappears({ service }: { service: PageService }) {
  const urls = service.accessUrls.filter((u) => u.via !== 'INGRESS');
  const paths = service.ingresses.flatMap((ing) => ing.accessUrls.filter((u) => u.backendService === service.name).map((u) => ({ ingress: ing.name, url: u.url })));
  return (
    <section aria-labelledby="disappears-heading" className="flex flex-col gap-2" data-testid="what-disappears">
      <h2 id="disappears-heading" className="text-sm font-semibold text-text">
        What will disappear
      </h2>
      {urls.length > 0 ? (
        <ul className="flex flex-col gap-0.5 rounded-md border border-border bg-surface-2/60 px-3 py-2 text-sm" aria-label="Addresses that will stop working">
          {urls.map((u, i) => (
            <li key={`${u.url}-${i}`} className="font-mono break-all text-text">
              {u.url}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">It has no address yet.</p>
      )}
      {paths.length > 0 ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm text-text">
            {paths.length === 1 ? 'This ingress path routes' : `These ${paths.length} ingress paths route`} to it and will answer with errors (the ingress stays, its backend is gone):
          </p>
          <ul className="flex flex-col gap-0.5 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm" aria-label="Ingress paths routing to it">
            {paths.map((p, i) => (
              <li key={`${p.url}-${i}`}>
                <span className="font-mono break-all text-text">{p.url}</span> <span className="text-muted">(ingress {p.ingress})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-muted">No ingress routes to it.</p>
      )}
    </section>
  );
}

/** Delete, after a confirmation naming what goes with it and the cluster's dry run of the delete. */
export function DeleteServiceDialog({ service }: { service: PageService }) {
  const [open, setOpen] = useState(false);
  const mutate = useMutate();
  const router = useRouter();
  const { cluster, namespace, name } = service;
  const change = useChange({
    run: (r) => mutate(DeleteServiceMutation, { cluster, namespace, name, resourceVersion: service.resourceVersion, dryRun: r.dryRun, idempotencyKey: r.idempotencyKey }),
    outcomeOf: (d) => ({ ...d.deleteService, urls: [], link: { href: routes.catalog({ cluster, namespace }), label: `Back to the services of ${namespace}` } }),
    // This page is about to say the service is gone (live updates): go where it was listed instead.
    onApplied: () => router.replace(routes.catalog({ cluster, namespace })),
  });
  const { phase, review, edit } = change;
  // The dry run starts with the dialog: the cluster says what it would delete before the user confirms.
  useEffect(() => {
    if (open && phase === 'editing' && !change.problem) void review();
  }, [open, phase, review, change.problem]);

  const close = (o: boolean) => {
    if (o) return setOpen(true);
    if (phase === 'applying') return;
    setOpen(false);
    if (phase !== 'done') edit();
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="delete-service">
        <Trash2 aria-hidden className="size-4" />
        Delete
      </Button>
      <Modal open={open} onOpenChange={close} title={`Delete service ${name}?`} description={`From namespace ${namespace} of cluster ${cluster}. This cannot be undone from here.`} wide>
        <div className="flex flex-col gap-4">
          {phase !== 'done' && <WhatDisappears service={service} />}
          <ChangeFlow change={change} applyLabel="Delete service" doneTitle={`Service ${namespace}/${name} deleted`} ready canForce={false} danger backLabel={null} onCancel={phase === 'done' ? undefined : () => close(false)} />
        </div>
      </Modal>
    </>
  );
}
