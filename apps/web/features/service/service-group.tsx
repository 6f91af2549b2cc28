import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { serviceKindLabel } from '@switchboard/k8s-model';
import { Chip, StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { cn } from '../../lib/cn';
import { routes } from '../../lib/routes';
import type { PageService } from './types';

const portsOf = (ports: readonly { port: number; protocol: string }[]) => (ports.length ? ports.map((p) => `${p.port}/${p.protocol}`).join(', ') : 'no ports');

/** The same namespace/name in other clusters (namespace sameness): each member's health, endpoints and primary URL, and whether they agree. */
export function ServiceGroup({ service }: { service: PageService }) {
  const g = service.group;
  const others = g.members.filter((m) => m.cluster !== service.cluster);
  return (
    <Card aria-labelledby="group-heading" data-testid="service-group">
      <CardHeader
        id="group-heading"
        title={others.length ? `In ${g.clusters.length} clusters` : 'Other clusters'}
        description={
          others.length
            ? `${service.namespace}/${service.name} exists in ${others.length === 1 ? 'one other cluster' : `${others.length} other clusters`} too: one service, several places to reach it.`
            : `Only in ${service.cluster}. A service with the same namespace and name in another registered cluster would be listed here.`
        }
      />
      {others.length > 0 && !g.consistent && (
        <p role="note" className="flex gap-2 border-b border-border bg-warn-soft px-4 py-2 text-xs text-text" data-testid="group-inconsistent">
          <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0 text-warn" />
          <span>
            <span className="font-semibold">Not the same everywhere:</span> type or ports differ between clusters (compare below), so a client moved to another cluster may find a different service.
          </span>
        </p>
      )}
      {others.length > 0 && (
        <ul className="divide-y divide-border">
          {g.members.map((m) => {
            const here = m.cluster === service.cluster;
            const s = m.service;
            const differs = !g.consistent && (serviceKindLabel(s) !== serviceKindLabel(service) || portsOf(s.ports) !== portsOf(service.ports));
            return (
              <li key={m.cluster} className={cn('px-4 py-2.5', here && 'bg-surface-2/60')} data-testid="group-member" data-cluster={m.cluster}>
                <div className="flex items-center justify-between gap-2">
                  {here ? (
                    <span className="text-sm font-semibold text-text">
                      {m.cluster} <span className="font-normal text-muted">(this page)</span>
                    </span>
                  ) : (
                    <Link href={routes.service(s.cluster, s.namespace, s.name)} className="text-sm font-semibold">
                      {m.cluster}
                    </Link>
                  )}
                  <StatusBadge status={m.health} />
                </div>
                <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                  <Chip className={cn(differs && 'border-warn text-warn')}>{serviceKindLabel(s)}</Chip>
                  <span className={cn(differs && 'font-medium text-warn')}>{portsOf(s.ports)}</span>
                  {s.type !== 'ExternalName' && (
                    <span>
                      · {s.endpointCounts.ready}/{s.endpointCounts.total} ready
                    </span>
                  )}
                </p>
                {s.primaryAccessUrl && (
                  <p className="mt-1 truncate font-mono text-xs text-text" title={s.primaryAccessUrl.url}>
                    {s.primaryAccessUrl.url}
                    {s.primaryAccessUrl.pending && <span className="font-sans text-muted"> (pending)</span>}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
