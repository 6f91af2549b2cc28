'use client';

import { Search } from 'lucide-react';
import { type KeyboardEvent, useDeferredValue, useId, useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import { StatusMark } from './graph-nodes';
import { KIND_ICON, KIND_WORD, type GraphNode } from './model';

const LIMIT = 12;
const KIND_RANK: Record<string, number> = { Service: 0, Ingress: 1, Namespace: 2, Cluster: 3, Pod: 4, Endpoint: 5 };

/** Nodes whose name (or namespace/name) contains the text: exact names first, then prefixes. */
export function searchNodes(nodes: readonly GraphNode[], text: string, limit = LIMIT): GraphNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const scored: { n: GraphNode; score: number }[] = [];
  for (const n of nodes) {
    const name = n.name.toLowerCase();
    const full = n.namespace ? `${n.namespace}/${n.name}`.toLowerCase() : name;
    const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : full.includes(q) ? 3 : -1;
    if (score >= 0) scored.push({ n, score });
  }
  scored.sort((a, b) => a.score - b.score || KIND_RANK[a.n.kind]! - KIND_RANK[b.n.kind]! || a.n.name.localeCompare(b.n.name) || a.n.id.localeCompare(b.n.id));
  return scored.slice(0, limit).map((s) => s.n);
}

/** A combobox over the shown graph: type a name, pick a match (Enter or click), and the view centres on it. */
export function NodeSearch({ nodes, onPick, className }: { nodes: readonly GraphNode[]; onPick: (n: GraphNode) => void; className?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(text);
  const matches = useMemo(() => searchNodes(nodes, deferred), [nodes, deferred]);
  const listId = `${id}-list`;
  const shown = open && text.trim() !== '';
  const pick = (n: GraphNode | undefined) => {
    if (!n) return;
    setOpen(false);
    setText(n.name);
    onPick(n);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') pick(matches[active] ?? matches[0]);
    else if (e.key === 'Escape') {
      if (!open) setText('');
      setOpen(false);
    } else return;
    e.preventDefault();
  };
  return (
    <div className={cn('relative', className)}>
      <label htmlFor={`${id}-input`} className="sr-only">
        Search the graph for a node by name
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && matches[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search a name…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="h-9 w-full rounded-md border border-border-strong bg-surface pr-2 pl-8 text-sm text-text placeholder:text-muted"
      />
      {shown && (
        <ul id={listId} role="listbox" aria-label="Matching nodes" className="absolute right-0 left-0 z-40 mt-1 max-h-80 overflow-auto rounded-md border border-border bg-surface p-1 shadow-lg">
          {matches.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled className="px-2 py-1.5 text-sm text-muted">
              No node named “{text.trim()}” in this view
            </li>
          ) : (
            matches.map((n, i) => {
              const Icon = KIND_ICON[n.kind];
              return (
                <li
                  key={n.id}
                  id={`${id}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={cn('flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm', i === active && 'bg-surface-2')}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => pick(n)}
                >
                  <Icon aria-hidden className="size-3.5 shrink-0 text-muted" />
                  <span className="text-xs text-muted">{KIND_WORD[n.kind]}</span>
                  <span className="truncate font-medium text-text">{n.name}</span>
                  <span className="truncate text-xs text-muted">{n.namespace ? `${n.cluster}/${n.namespace}` : n.kind === 'Namespace' ? n.cluster : ''}</span>
                  <StatusMark status={n.status} className="ml-auto" />
                </li>
              );
            })
          )}
        </ul>
      )}
    </div>
  );
}
