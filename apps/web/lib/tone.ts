import type { LucideIcon } from 'lucide-react';
import { CircleAlert, CircleCheck, CircleDashed, CircleHelp, CirclePause, CircleX, Info, LoaderCircle, TriangleAlert } from 'lucide-react';

/** The dashboard's status vocabulary: every state maps to one tone, one icon and one word, so status is never colour alone. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'idle';

export interface StatusLook {
  tone: Tone;
  icon: LucideIcon;
  label: string;
}

const LOOKS: Record<string, StatusLook> = {
  // sync states
  READY: { tone: 'ok', icon: CircleCheck, label: 'Ready' },
  SYNCING: { tone: 'info', icon: LoaderCircle, label: 'Syncing' },
  PENDING: { tone: 'idle', icon: CircleDashed, label: 'Pending' },
  DEGRADED: { tone: 'warn', icon: TriangleAlert, label: 'Degraded' },
  ERROR: { tone: 'bad', icon: CircleX, label: 'Error' },
  PAUSED: { tone: 'idle', icon: CirclePause, label: 'Paused' },
  // health
  HEALTHY: { tone: 'ok', icon: CircleCheck, label: 'Healthy' },
  UNHEALTHY: { tone: 'bad', icon: CircleX, label: 'Unhealthy' },
  UNKNOWN: { tone: 'idle', icon: CircleHelp, label: 'Unknown' },
  // topology
  OK: { tone: 'ok', icon: CircleCheck, label: 'OK' },
  WARNING: { tone: 'warn', icon: TriangleAlert, label: 'Warning' },
  MISSING: { tone: 'bad', icon: CircleAlert, label: 'Missing' },
  // severities (ERROR and WARNING above)
  INFO: { tone: 'info', icon: Info, label: 'Info' },
};

export function statusLook(status: string): StatusLook {
  return LOOKS[status] ?? { tone: 'idle', icon: CircleHelp, label: status };
}

/** Text, soft background and border classes for a tone. */
export const TONE_CLASSES: Record<Tone, string> = {
  ok: 'text-ok bg-ok-soft border-ok/30',
  warn: 'text-warn bg-warn-soft border-warn/30',
  bad: 'text-bad bg-bad-soft border-bad/30',
  info: 'text-info bg-info-soft border-info/30',
  idle: 'text-idle bg-idle-soft border-idle/30',
};

export const TONE_TEXT: Record<Tone, string> = { ok: 'text-ok', warn: 'text-warn', bad: 'text-bad', info: 'text-info', idle: 'text-idle' };
export const TONE_BORDER: Record<Tone, string> = { ok: 'border-ok', warn: 'border-warn', bad: 'border-bad', info: 'border-info', idle: 'border-idle' };
