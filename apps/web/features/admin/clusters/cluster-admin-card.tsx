import { Chip, StatusBadge } from '../../../components/ui/badge';
import { TimeAgo } from '../../../components/ui/time-ago';
import { cn } from '../../../lib/cn';
import type { ClusterAdminFieldsFragment } from '../../../lib/graphql/generated/graphql';
import { formatCount, KIND_LABEL, KIND_ORDER } from '../../../lib/kinds';
import { ClusterActions } from './cluster-actions';

const AUTH: Record<ClusterAdminFieldsFragment['authKind'], string> = { KUBECONFIG: 'kubeconfig', TOKEN: 'server + token', IN_CLUSTER: 'in-cluster service account' };

/** One registered cluster for its admin: how it is reached, its sync per kind with the last error, and what can be done to it. */
export function ClusterAdminCard({ cluster, highlighted }: { cluster: ClusterAdminFieldsFragment; highlighted?: boolean }) {
  const kinds = [...cluster.syncStates].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const headingId = `admin-cluster-${cluster.name}`;
  return (
    <article id={`cluster-${cluster.name}`} aria-labelledby={headingId} data-testid={`admin-cluster-${cluster.name}`} data-status={cluster.status} className={cn('rounded-lg border bg-surface shadow-card', highlighted ? 'border-2 border-accent' : 'border-border')}>
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-base font-semibold text-text">
              {cluster.displayName}
            </h2>
            <StatusBadge status={cluster.status} title={`Sync status: ${cluster.status}`} />
          </div>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            <dt className="text-muted">Name</dt>
            <dd className="font-mono text-text">{cluster.name}</dd>
            <dt className="text-muted">Server</dt>
            <dd className="font-mono break-all text-text">{cluster.server}</dd>
            <dt className="text-muted">Connects with</dt>
            <dd className="text-text">
              {AUTH[cluster.authKind]}
              {cluster.context ? ` (context ${cluster.context})` : ''}
            </dd>
            <dt className="text-muted">Cluster domain</dt>
            <dd className="font-mono text-text">{cluster.clusterDomain}</dd>
            <dt className="text-muted">Labels</dt>
            <dd>
              {cluster.labels.length ? (
                <span className="flex flex-wrap gap-1">
                  {cluster.labels.map((l) => (
                    <Chip key={l.key} mono>
                      {l.key}={l.value}
                    </Chip>
                  ))}
                </span>
              ) : (
                <span className="text-muted">none</span>
              )}
            </dd>
          </dl>
        </div>
        <ClusterActions cluster={cluster} />
      </div>
      <div className="overflow-x-auto px-4 py-3">
        {cluster.paused && <p className="mb-2 text-sm text-muted">Sync is paused: the catalog shows this cluster as it was when it was paused.</p>}
        {kinds.length === 0 ? (
          <p className="text-sm text-muted">No kind has reported yet: the first lists start within seconds of registering or resuming.</p>
        ) : (
          <table className="w-full text-xs">
            <caption className="sr-only">Sync state per kind of {cluster.displayName}</caption>
            <thead className="text-left text-muted">
              <tr>
                <th className="py-1 pr-3 font-medium">Kind</th>
                <th className="py-1 pr-3 font-medium">State</th>
                <th className="py-1 pr-3 text-right font-medium">Objects</th>
                <th className="py-1 pr-3 font-medium">Last list</th>
                <th className="py-1 pr-3 font-medium">Last event</th>
                <th className="py-1 pr-3 text-right font-medium">Relists / restarts</th>
                <th className="py-1 font-medium">Last error</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k.kind} className="border-t border-border align-top" data-kind={k.kind}>
                  <td className="py-1.5 pr-3 text-text">{KIND_LABEL[k.kind]}</td>
                  <td className="py-1.5 pr-3">
                    <StatusBadge status={k.status} />
                  </td>
                  <td className="py-1.5 pr-3 text-right text-text tabular-nums">{formatCount(k.objectCount)}</td>
                  <td className="py-1.5 pr-3 text-muted">
                    <TimeAgo iso={k.lastListAt} />
                  </td>
                  <td className="py-1.5 pr-3 text-muted">
                    <TimeAgo iso={k.lastEventAt} />
                  </td>
                  <td className="py-1.5 pr-3 text-right text-muted tabular-nums">
                    {k.relists} / {k.restarts}
                  </td>
                  <td className={cn('py-1.5 break-words', k.lastError ? 'text-bad' : 'text-muted')}>{k.lastError ?? 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </article>
  );
}
