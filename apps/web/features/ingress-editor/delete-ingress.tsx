'use client';

import { useRouter } from 'next/navigation';
import { Modal } from '../../components/ui/dialog';
import type { IngressUrlFieldsFragment } from '../../lib/graphql/generated/graphql';
import { useMutate } from '../../lib/graphql/mutate';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';
import { UrlList } from '../change/change-outcome';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import { outcomeOf } from '../expose/outcome';
import { DeleteIngressMutation } from './queries';

/** Delete an ingress: the URLs that stop working named first, then the cluster's dry run, then the delete and back to its namespace. */
export function DeleteIngressDialog({ cluster, namespace, name, urls, open, onOpenChange }: { cluster: string; namespace: string; name: string; urls: readonly IngressUrlFieldsFragment[]; open: boolean; onOpenChange: (o: boolean) => void }) {
  const router = useRouter();
  const mutate = useMutate();
  const { permissions } = useMe();
  const change = useChange({
    // Deletes take no force: only the dry run flag and the submission's key travel.
    run: (r) => mutate(DeleteIngressMutation, { cluster, namespace, name, dryRun: r.dryRun, idempotencyKey: r.idempotencyKey }),
    outcomeOf: (d) => ({ ...outcomeOf(d.deleteIngress), urls: [], link: { href: routes.catalog({ cluster, namespace }), label: `Back to namespace ${namespace}` } }),
    fieldOf: () => null,
    // The page of a deleted ingress has nothing left to show (its live refresh would turn it into "not found" under the dialog): back to the namespace.
    onApplied: () => router.push(routes.catalog({ cluster, namespace })),
  });
  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) change.edit();
  };
  return (
    <Modal open={open} onOpenChange={close} title={`Delete ingress ${name}?`} description={`${namespace}/${name} in cluster ${cluster}. This cannot be undone from here.`} wide={change.phase !== 'editing'}>
      {change.phase !== 'done' && (
        <section aria-labelledby="delete-ingress-gone" className="mb-4 flex flex-col gap-2" data-testid="delete-confirm">
          <h3 id="delete-ingress-gone" className="text-sm font-semibold text-text">
            These URLs will stop working
          </h3>
          {urls.length ? <UrlList urls={urls} label="URLs that will stop working" /> : <p className="text-sm text-muted">It serves no URL.</p>}
        </section>
      )}
      <ChangeFlow change={change} applyLabel="Delete ingress" doneTitle={`Ingress ${name} deleted`} ready canForce={permissions.canForce} danger onCancel={change.phase === 'done' ? undefined : () => close(false)} />
    </Modal>
  );
}
