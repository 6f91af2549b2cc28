'use client';

import { serviceKindLabel } from '@switchboard/k8s-model';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { ChevronRight, LoaderCircle, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { memo, type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { StatusBadge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import type { ApiProblem } from '../../lib/graphql/errors';
import { formatCount } from '../../lib/kinds';
import { routes } from '../../lib/routes';
import { statusLook, TONE_TEXT } from '../../lib/tone';
import type { CatalogItem, GroupRow, ServiceRow } from './catalog-data';
import { EndpointsCell, FindingsCell, KindCell, PortsCell, PrimaryUrlCell } from './service-cells';

/** Rows have one height, so the virtualizer never measures and scrolling stays cheap at any size. */
export const ROW_HEIGHT = 52;

// The column model: one list, so header, cells and widths agree. Sorting, filtering and
// paging are the API's, so a table library would add weight without taking work off.
const COLUMNS = [
  { id: 'cluster', header: 'Cluster', width: '8.5%' },
  { id: 'namespace', header: 'Namespace', width: '9.5%' },
  { id: 'name', header: 'Name', width: '15%' },
  { id: 'type', header: 'Type', width: '10%' },
  { id: 'ports', header: 'Ports', width: '12%' },
  { id: 'endpoints', header: 'Ready', width: '6.5%', title: 'Ready / total endpoints', sr: ' endpoints of total' },
  { id: 'url', header: 'Primary URL', width: '27.5%' },
  { id: 'findings', header: 'Health', width: '11%' },
] as const;

type Row =
  | { key: string; kind: 'service'; s: ServiceRow; item: number }
  | { key: string; kind: 'group'; g: GroupRow; item: number; expanded: boolean }
  | { key: string; kind: 'member'; s: ServiceRow; health: string; g: GroupRow; item: number; last: boolean };

function flatRows(items: CatalogItem[], expanded: ReadonlySet<string>): Row[] {
  const out: Row[] = [];
  items.forEach((it, item) => {
    if (it.service) out.push({ key: it.id, kind: 'service', s: it.service, item });
    else {
      const open = expanded.has(it.id);
      out.push({ key: it.id, kind: 'group', g: it.group, item, expanded: open });
      if (open) it.group.members.forEach((m, i) => out.push({ key: `${it.id}:${m.cluster}`, kind: 'member', s: m.service, health: m.health, g: it.group, item, last: i === it.group.members.length - 1 }));
    }
  });
  return out;
}

const cell = 'overflow-hidden px-2.5 align-middle';

/** How many members are in each health, worst first. */
function healthCounts(members: GroupRow['members']): [string, number][] {
  const order = ['UNHEALTHY', 'DEGRADED', 'UNKNOWN', 'HEALTHY'];
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.health, (counts.get(m.health) ?? 0) + 1);
  return [...counts].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
}

function ServiceCells({ s, health, member }: { s: ServiceRow; health: string; member?: boolean }) {
  return (
    <>
      {/* A group's member: marked by the bar on its left (and the shaded row), so the cluster name keeps the room. */}
      <td className={cn(cell, member && 'border-l-4 border-l-accent/50')}>
        <span className="block truncate text-sm" title={s.cluster}>
          {s.cluster}
        </span>
      </td>
      <td className={cell}>
        <span className={cn('line-clamp-2 text-sm leading-4 break-words', member ? 'text-muted' : 'text-text')} title={s.namespace}>
          {s.namespace}
        </span>
      </td>
      <th scope="row" className={cn(cell, 'text-left font-normal')}>
        {/* Names wrap onto a second line rather than lose their end (the part that tells web-1 from web-12). */}
        <Link href={routes.service(s.cluster, s.namespace, s.name)} prefetch={false} className="line-clamp-2 text-sm leading-4 font-medium break-words" title={`${s.name} in ${s.cluster}/${s.namespace}`}>
          {s.name}
        </Link>
      </th>
      <td className={cell}>
        <KindCell s={s} />
      </td>
      <td className={cell}>
        <PortsCell ports={s.ports} />
      </td>
      <td className={cell}>
        <EndpointsCell ready={s.endpointCounts.ready} total={s.endpointCounts.total} type={s.type} selector={!!s.selector} />
      </td>
      <td className={cell}>
        <PrimaryUrlCell s={s} />
      </td>
      <td className={cell}>
        <FindingsCell health={health} diagnostics={s.diagnostics} />
      </td>
    </>
  );
}

/** A service group: where it runs (with each cluster's health), and a button that lists its members. */
function GroupCells({ g, expanded, onToggle }: { g: GroupRow; expanded: boolean; onToggle: () => void }) {
  const kinds = [...new Set(g.members.map((m) => serviceKindLabel(m.service)))];
  const first = g.members[0]?.service;
  const findings = g.members.reduce((n, m) => n + m.service.diagnostics.length, 0);
  return (
    <>
      <td className={cell}>
        <span className="flex min-w-0 flex-col leading-tight" title={g.members.map((m) => `${m.cluster}: ${statusLook(m.health).label}`).join('\n')}>
          <span className={cn('truncate', g.members.length === 1 ? 'text-sm' : 'text-xs')}>{g.members.length === 1 ? g.members[0]!.cluster : `${g.members.length} clusters`}</span>
          <span className="flex items-center gap-1.5 text-xs text-muted">
            {healthCounts(g.members).map(([health, n]) => {
              const look = statusLook(health);
              const Icon = look.icon;
              return (
                <span key={health} className={cn('flex items-center gap-0.5', TONE_TEXT[look.tone])}>
                  <Icon aria-hidden className="size-3" />
                  {n}
                  <span className="sr-only"> {look.label.toLowerCase()}</span>
                </span>
              );
            })}
          </span>
        </span>
      </td>
      <td className={cell}>
        <span className="line-clamp-2 text-sm leading-4 break-words" title={g.namespace}>
          {g.namespace}
        </span>
      </td>
      <th scope="row" className={cn(cell, 'text-left font-normal')}>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-label={`${g.name}, in ${g.members.length} cluster${g.members.length === 1 ? '' : 's'}`}
          className="flex max-w-full cursor-pointer items-center gap-1 rounded text-left text-sm font-medium text-text hover:text-accent"
          data-testid="group-expand"
        >
          <ChevronRight aria-hidden className={cn('size-4 shrink-0 text-muted transition-transform', expanded && 'rotate-90')} />
          <span className="line-clamp-2 leading-4 break-words">{g.name}</span>
        </button>
      </th>
      <td className={cell}>
        {kinds.length === 1 ? (
          <KindCell s={kinds[0] === 'Headless' ? { type: 'ClusterIP', headless: true } : { type: kinds[0] as ServiceRow['type'], headless: false }} />
        ) : (
          <span className="inline-flex rounded border border-warn/40 bg-surface px-1.5 py-0.5 text-[11px] font-medium text-warn" title={`Differs per cluster: ${kinds.join(', ')}`}>
            Mixed<span className="sr-only">: {kinds.join(', ')}</span>
          </span>
        )}
      </td>
      <td className={cell}>{g.consistent && first ? <PortsCell ports={first.ports} /> : <span className="text-xs text-warn">differ per cluster</span>}</td>
      <td className={cell}>
        <EndpointsCell ready={g.readyEndpoints} total={g.totalEndpoints} type={kinds.length === 1 && kinds[0] === 'ExternalName' ? 'ExternalName' : undefined} selector={g.members.some((m) => !!m.service.selector)} />
      </td>
      <td className={cell}>
        {/* One member: its URL is the group's; several: each cluster has its own, listed when opened. */}
        {g.members.length === 1 ? <PrimaryUrlCell s={g.members[0]!.service} /> : <span className="text-xs text-muted">One per cluster: open the group</span>}
      </td>
      <td className={cell}>
        <span className="flex min-w-0 flex-col items-start gap-0.5 leading-tight">
          <StatusBadge status={g.health} className="px-1.5 py-0" />
          {!g.consistent ? (
            <span className="flex items-center gap-1 text-xs text-warn" title="The members differ in type or ports">
              <TriangleAlert aria-hidden className="size-3" />
              differs
            </span>
          ) : findings > 0 ? (
            <span className="text-xs text-muted">
              {findings} finding{findings === 1 ? '' : 's'}
            </span>
          ) : null}
        </span>
      </td>
    </>
  );
}

// Rows are memoised on their data: while scrolling only the rows coming into view render.
const ServiceRowView = memo(function ServiceRowView({ s, health, member, last, rowIndex }: { s: ServiceRow; health: string; member: boolean; last: boolean; rowIndex?: number }) {
  return (
    <tr
      style={{ height: ROW_HEIGHT }}
      aria-rowindex={rowIndex}
      className={member ? cn('bg-surface-2/40 hover:bg-surface-2', last ? 'border-b border-border/70' : 'border-b border-border/30') : 'border-b border-border/70 hover:bg-surface-2/60'}
      data-testid={member ? 'member-row' : 'service-row'}
      data-key={`${s.cluster}/${s.namespace}/${s.name}`}
    >
      <ServiceCells s={s} health={health} member={member} />
    </tr>
  );
});

const GroupRowView = memo(function GroupRowView({ g, expanded, onToggle }: { g: GroupRow; expanded: boolean; onToggle: (id: string) => void }) {
  return (
    <tr style={{ height: ROW_HEIGHT }} className={cn('border-b border-border/70 hover:bg-surface-2/60', expanded && 'bg-surface-2/40')} data-testid="group-row" data-key={`${g.namespace}/${g.name}`}>
      <GroupCells g={g} expanded={expanded} onToggle={() => onToggle(g.id)} />
    </tr>
  );
});

export interface CatalogTableProps {
  items: CatalogItem[];
  grouped: boolean;
  totalCount: number;
  hasNextPage: boolean;
  updating: boolean;
  moreProblem: ApiProblem | null;
  viewKey: string;
  loadMore: () => void;
  /** After a failed page or live update. */
  onRetry: () => void;
  /** The items (not rows) in view changed: [first, last]. */
  onVisibleItems: (from: number, to: number) => void;
  caption: ReactNode;
}

/**
 * The catalog as a real table, one row per service (or group, and its members when
 * open), drawn only where the window shows it: the rest is two spacer rows, so 100,000
 * services cost what a screenful does. The next page loads before the end comes into view.
 */
export function CatalogTable({ items, grouped, totalCount, hasNextPage, updating, moreProblem, viewKey, loadMore, onRetry, onVisibleItems, caption }: CatalogTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => flatRows(items, expanded), [items, expanded]);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);

  // initialRect: the server has no window; it draws a first screenful, so the rows are in the HTML.
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: margin, getItemKey: (i) => rows[i]!.key, initialRect: { width: 1280, height: 900 } });

  // Where the rows start in the document (what is above may change height); not re-read
  // while scrolling, when nothing above moves and a layout read per frame would cost.
  const scrolling = virtualizer.isScrolling;
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el || scrolling) return;
    const m = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (m !== margin) setMargin(m);
  });

  const virtual = virtualizer.getVirtualItems();
  const firstShown = virtual[0]?.index ?? 0;
  const lastShown = virtual.at(-1)?.index ?? -1;

  // Live updates add or remove rows above the viewport: keep the first row in view where it was.
  const anchor = useRef<{ rows: Row[]; key: string; index: number; view: string } | null>(null);
  useLayoutEffect(() => {
    const a = anchor.current;
    if (a && a.rows !== rows && a.view === viewKey && window.scrollY > margin) {
      const now = rows.findIndex((r) => r.key === a.key);
      if (now >= 0 && now !== a.index) window.scrollBy(0, (now - a.index) * ROW_HEIGHT);
    }
    const at = Math.min(Math.max(0, Math.floor((window.scrollY + 100 - margin) / ROW_HEIGHT)), rows.length - 1);
    anchor.current = at >= 0 ? { rows, key: rows[at]!.key, index: at, view: viewKey } : null;
  });

  // A new view starts at its first row.
  const shownView = useRef(viewKey);
  useEffect(() => {
    if (shownView.current === viewKey) return;
    shownView.current = viewKey;
    setExpanded(new Set());
    if (window.scrollY > margin - 160) window.scrollTo({ top: 0 });
  }, [viewKey, margin]);

  useEffect(() => {
    if (hasNextPage && !moreProblem && lastShown >= rows.length - 20) loadMore();
  }, [hasNextPage, moreProblem, lastShown, rows.length, loadMore]);

  const firstItem = rows[firstShown]?.item ?? 0;
  const lastItem = rows[Math.max(0, lastShown)]?.item ?? 0;
  useEffect(() => onVisibleItems(firstItem, lastItem), [firstItem, lastItem, onVisibleItems]);

  const padTop = virtual.length ? virtual[0]!.start - margin : 0;
  const padBottom = virtual.length ? virtualizer.getTotalSize() - (virtual.at(-1)!.end - margin) : 0;
  const toggle = useCallback(
    (id: string) =>
      setExpanded((cur) => {
        const next = new Set(cur);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  return (
    <div className={cn('rounded-lg border border-border bg-surface shadow-card transition-opacity', updating && 'opacity-70')} aria-busy={updating || undefined}>
      <table
        className="w-full table-fixed border-collapse"
        data-testid="catalog-table"
        data-grouped={grouped || undefined}
        // The whole list's size, so screen readers know where they are although most rows are not drawn.
        aria-rowcount={grouped ? undefined : totalCount + 1}
      >
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={grouped ? undefined : 1}>
            {COLUMNS.map((c) => (
              <th key={c.id} scope="col" title={'title' in c ? c.title : undefined} className="sticky top-12 z-10 border-b border-border bg-surface-2 px-2.5 py-2 text-left text-xs font-semibold text-muted first:rounded-tl-lg last:rounded-tr-lg">
                {c.id === 'name' && grouped ? 'Service' : c.id === 'cluster' && grouped ? 'Clusters' : c.header}
                {'sr' in c && <span className="sr-only">{c.sr}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS.length} style={{ height: padTop, padding: 0 }} />
            </tr>
          )}
          {virtual.map((v) => {
            const r = rows[v.index]!;
            if (r.kind === 'group') return <GroupRowView key={r.key} g={r.g} expanded={r.expanded} onToggle={toggle} />;
            return <ServiceRowView key={r.key} s={r.s} health={r.kind === 'member' ? r.health : r.s.health} member={r.kind === 'member'} last={r.kind === 'member' && r.last} rowIndex={grouped ? undefined : v.index + 2} />;
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS.length} style={{ height: padBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
      <div className="flex items-center justify-between gap-3 border-t border-border px-4 py-2.5 text-xs text-muted" data-testid="catalog-footer">
        {moreProblem ? (
          <span role="alert" className="flex items-center gap-2 text-bad">
            <TriangleAlert aria-hidden className="size-3.5" />
            {hasNextPage ? 'The next rows could not be loaded' : 'The list may be behind: a live update failed'}: {moreProblem.message}
            <Button size="sm" onClick={onRetry}>
              Try again
            </Button>
          </span>
        ) : hasNextPage ? (
          <span className="flex items-center gap-2">
            <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
            Showing {formatCount(items.length)} of {formatCount(totalCount)}; more load as you scroll
          </span>
        ) : (
          <span>
            All {formatCount(totalCount)} {grouped ? (totalCount === 1 ? 'service group' : 'service groups') : totalCount === 1 ? 'service' : 'services'} shown
          </span>
        )}
        <span>Updates live as the clusters change</span>
      </div>
    </div>
  );
}
