import type { LucideIcon } from 'lucide-react';
import { CircleX, Inbox } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

/** Nothing to show: says why and what to do next. */
export function EmptyState({ title, children, icon: Icon = Inbox, action, className }: { title: string; children?: ReactNode; icon?: LucideIcon; action?: ReactNode; className?: string }) {
  return (
    <div className={cn('flex flex-col items-center gap-2 px-6 py-10 text-center', className)}>
      <Icon aria-hidden className="size-8 text-faint" />
      <p className="text-sm font-semibold text-text">{title}</p>
      {children && <div className="max-w-md text-sm text-muted">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

/** Something failed: the reason as the API gave it, and what to try. */
export function ErrorState({ title, message, children, action }: { title: string; message?: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-2 rounded-lg border border-bad/40 bg-bad-soft px-4 py-3 text-sm">
      <p className="flex items-center gap-2 font-semibold text-bad">
        <CircleX aria-hidden className="size-4" />
        {title}
      </p>
      {message && <p className="font-mono text-xs break-all text-text">{message}</p>}
      {children && <div className="text-muted">{children}</div>}
      {action}
    </div>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded bg-surface-2', className)} />;
}
