'use client';

import { ListTree, Network } from 'lucide-react';
import { cn } from '../../lib/cn';

export type TopologyViewMode = 'graph' | 'outline';

/** Graph or outline (the same objects as text): two pressed-state buttons. */
export function ViewToggle({ value, onChange, label, small }: { value: TopologyViewMode; onChange: (v: TopologyViewMode) => void; label: string; small?: boolean }) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-border-strong bg-surface p-0.5">
      {(['graph', 'outline'] as const).map((v) => {
        const Icon = v === 'graph' ? Network : ListTree;
        return (
          <button
            key={v}
            type="button"
            aria-pressed={value === v}
            onClick={() => onChange(v)}
            className={cn(
              'inline-flex cursor-pointer items-center rounded font-medium',
              small ? 'h-7 gap-1 px-2 text-xs' : 'h-8 gap-1.5 px-3 text-sm',
              value === v ? 'bg-accent text-accent-fg' : 'text-text hover:bg-surface-2',
            )}
          >
            <Icon aria-hidden className={small ? 'size-3.5' : 'size-4'} />
            {v === 'graph' ? 'Graph' : 'Outline'}
          </button>
        );
      })}
    </div>
  );
}
