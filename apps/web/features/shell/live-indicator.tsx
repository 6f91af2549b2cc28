'use client';

import { cn } from '../../lib/cn';
import { useLiveContext } from '../live/live-provider';

const LOOK = {
  idle: { dot: 'bg-idle', text: 'Idle', title: 'Nothing on this page updates by itself; pages that do connect on their own' },
  connected: { dot: 'bg-ok', text: 'Live', title: 'Pages update as the clusters change' },
  connecting: { dot: 'bg-idle', text: 'Connecting', title: 'Opening the live connection to the API' },
  reconnecting: { dot: 'bg-warn animate-pulse', text: 'Reconnecting', title: 'The live connection dropped; pages may be behind until it is back' },
} as const;

/** Whether pages are receiving live updates right now. */
export function LiveIndicator() {
  const { connection } = useLiveContext();
  const look = LOOK[connection];
  return (
    <span className="flex items-center gap-1.5 text-xs text-muted" title={look.title} data-testid="live-indicator" data-state={connection}>
      <span aria-hidden className={cn('size-2 rounded-full', look.dot)} />
      {look.text}
    </span>
  );
}
