'use client';

import { DIAGNOSTIC_CODES, DIAGNOSTIC_TITLES } from '@switchboard/k8s-model';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';

export interface FilterOptions {
  clusters: { name: string; displayName: string }[];
  namespaces: string[];
  counts: { ERROR: number; WARNING: number; INFO: number };
}

const selectClass = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-text';

/** Severity, code, cluster and namespace as URL parameters: a view is a link, Back/Forward restore it. */
export function DiagnosticsFilters({ options }: { options: FilterOptions }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('after');
    if (key === 'cluster') next.delete('namespace');
    startTransition(() => router.push(next.size ? `${pathname}?${next}` : pathname));
  };
  const raw = params.get('severity');
  const severity = raw === 'ERROR' || raw === 'WARNING' || raw === 'INFO' ? raw : null;
  const total = options.counts.ERROR + options.counts.WARNING + options.counts.INFO;
  const tabs = [
    { value: null, label: 'All', count: total },
    { value: 'ERROR', label: 'Errors', count: options.counts.ERROR },
    { value: 'WARNING', label: 'Warnings', count: options.counts.WARNING },
    { value: 'INFO', label: 'Info', count: options.counts.INFO },
  ];
  return (
    <div className={cn('mb-4 flex flex-wrap items-end gap-3', pending && 'opacity-70')} aria-busy={pending}>
      <div role="group" aria-label="Severity" className="flex rounded-md border border-border-strong bg-surface p-0.5">
        {tabs.map((t) => (
          <button
            key={t.label}
            type="button"
            aria-pressed={severity === t.value}
            onClick={() => set('severity', t.value)}
            className={cn('cursor-pointer rounded px-2.5 py-1 text-sm', severity === t.value ? 'bg-accent-soft font-semibold text-text' : 'text-muted hover:text-text')}
          >
            {t.label} <span className="tabular-nums">({t.count})</span>
          </button>
        ))}
      </div>
      <label className="flex flex-col gap-1 text-xs text-muted">
        Finding
        <select className={selectClass} value={params.get('code') ?? ''} onChange={(e) => set('code', e.target.value || null)}>
          <option value="">Every kind of finding</option>
          {DIAGNOSTIC_CODES.map((c) => (
            <option key={c} value={c}>
              {DIAGNOSTIC_TITLES[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        Cluster
        <select className={selectClass} value={params.get('cluster') ?? ''} onChange={(e) => set('cluster', e.target.value || null)}>
          <option value="">Every cluster</option>
          {options.clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        Namespace
        <select className={selectClass} value={params.get('namespace') ?? ''} onChange={(e) => set('namespace', e.target.value || null)}>
          <option value="">Every namespace</option>
          {options.namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {params.size > 0 && (
        <Button variant="ghost" size="md" onClick={() => startTransition(() => router.push(pathname))}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
