'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Modal } from '../../components/ui/dialog';
import type { ExposeVia } from '../../lib/graphql/generated/graphql';
import { useMutate } from '../../lib/graphql/mutate';
import { useMe } from '../access/me-context';
import { UrlList } from '../change/change-outcome';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import type { ExposeTarget } from './expose-form';
import { outcomeOf } from './outcome';
import { UnexposeServiceMutation } from './queries';

/** One way the service is exposed now, and everything that goes with it when it is taken back. */
export interface Exposure {
  via: ExposeVia;
  label: string;
  urls: ExposeTarget['accessUrls'];
  /** "host/path → ingress" lines (ingress exposures). */
  paths: string[];
}

/** The ways the service is reachable from outside now, each with its URLs and ingress paths, as the API reported them. */
export function exposuresOf(s: ExposeTarget): Exposure[] {
  const out: Exposure[] = [];
  const ingressPaths = s.ingresses.flatMap((i) => i.paths.filter((p) => p.backend.service === s.name).map((p) => `${p.host ?? '(any host)'}${p.path ?? '/'} in ingress ${i.name}`));
  if (ingressPaths.length) out.push({ via: 'INGRESS', label: 'Ingress paths', urls: s.accessUrls.filter((u) => u.via === 'INGRESS'), paths: ingressPaths });
  if (s.type === 'LoadBalancer') out.push({ via: 'LOAD_BALANCER', label: 'Load balancer and node ports (back to ClusterIP)', urls: s.accessUrls.filter((u) => u.via === 'LOAD_BALANCER' || u.via === 'NODE_PORT'), paths: [] });
  if (s.type === 'NodePort') out.push({ via: 'NODE_PORT', label: 'Node ports (back to ClusterIP)', urls: s.accessUrls.filter((u) => u.via === 'NODE_PORT'), paths: [] });
  return out;
}

/**
 * Take an exposure back: first what will disappear (its URLs and ingress paths), then
 * the cluster's dry run of it ("Review"), then the change itself.
 */
export function UnexposeDialog({ service: s, open, onOpenChange }: { service: ExposeTarget; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const mutate = useMutate();
  const { permissions } = useMe();
  const exposures = exposuresOf(s);
  const [via, setVia] = useState<ExposeVia | undefined>(exposures[0]?.via);
  const chosen = exposures.find((e) => e.via === via) ?? exposures[0];
  const change = useChange({
    run: (r) => mutate(UnexposeServiceMutation, { cluster: s.cluster, namespace: s.namespace, name: s.name, input: { via: chosen?.via ?? 'INGRESS' }, ...r }),
    outcomeOf: (d) => outcomeOf(d.unexposeService),
    fieldOf: () => null,
  });

  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) {
      if (change.phase === 'done') router.refresh();
      change.edit();
    }
  };

  return (
    <Modal open={open} onOpenChange={close} title={`Unexpose service ${s.name}?`} description={`${s.namespace}/${s.name} in cluster ${s.cluster}: what will disappear, then the cluster’s dry run, then the change.`} wide={change.phase !== 'editing'}>
      {chosen && change.phase !== 'done' && (
        <div className="mb-4 flex flex-col gap-4" data-testid="unexpose-confirm">
          {exposures.length > 1 && (
            <fieldset className="flex flex-col gap-2" disabled={change.phase !== 'editing'}>
              <legend className="mb-1 text-sm font-medium text-text">Take back</legend>
              {exposures.map((e) => (
                <label key={e.via} className="flex items-center gap-2 text-sm text-text">
                  <input type="radio" name="unexpose-via" className="accent-[var(--accent)]" checked={chosen.via === e.via} onChange={() => setVia(e.via)} />
                  {e.label}
                </label>
              ))}
            </fieldset>
          )}
          <section aria-labelledby="unexpose-gone" className="flex flex-col gap-2">
            <h3 id="unexpose-gone" className="text-sm font-semibold text-text">
              What will disappear
            </h3>
            {chosen.paths.length > 0 && (
              <ul aria-label="Ingress paths that will be removed" className="list-disc pl-5 font-mono text-xs text-text">
                {chosen.paths.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            {chosen.urls.length ? <UrlList urls={chosen.urls} label="URLs that will stop working" /> : <p className="text-sm text-muted">No URL is listed for it.</p>}
            {chosen.via === 'INGRESS' && <p className="text-xs text-muted">An ingress left without paths is deleted; other paths of the same ingresses stay.</p>}
          </section>
        </div>
      )}
      <ChangeFlow
        change={change}
        applyLabel="Unexpose"
        doneTitle={`Service ${s.name} unexposed`}
        ready={!!chosen}
        canForce={permissions.canForce}
        danger
        onCancel={change.phase === 'done' ? undefined : () => close(false)}
        doneActions={
          <Button variant="primary" onClick={() => close(false)}>
            Done
          </Button>
        }
      />
    </Modal>
  );
}
