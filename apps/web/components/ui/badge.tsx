import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { statusLook, TONE_CLASSES, type Tone } from '../../lib/tone';

export function Badge({ tone = 'idle', children, className, title }: { tone?: Tone; children: ReactNode; className?: string; title?: string }) {
  return (
    <span title={title} className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', TONE_CLASSES[tone], className)}>
      {children}
    </span>
  );
}

/** A state as icon + word + tone (never colour alone). `label` overrides the word. */
export function StatusBadge({ status, label, className, title }: { status: string; label?: string; className?: string; title?: string }) {
  const look = statusLook(status);
  const Icon = look.icon;
  return (
    <Badge tone={look.tone} className={className} title={title}>
      <Icon aria-hidden className="size-3.5" />
      {label ?? look.label}
    </Badge>
  );
}

/** Neutral chip for labels, types, ports. */
export function Chip({ children, className, title, mono }: { children: ReactNode; className?: string; title?: string; mono?: boolean }) {
  return (
    <span title={title} className={cn('inline-flex max-w-full items-center truncate rounded border border-border bg-surface-2 px-1.5 py-0.5 text-xs text-text', mono && 'font-mono', className)}>
      {children}
    </span>
  );
}
