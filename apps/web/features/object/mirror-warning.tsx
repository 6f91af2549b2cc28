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
  const troubled = cluster.syncStates.filter((k) => k.status !== 'READY');
  const lastEvent = cluster.syncStates.map((k) => k.lastEventAt).filter((t): t is string => !!t).sort().at(-1);
  const what =
    cluster.status === 'PAUSED'
      ? 'Mirroring is paused: nothing on this page changes until an admin resumes it.'
      : cluster.status === 'SYNCING' || cluster.status === 'PENDING'
        ? 'The mirror is still listing the cluster: some objects may be missing for a few seconds.'
        : 'The mirror cannot keep up with the cluster right now: this page may be out of date.';
  return (
    <div role="status" data-testid="mirror-warning" className={cn('mb-4 flex gap-3 rounded-lg border px-4 py-3 text-sm', TONE_CLASSES[look.tone])}>
      {cluster.status === 'DEGRADED' || cluster.status === 'ERROR' ? <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" /> : <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />}
      <div className="min-w-0 text-text">
        <p className="font-semibold">
          Cluster {cluster.displayName}: mirror {look.label.toLowerCase()}. {what}
        </p>
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
        <p className="mt-1 text-xs">
          Last change mirrored <TimeAgo iso={lastEvent} />.
        </p>
      </div>
    </div>
  );
}
