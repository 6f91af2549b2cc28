import { ArrowRight, CircleX, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { syncNeedsAttention } from '@switchboard/k8s-model';
import { Chip, StatusBadge } from '../../components/ui/badge';
import { TimeAgo } from '../../components/ui/time-ago';
import { cn } from '../../lib/cn';
import type { OverviewQuery } from '../../lib/graphql/generated/graphql';
import { formatCount, KIND_LABEL, KIND_ORDER } from '../../lib/kinds';
import { routes } from '../../lib/routes';
import { statusLook, TONE_BORDER } from '../../lib/tone';
import { ManageClusterLink } from '../admin/manage-cluster-link';

type Cluster = OverviewQuery['clusters'][number];

function Stat({ label, value, detail, href }: { label: string; value: string; detail?: React.ReactNode; href?: string }) {
  const body = (
    <>
      <span className="text-xs text-muted">{label}</span>
      <span className="text-lg font-semibold text-text tabular-nums">{value}</span>
      {detail && <span className="text-xs text-muted">{detail}</span>}
    </>
  );
  return href ? (
    <Link href={href} className="flex flex-col rounded-md px-2 py-1.5 no-underline hover:bg-surface-2">
      {body}
    </Link>
  ) : (
    <div className="flex flex-col px-2 py-1.5">{body}</div>
  );
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

const KIND_COLOUR: Record<string, string> = { ClusterIP: 'bg-accent', Headless: 'bg-info', NodePort: 'bg-warn', LoadBalancer: 'bg-ok', ExternalName: 'bg-idle' };

/** Services per kind as one bar with a legend (the legend carries the numbers, so colour is never alone). */
function KindBar({ kinds, total }: { kinds: Cluster['summary']['servicesByKind']; total: number }) {
  const shown = kinds.filter((k) => k.count > 0);
  if (total === 0) return <>none yet</>;
  return (
    <span className="mt-1 flex flex-col gap-1">
      <span aria-hidden className="flex h-1.5 w-full overflow-hidden rounded-full bg-surface-2">
        {shown.map((k) => (
          <span key={k.kind} className={KIND_COLOUR[k.kind]} style={{ width: `${(k.count / total) * 100}%` }} />
        ))}
      </span>
      <span className="flex flex-wrap gap-x-2 gap-y-0.5">
        {shown.map((k) => (
          <span key={k.kind} className="flex items-center gap-1 whitespace-nowrap">
            <span aria-hidden className={`size-1.5 rounded-full ${KIND_COLOUR[k.kind]}`} />
            {k.count} {k.kind}
          </span>
        ))}
      </span>
    </span>
  );
}

/** One registered cluster: whether its mirror can be trusted right now, and what it holds. */
export function ClusterCard({ cluster }: { cluster: Cluster }) {
  const s = cluster.summary;
  const look = statusLook(cluster.status);
  const troubled = syncNeedsAttention(cluster.status);
  const failing = cluster.syncStates.filter((k) => syncNeedsAttention(k.status));
  const kinds = [...cluster.syncStates].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const endpointsPct = s.endpoints.total ? Math.round((s.endpoints.ready / s.endpoints.total) * 100) : null;
  const findings = s.diagnostics.errors + s.diagnostics.warnings + s.diagnostics.infos;
  const headingId = `cluster-${cluster.name}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid={`cluster-card-${cluster.name}`}
      data-status={cluster.status}
      className={cn('flex flex-col rounded-lg border bg-surface shadow-card', troubled ? cn('border-2', TONE_BORDER[look.tone]) : 'border-border')}
    >
      <div className="flex items-start justify-between gap-3 px-4 pt-3.5 pb-2">
        <div className="min-w-0">
          <h2 id={headingId} className="truncate text-base font-semibold text-text">
            {cluster.displayName}
          </h2>
          <p className="truncate text-xs text-muted" title={cluster.server}>
            {cluster.name !== cluster.displayName && <span className="font-mono">{cluster.name} · </span>}
            {cluster.server.replace(/^https?:\/\//, '')}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <StatusBadge status={cluster.status} className="text-sm" title={`Sync status: ${look.label}`} />
          <ManageClusterLink name={cluster.name} displayName={cluster.displayName} />
        </div>
      </div>
      {cluster.labels.length > 0 && (
        <ul className="flex flex-wrap gap-1 px-4 pb-2" aria-label="Cluster labels">
          {cluster.labels.map((l) => (
            <li key={l.key}>
              <Chip title={`${l.key}=${l.value}`}>
                <span className="text-muted">{l.key}:</span>&nbsp;{l.value}
              </Chip>
            </li>
          ))}
        </ul>
      )}
      {failing.length > 0 && (
        <div role="status" className={cn('mx-4 mb-2 rounded-md border px-3 py-2 text-xs', cluster.status === 'ERROR' ? 'border-bad/40 bg-bad-soft' : 'border-warn/40 bg-warn-soft')}>
          <p className={cn('flex items-center gap-1.5 font-semibold', cluster.status === 'ERROR' ? 'text-bad' : 'text-warn')}>
            {cluster.status === 'ERROR' ? <CircleX aria-hidden className="size-3.5" /> : <TriangleAlert aria-hidden className="size-3.5" />}
            {cluster.status === 'ERROR' ? 'Mirror is failing: what you see may be out of date' : 'Mirror is retrying: recent changes may be missing'}
          </p>
          {failing.slice(0, 2).map((k) => (
            <p key={k.kind} className="mt-1 break-words text-text">
              <span className="font-medium">{KIND_LABEL[k.kind]}:</span> {k.lastError ?? 'no error reported yet'}
            </p>
          ))}
        </div>
      )}
      <div className="grid grid-cols-4 gap-1 px-2 pb-2">
        <div className="col-span-2">
          <Stat label="Services" value={formatCount(s.services)} href={routes.catalog({ cluster: cluster.name })} detail={<KindBar kinds={s.servicesByKind} total={s.services} />} />
        </div>
        <Stat label="Ready endpoints" value={`${formatCount(s.endpoints.ready)} / ${formatCount(s.endpoints.total)}`} detail={endpointsPct === null ? 'no endpoints' : `${endpointsPct}% ready`} />
        <Stat
          label="Findings"
          value={formatCount(findings)}
          href={routes.diagnostics({ cluster: cluster.name })}
          detail={
            <span className="flex gap-2">
              <span className={s.diagnostics.errors ? 'text-bad' : undefined}>{plural(s.diagnostics.errors, 'error')}</span>
              <span className={s.diagnostics.warnings ? 'text-warn' : undefined}>{plural(s.diagnostics.warnings, 'warning')}</span>
            </span>
          }
        />
        <Stat label="Ingresses" value={formatCount(s.ingresses)} />
        <Stat label="Nodes ready" value={`${s.nodes.ready} / ${s.nodes.total}`} />
        <Stat label="Namespaces" value={formatCount(s.namespaces)} />
        <Stat label="Pods" value={formatCount(s.pods)} />
      </div>
      <details className="group border-t border-border px-4 py-2 text-xs" open={troubled}>
        <summary className="cursor-pointer text-muted select-none hover:text-text">
          Sync per kind
          {!troubled && kinds.length > 0 && <span> — all {kinds.filter((k) => k.status === 'READY').length === kinds.length ? 'ready' : 'reporting'}</span>}
        </summary>
        <table className="mt-2 w-full">
          <caption className="sr-only">Sync state of each kind in {cluster.displayName}</caption>
          <thead className="text-left text-muted">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Kind
              </th>
              <th scope="col" className="py-1 font-medium">
                State
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Objects
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Last event
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Lag
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k.kind} className="border-t border-border/60" data-testid={`sync-${cluster.name}-${k.kind}`}>
                <th scope="row" className="py-1 text-left font-normal text-text">
                  {KIND_LABEL[k.kind]}
                </th>
                <td className="py-1">
                  <StatusBadge status={k.status} title={k.lastError ?? undefined} />
                </td>
                <td className="py-1 text-right tabular-nums">{formatCount(k.objectCount)}</td>
                <td className="py-1 text-right text-muted">
                  <TimeAgo iso={k.lastEventAt ?? k.lastListAt} />
                </td>
                <td className="py-1 text-right text-muted tabular-nums">{k.lagSeconds === null || k.lagSeconds === undefined ? '—' : `${k.lagSeconds < 1 ? Math.round(k.lagSeconds * 1000) + ' ms' : k.lagSeconds.toFixed(1) + ' s'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="mt-auto flex gap-4 border-t border-border px-4 py-2 text-xs">
        <Link href={routes.catalog({ cluster: cluster.name })} className="flex items-center gap-1">
          Services <ArrowRight aria-hidden className="size-3" />
        </Link>
        <Link href={routes.topology({ cluster: cluster.name })} className="flex items-center gap-1">
          Topology <ArrowRight aria-hidden className="size-3" />
        </Link>
        <Link href={routes.diagnostics({ cluster: cluster.name })} className="flex items-center gap-1">
          Findings <ArrowRight aria-hidden className="size-3" />
        </Link>
      </div>
    </article>
  );
}
