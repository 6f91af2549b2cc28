'use client';

import type { TopologyOutlineEntry } from '@switchboard/k8s-model';
import { ChevronDown, ChevronRight, Filter } from 'lucide-react';
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { StatusBadge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { factsOf, type GraphNode, KIND_ICON, KIND_WORD, plural } from './model';

type Entry = TopologyOutlineEntry<GraphNode>;
interface Row {
  key: string;
  entry: Entry;
  parent: string | null;
}

export interface TopologyOutlineProps {
  entries: Entry[];
  hrefOf: (id: string) => string | null;
  /** Enter on an item: open its page (objects) or narrow the view to it (clusters, namespaces). */
  onActivate: (node: GraphNode) => void;
  /** Shows and focuses this node (search); `seq` changes for each request. */
  focus: { id: string | null; seq: number };
  label: string;
  /** With the connection layer on: pod node id → the connections its workload may open (read with the pod). */
  connectionsOf?: ReadonlyMap<string, readonly string[]>;
  /** Outlines bigger than this start with their namespaces folded. */
  openLimit?: number;
}

const keyOf = (parent: string | null, id: string) => (parent ? `${parent}>${id}` : id);

function countAll(entries: Entry[]): number {
  let n = 0;
  for (const e of entries) n += 1 + countAll(e.children);
  return n;
}

/**
 * The graph as a tree (role="tree"): cluster → namespace → ingresses and services → pods, with
 * statuses as words. Arrow keys move and fold, Enter opens, Home/End jump — the WAI-ARIA tree
 * pattern, so a screen reader walks the same data the graph draws.
 */
export function TopologyOutline({ entries, hrefOf, onActivate, focus, label, connectionsOf, openLimit = 400 }: TopologyOutlineProps) {
  const ids = useId();
  const total = useMemo(() => countAll(entries), [entries]);
  const allParents = useCallback(
    (only?: (e: Entry, level: number) => boolean) => {
      const out = new Set<string>();
      const walk = (list: Entry[], parent: string | null, level: number) => {
        for (const e of list) {
          const k = keyOf(parent, e.node.id);
          if (e.children.length && (!only || only(e, level))) out.add(k);
          walk(e.children, k, level + 1);
        }
      };
      walk(entries, null, 1);
      return out;
    },
    [entries],
  );
  const [open, setOpen] = useState<Set<string>>(() => (total <= openLimit ? allParents() : allParents((_e, level) => level === 1)));
  const [active, setActive] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<string | null>(null);

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (list: Entry[], parent: string | null) => {
      for (const e of list) {
        const key = keyOf(parent, e.node.id);
        out.push({ key, entry: e, parent });
        if (e.children.length && open.has(key)) walk(e.children, key);
      }
    };
    walk(entries, null);
    return out;
  }, [entries, open]);
  const index = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const activeKey = active && index.has(active) ? active : (rows[0]?.key ?? null);

  useEffect(() => {
    if (!focusAfter.current) return;
    const el = treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusAfter.current)}"]`);
    focusAfter.current = null;
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  });

  const moveTo = (key: string | undefined) => {
    if (!key) return;
    setActive(key);
    focusAfter.current = key;
  };
  const setOpenOne = (key: string, value: boolean) =>
    setOpen((cur) => {
      if (cur.has(key) === value) return cur;
      const next = new Set(cur);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });

  // Search: open the way to the node and focus it.
  const handled = useRef(-1);
  useEffect(() => {
    if (!focus.id || handled.current === focus.seq) return;
    handled.current = focus.seq;
    let found: string | null = null;
    const walk = (list: Entry[], parent: string | null): boolean => {
      for (const e of list) {
        const k = keyOf(parent, e.node.id);
        if (e.node.id === focus.id) {
          found = k;
          return true;
        }
        if (walk(e.children, k)) return true;
      }
      return false;
    };
    walk(entries, null);
    if (!found) return;
    const key: string = found;
    const parts = key.split('>');
    setOpen((cur) => {
      const next = new Set(cur);
      for (let i = 1; i < parts.length; i++) next.add(parts.slice(0, i).join('>'));
      return next;
    });
    moveTo(key);
  }, [focus.id, focus.seq, entries]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!activeKey) return;
    const i = index.get(activeKey) ?? 0;
    const row = rows[i]!;
    const expandable = row.entry.children.length > 0;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(rows[i + 1]?.key);
        break;
      case 'ArrowUp':
        moveTo(rows[i - 1]?.key);
        break;
      case 'Home':
        moveTo(rows[0]?.key);
        break;
      case 'End':
        moveTo(rows.at(-1)?.key);
        break;
      case 'ArrowRight':
        if (expandable && !open.has(row.key)) setOpenOne(row.key, true);
        else if (expandable) moveTo(rows[i + 1]?.key);
        break;
      case 'ArrowLeft':
        if (expandable && open.has(row.key)) setOpenOne(row.key, false);
        else if (row.parent) moveTo(row.parent);
        break;
      case 'Enter':
        onActivate(row.entry.node);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const renderRows = (list: Entry[], parent: string | null, level: number): React.ReactNode =>
    list.map((e, i) => {
      const key = keyOf(parent, e.node.id);
      const n = e.node;
      const expandable = e.children.length > 0;
      const isOpen = expandable && open.has(key);
      const rowId = `${ids}-${index.get(key) ?? key.length}`;
      const href = hrefOf(n.id);
      const Icon = KIND_ICON[n.kind];
      const facts = factsOf(n);
      const pods = n.kind === 'Service' ? e.children.filter((c) => c.node.kind === 'Pod' || c.node.kind === 'Endpoint') : [];
      const framed = n.kind === 'Cluster' || n.kind === 'Namespace';
      const reaches = connectionsOf?.get(n.id);
      return (
        <li
          key={key}
          role="treeitem"
          aria-level={level}
          aria-setsize={list.length}
          aria-posinset={i + 1}
          aria-expanded={expandable ? isOpen : undefined}
          aria-labelledby={rowId}
          tabIndex={key === activeKey ? 0 : -1}
          data-key={key}
          data-node-id={n.id}
          data-status={n.status}
          className="outline-none [&:focus-visible>div]:ring-2 [&:focus-visible>div]:ring-accent [&:focus-visible>div]:ring-inset"
          onFocus={(ev) => {
            if (ev.target === ev.currentTarget) setActive(key);
          }}
        >
          <div
            id={rowId}
            className={cn('flex min-w-0 items-center gap-2 rounded px-1 py-1 text-sm hover:bg-surface-2', key === activeKey && 'bg-accent-soft', e.context && 'text-muted')}
            style={{ paddingLeft: `${(level - 1) * 20 + 4}px` }}
            onClick={(ev) => {
              setActive(key);
              if (expandable && (ev.target as Element).closest('[data-toggle]')) setOpenOne(key, !isOpen);
            }}
          >
            <span data-toggle aria-hidden className={cn('grid size-4 shrink-0 place-items-center text-muted', expandable && 'cursor-pointer')}>
              {expandable ? isOpen ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" /> : null}
            </span>
            <Icon aria-hidden className="size-3.5 shrink-0 text-muted" />
            <span className="shrink-0 text-xs text-muted">{KIND_WORD[n.kind]}</span>
            {href ? (
              <a href={href} tabIndex={-1} className="truncate font-medium text-text hover:underline" onClick={(ev) => ev.stopPropagation()}>
                {n.name}
              </a>
            ) : (
              <span className="truncate font-medium text-text">{n.name}</span>
            )}
            {framed ? (
              <button
                type="button"
                tabIndex={-1}
                className="inline-flex shrink-0 cursor-pointer items-center gap-1 rounded px-1 text-xs text-muted hover:bg-surface hover:text-text"
                onClick={(ev) => {
                  ev.stopPropagation();
                  onActivate(n);
                }}
              >
                <Filter aria-hidden className="size-3" />
                only this {KIND_WORD[n.kind]}
              </button>
            ) : (
              <StatusBadge status={n.status} />
            )}
            {e.context && <span className="text-xs text-muted">shown for context</span>}
            {facts && <span className="truncate text-xs text-muted">{facts}</span>}
            {e.routesTo.length > 0 && <span className="truncate text-xs text-muted">routes to {e.routesTo.map((r) => r.name).join(', ')}</span>}
            {reaches && (
              <span className="truncate text-xs text-ok" data-testid="outline-connections">
                {reaches.join('; ')}
              </span>
            )}
            {pods.length > 0 && (
              <span className="shrink-0 text-xs text-muted">
                {pods.filter((p) => p.node.status === 'OK').length} of {plural(pods.length, pods[0]!.node.kind === 'Pod' ? 'Pod' : 'Endpoint')} ready
              </span>
            )}
          </div>
          {isOpen && <ul role="group">{renderRows(e.children, key, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <div data-testid="topology-outline">
      <div className="flex items-center gap-2 border-b border-border px-3 py-2 text-xs text-muted">
        <span>{total.toLocaleString('en-US')} entries · arrow keys move and fold, Enter opens</span>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setOpen(allParents())}>
          Expand all
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(allParents((_e, level) => level === 1))}>
          Collapse all
        </Button>
      </div>
      <ul ref={treeRef} role="tree" aria-label={label} className="p-2" onKeyDown={onKeyDown}>
        {renderRows(entries, null, 1)}
      </ul>
    </div>
  );
}
