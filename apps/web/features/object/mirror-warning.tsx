import { TriangleAlert } from 'lucide-react';
import { TimeAgo } from '../../components/ui/time-ago';
import { cn } from '../../lib/cn';
import type { MirrorFieldsFragment } from '../../lib/graphql/generated/graphql';
import { KIND_LABEL } from '../../lib/kinds';
import { statusLook, TONE_CLASSES } from '../../lib/tone';

/** Shown when the cluster's mirror is not READY: the page may show an out-of-date picture, and why. */
export function MirrorWarning({ cluster }: { cluster: Omit<MirrorFieldsFragment, '__typename'> }) {
  if (cluster.status === 'READY') return null;
  const look = statusLook(cluster.status);
  const Icon = look.icon;
  const troubled = cluster.syncStates.filter((k) => k.lastError || (k.status !== 'READY' && k.status !== 'PAUSED'));
  const lastEvent = cluster.syncStates.map((k) => k.lastEventAt).filter((t): t is string => !!t).sort().at(-1);
  const name = cluster.displayName;
  const what =
    cluster.status === 'PAUSED'
      ? `Mirroring of cluster ${name} is paused: this page shows the state when it stopped, and does not change until an admin resumes it.`
      : cluster.status === 'SYNCING' || cluster.status === 'PENDING'
        ? `Cluster ${name} is still being listed: some objects may be missing for a few seconds.`
        : `The mirror of cluster ${name} is ${cluster.status === 'ERROR' ? 'failing' : 'retrying after errors'}: this page may be out of date.`;
  return (
    <div role="status" data-testid="mirror-warning" data-status={cluster.status} className={cn('mb-4 flex gap-3 rounded-lg border px-4 py-3 text-sm', TONE_CLASSES[look.tone])}>
      {cluster.status === 'DEGRADED' || cluster.status === 'ERROR' ? <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" /> : <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />}
      <div className="min-w-0 text-text">
        <p className="font-semibold">{what}</p>
        {troubled.length > 0 && (
          <ul className="mt-1 space-y-0.5 text-xs">
            {troubled.slice(0, 3).map((k) => (
              <li key={k.kind} className="break-words">
                <span className="font-medium">{KIND_LABEL[k.kind]}</span> {statusLook(k.status).label.toLowerCase()}
                {k.lastError && <>: {k.lastError}</>}
              </li>
            ))}
          </ul>
        )}
        {lastEvent && (
          <p className="mt-1 text-xs">
            Last change mirrored <TimeAgo iso={lastEvent} />.
          </p>
        )}
      </div>
    </div>
  );
}
