'use client';

import { Check, ChevronDown, CircleX, Search, Tags, X } from 'lucide-react';
import { Popover } from 'radix-ui';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { menuContent } from '../../components/ui/menu';
import { cn } from '../../lib/cn';

const fieldClass = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-text placeholder:text-faint';

export interface Option {
  value: string;
  label: string;
  /** Shown after the label (a count, a state). */
  detail?: ReactNode;
}

/**
 * A filter over a set of values: a button saying what is chosen, opening a list of
 * checkboxes (with a filter box when the list is long). Nothing chosen = no filter.
 */
export function MultiSelect({ label, noun, options, value, onChange, unknownLabel }: { label: string; noun: string; options: Option[]; value: string[]; onChange: (next: string[]) => void; unknownLabel?: (v: string) => string }) {
  const [filter, setFilter] = useState('');
  const id = useId();
  const known = new Set(options.map((o) => o.value));
  // Values from a link that the catalog does not have stay listed, so they can be unticked.
  const shown: Option[] = [...options, ...value.filter((v) => !known.has(v)).map((v) => ({ value: v, label: unknownLabel ? unknownLabel(v) : v }))];
  const needle = filter.trim().toLowerCase();
  const visible = needle ? shown.filter((o) => o.label.toLowerCase().includes(needle) || o.value.toLowerCase().includes(needle)) : shown;
  const summary = value.length === 0 ? 'all' : value.length <= 2 ? value.map((v) => shown.find((o) => o.value === v)?.label ?? v).join(', ') : `${value.length} selected`;
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <Popover.Root onOpenChange={(open) => !open && setFilter('')}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={cn(fieldClass, 'flex max-w-56 cursor-pointer items-center gap-1.5 hover:bg-surface-2', value.length > 0 && 'border-accent bg-accent-soft')}
          aria-label={`${label}: ${summary}`}
          data-testid={`filter-${noun}`}
        >
          <span className="text-muted">{label}</span>
          <span className="truncate font-medium">{summary}</span>
          <ChevronDown aria-hidden className="size-3.5 shrink-0 text-muted" />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={4} className={cn(menuContent, 'w-72 p-0')}>
          <fieldset>
            <legend className="sr-only">{label}</legend>
            {shown.length > 8 && (
              <div className="border-b border-border p-2">
                <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={`Filter ${noun}s…`} aria-label={`Filter the ${noun} list`} className={cn(fieldClass, 'w-full')} autoFocus />
              </div>
            )}
            <ul className="max-h-72 overflow-y-auto p-1" aria-label={`${label} choices`}>
              {visible.map((o) => {
                const inputId = `${id}-${o.value}`;
                return (
                  <li key={o.value}>
                    <label htmlFor={inputId} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-surface-2">
                      <input id={inputId} type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} className="size-3.5 accent-[var(--accent)]" />
                      <span className="min-w-0 flex-1 truncate">{o.label}</span>
                      {o.detail && <span className="shrink-0 text-xs text-muted">{o.detail}</span>}
                    </label>
                  </li>
                );
              })}
              {visible.length === 0 && <li className="px-2 py-3 text-center text-xs text-muted">No {noun} matches “{filter}”.</li>}
            </ul>
            <div className="flex items-center justify-between border-t border-border px-2 py-1.5 text-xs text-muted">
              <span>{value.length ? `${value.length} of ${shown.length} chosen` : `Any ${noun}`}</span>
              <button type="button" onClick={() => onChange([])} disabled={value.length === 0} className="cursor-pointer rounded px-1.5 py-0.5 text-text hover:bg-surface-2 disabled:cursor-default disabled:opacity-50">
                Clear
              </button>
            </div>
          </fieldset>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, disabled, title }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; disabled?: boolean; title?: string }) {
  const id = useId();
  return (
    <span className="flex items-center gap-1.5" title={title}>
      <label htmlFor={id} className="text-sm text-muted">
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)} className={cn(fieldClass, 'cursor-pointer pr-1 disabled:cursor-default disabled:opacity-60')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * Text typed locally and committed after a short pause (or at once on Enter), so every
 * keystroke is not a request; the committed value follows the URL (Back/Forward).
 */
function useDraft(value: string, commit: (v: string) => void, delayMs: number) {
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const committed = useRef(value);
  useEffect(() => {
    // The URL changed under us (Back/Forward, "clear filters"): show what it says.
    if (value !== committed.current) {
      committed.current = value;
      clearTimeout(timer.current);
      setDraft(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const flush = (v: string) => {
    clearTimeout(timer.current);
    if (v !== committed.current) {
      committed.current = v;
      commit(v);
    }
  };
  const change = (v: string) => {
    setDraft(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flush(v), delayMs);
  };
  return { draft, change, flush };
}

/** The catalog's text search: names, namespaces, labels and ingress hosts, as the API searches. */
export function SearchField({ value, onCommit }: { value: string; onCommit: (v: string) => void }) {
  // 80 ms: a pause between words, not between letters; leaves most of the 300 ms budget
  // (last keystroke → rows) to the request. Answers to superseded searches are dropped.
  const { draft, change, flush } = useDraft(value, onCommit, 80);
  return (
    <div className="relative min-w-64 flex-1">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
      <input
        type="search"
        value={draft}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') flush(draft);
          if (e.key === 'Escape' && draft) {
            e.preventDefault();
            change('');
            flush('');
          }
        }}
        aria-label="Search services by name, namespace, label or ingress host"
        placeholder="Search names, namespaces, labels, ingress hosts…"
        maxLength={200}
        className={cn(fieldClass, 'h-9 w-full pl-8')}
        data-testid="catalog-search"
      />
    </div>
  );
}

/**
 * A Kubernetes label selector, checked in the browser by the API's own parser: a bad
 * one says where and why next to the field, and nothing is sent until it is fixed.
 */
export function SelectorField({ value, problem, onCommit }: { value: string; problem: (v: string) => string | null; onCommit: (v: string) => void }) {
  const { draft, change, flush } = useDraft(value, onCommit, 400);
  const [typing, setTyping] = useState(false);
  const id = useId();
  // Judged on the draft once typing pauses (the committed value may lag by the delay).
  const error = typing ? null : problem(draft);
  useEffect(() => {
    if (!typing) return;
    const t = setTimeout(() => setTyping(false), 400);
    return () => clearTimeout(t);
  }, [typing, draft]);
  return (
    <div className="flex w-80 flex-col gap-1">
      <div className="relative">
        <Tags aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
        <input
          type="text"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setTyping(true);
            change(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              setTyping(false);
              flush(draft);
            }
          }}
          onBlur={() => {
            setTyping(false);
            flush(draft);
          }}
          aria-label="Label selector"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help`}
          placeholder="Labels, e.g. app=web,tier in (fe,be)"
          className={cn(fieldClass, 'h-9 w-full pr-7 pl-8 font-mono text-xs', error && 'border-bad')}
          data-testid="catalog-selector"
        />
        {draft && (
          <button
            type="button"
            onClick={() => {
              change('');
              flush('');
            }}
            aria-label="Clear the label selector"
            className="absolute top-1/2 right-1.5 grid size-5 -translate-y-1/2 cursor-pointer place-items-center rounded text-muted hover:text-text"
          >
            <X aria-hidden className="size-3.5" />
          </button>
        )}
      </div>
      <p id={`${id}-help`} aria-live="polite" className={cn('text-xs', error ? 'text-bad' : 'sr-only')} data-testid="selector-problem">
        {error ? (
          <span className="flex gap-1">
            <CircleX aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            <span>
              <span className="break-words">{error}</span>. Write requirements separated by commas: <code>key=value</code>, <code>key!=value</code>, <code>key in (a,b)</code>, <code>key notin (a)</code>, <code>key</code> or <code>!key</code>.
            </span>
          </span>
        ) : (
          'Kubernetes label selector syntax, as kubectl -l takes it'
        )}
      </p>
    </div>
  );
}

/** An on/off button (aria-pressed) for a view option such as grouping. */
export function Toggle({ pressed, onChange, children, title }: { pressed: boolean; onChange: (v: boolean) => void; children: ReactNode; title?: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
      title={title}
      className={cn(fieldClass, 'flex h-9 cursor-pointer items-center gap-1.5 font-medium hover:bg-surface-2', pressed && 'border-accent bg-accent-soft')}
      data-testid="group-toggle"
    >
      <span aria-hidden className={cn('grid size-4 place-items-center rounded border', pressed ? 'border-accent bg-accent text-accent-fg' : 'border-border-strong')}>
        {pressed && <Check className="size-3" />}
      </span>
      {children}
    </button>
  );
}
