'use client';

import { type TopologyKindCounts, type TopologyStatus, type TopologyStatusCounts, type TopologyViewItem, worstOfCounts } from '@switchboard/k8s-model';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { ChevronsDownUp, ChevronsUpDown, Filter, Plus } from 'lucide-react';
import { createContext, memo, type ReactNode, useContext } from 'react';
import { cn } from '../../lib/cn';
import { statusLook, TONE_BORDER, TONE_TEXT } from '../../lib/tone';
import { HEADER } from './layout-graph';
import { KIND_ICON, KIND_WORD, type GraphNode, plural } from './model';

export type ViewItem = TopologyViewItem<GraphNode>;

export interface ItemData extends Record<string, unknown> {
  item: ViewItem;
  /** Highlighted: the searched node or the focused service. */
  focused: boolean;
  /** One line of facts (objects). */
  facts: string;
  /** Where it leads (objects), null when nowhere. */
  href: string | null;
  /** A service whose pods were opened from a group: that group's id, to fold it again. */
  openedGroup: string | null;
  /** The namespace the view is already narrowed to (no "only this" button there). */
  narrowedTo: boolean;
}
export type ItemNode = Node<ItemData>;

export interface GraphActions {
  /** What Enter or a click does on an item: open its page, expand it, or narrow the view to it. */
  activate(id: string): void;
  toggle(id: string, open: boolean): void;
  narrow(cluster: string, namespace?: string): void;
}
export const GraphActionsContext = createContext<GraphActions>({ activate: () => {}, toggle: () => {}, narrow: () => {} });

/** Status as icon + word in its tone (never colour alone). */
export function StatusMark({ status, className, label }: { status: TopologyStatus; className?: string; label?: string }) {
  const look = statusLook(status);
  const Icon = look.icon;
  return (
    <span className={cn('inline-flex shrink-0 items-center gap-0.5 text-[11px] font-medium whitespace-nowrap', TONE_TEXT[look.tone], className)}>
      <Icon aria-hidden className="size-3" />
      {label ?? look.label}
    </span>
  );
}

const handle = { opacity: 0, pointerEvents: 'none' } as const;

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={handle} />
      <Handle type="source" position={Position.Right} isConnectable={false} style={handle} />
    </>
  );
}

/** "3 errors · 2 warnings" of what a box holds, or "all OK". */
export function statusSummary(s: TopologyStatusCounts): ReactNode {
  const parts: ReactNode[] = [];
  if (s.ERROR) parts.push(<StatusMark key="e" status="ERROR" label={`${s.ERROR} error${s.ERROR === 1 ? '' : 's'}`} />);
  if (s.MISSING) parts.push(<StatusMark key="m" status="MISSING" label={`${s.MISSING} missing`} />);
  if (s.WARNING) parts.push(<StatusMark key="w" status="WARNING" label={`${s.WARNING} warning${s.WARNING === 1 ? '' : 's'}`} />);
  if (!parts.length) parts.push(<StatusMark key="ok" status="OK" label="all OK" />);
  return parts;
}

export function countsLine(c: TopologyKindCounts): string {
  const parts = (['Service', 'Ingress', 'Pod', 'Endpoint'] as const).filter((k) => c[k]).map((k) => plural(c[k], k));
  return parts.length ? parts.join(' · ') : 'nothing in it';
}

/** The ring a focused node shows (its wrapper, focusable, carries the `group` class). */
const focusRing = 'group-focus-visible:outline-2 group-focus-visible:outline-offset-2 group-focus-visible:outline-[var(--focus)]';

const smallButton = 'nodrag nopan inline-flex h-6 cursor-pointer items-center gap-1 rounded border border-border bg-surface px-1.5 text-[11px] font-medium text-text hover:bg-surface-2';

function ObjectNodeView({ data }: NodeProps<ItemNode>) {
  const { item } = data;
  const actions = useContext(GraphActionsContext);
  if (item.type !== 'object') return null;
  const n = item.node;
  const look = statusLook(n.status);
  const Icon = KIND_ICON[n.kind];
  return (
    <div
      className={cn(
        'flex h-full w-full flex-col justify-center rounded-md border border-l-4 border-border-strong bg-surface px-2.5 py-1 shadow-card',
        focusRing,
        TONE_BORDER[look.tone],
        item.context && 'border-dashed',
        data.href ? 'cursor-pointer' : 'cursor-default',
        data.focused && 'ring-2 ring-accent ring-offset-2 ring-offset-bg',
      )}
      title={`${KIND_WORD[n.kind]} ${n.name} · ${look.label}${data.facts ? ` · ${data.facts}` : ''}${item.context ? ' · shown for context' : ''}${data.href ? (n.kind === 'Pod' || n.kind === 'Endpoint' ? ' · click to open its service' : ' · click to open') : ''}`}
    >
      <Handles />
      <div className="flex min-w-0 items-center gap-1.5 leading-tight">
        <Icon aria-hidden className="size-3.5 shrink-0 text-muted" />
        <span className="text-[10px] font-semibold tracking-wide text-muted uppercase">{KIND_WORD[n.kind]}</span>
        {item.context && <span className="text-[10px] text-muted">· context</span>}
        <StatusMark status={n.status} className="ml-auto" />
      </div>
      <div className="flex min-w-0 items-center gap-1">
        <span className="truncate text-[13px] font-semibold text-text">{n.name}</span>
        {data.openedGroup && (
          <button
            type="button"
            className={cn(smallButton, 'ml-auto h-5 px-1')}
            aria-label={`Fold the pods of ${n.name} into a group`}
            title="Fold the pods into a group"
            onClick={(e) => {
              e.stopPropagation();
              actions.toggle(data.openedGroup!, false);
            }}
          >
            <ChevronsDownUp aria-hidden className="size-3" />
          </button>
        )}
      </div>
      {data.facts && <div className="truncate text-[11px] leading-tight text-muted">{data.facts}</div>}
    </div>
  );
}

function GroupNodeView({ data }: NodeProps<ItemNode>) {
  const { item } = data;
  if (item.type !== 'group') return null;
  const look = statusLook(item.status);
  const Icon = KIND_ICON[item.kind];
  const ready = item.statuses.OK;
  const notReady = item.members.length - ready;
  return (
    <div
      className={cn('flex h-full w-full cursor-pointer flex-col justify-center rounded-md border border-l-4 border-border-strong bg-surface-2 px-2.5 py-1 shadow-[4px_4px_0_-1px_var(--surface),4px_4px_0_0_var(--border-strong)]', focusRing, TONE_BORDER[look.tone], data.focused && 'ring-2 ring-accent ring-offset-2 ring-offset-bg')}
      title={`${plural(item.members.length, item.kind)}: click to show each one`}
    >
      <Handles />
      <div className="flex min-w-0 items-center gap-1.5 leading-tight">
        <Icon aria-hidden className="size-3.5 shrink-0 text-muted" />
        <span className="text-[13px] font-semibold text-text">
          ×{item.members.length} {item.kind === 'Pod' ? 'pods' : 'endpoints'}
        </span>
        <ChevronsUpDown aria-hidden className="ml-auto size-3.5 text-muted" />
      </div>
      <div className="flex min-w-0 items-center gap-2 truncate">
        {ready > 0 && <StatusMark status="OK" label={`${ready} ready`} />}
        {notReady > 0 && <StatusMark status={item.statuses.ERROR ? 'ERROR' : 'WARNING'} label={`${notReady} not ready`} />}
      </div>
    </div>
  );
}

/** Expand (a folded namespace) or collapse (an open one), and "only this namespace" unless the view already is. */
function NamespaceButtons({ id, cluster, name, collapsed, narrowedTo }: { id: string; cluster: string; name: string; collapsed: boolean; narrowedTo: boolean }) {
  const actions = useContext(GraphActionsContext);
  const Icon = collapsed ? ChevronsUpDown : ChevronsDownUp;
  return (
    <span className="ml-auto flex shrink-0 gap-1">
      <button
        type="button"
        className={smallButton}
        onClick={(e) => {
          e.stopPropagation();
          actions.toggle(id, collapsed);
        }}
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} namespace ${name}`}
        title={collapsed ? 'Show what it holds' : 'Collapse into one box'}
      >
        <Icon aria-hidden className="size-3" />
        {collapsed && 'Expand'}
      </button>
      {!narrowedTo && (
        <button
          type="button"
          className={smallButton}
          onClick={(e) => {
            e.stopPropagation();
            actions.narrow(cluster, name);
          }}
          aria-label={`Show only namespace ${name}`}
          title="Show only this namespace"
        >
          <Filter aria-hidden className="size-3" />
        </button>
      )}
    </span>
  );
}

function NamespaceBoxView({ data }: NodeProps<ItemNode>) {
  const { item } = data;
  if (item.type !== 'namespace') return null;
  const worst = worstOfCounts(item.statuses);
  const look = statusLook(worst);
  return (
    <div
      className={cn('flex h-full w-full cursor-pointer flex-col justify-between rounded-lg border border-l-4 border-dashed border-border-strong bg-surface px-3 py-2 shadow-card', focusRing, TONE_BORDER[look.tone], data.focused && 'ring-2 ring-accent ring-offset-2 ring-offset-bg')}
      title={`namespace ${item.node.name}: click to expand`}
    >
      <div className="flex min-w-0 items-center gap-1.5">
        <KIND_ICON.Namespace aria-hidden className="size-3.5 shrink-0 text-muted" />
        <span className="truncate text-[13px] font-semibold text-text">
          <span className="font-normal text-muted">namespace </span>
          {item.node.name}
        </span>
      </div>
      <div className="truncate text-[11px] text-muted">{countsLine(item.counts)}</div>
      <div className="flex items-center gap-2">
        <span className="flex min-w-0 gap-2 truncate">{statusSummary(item.statuses)}</span>
        <NamespaceButtons id={item.id} cluster={item.node.cluster} name={item.node.name} collapsed narrowedTo={data.narrowedTo} />
      </div>
    </div>
  );
}

function NamespaceFrameView({ data }: NodeProps<ItemNode>) {
  const { item } = data;
  if (item.type !== 'namespace') return null;
  const worst = worstOfCounts(item.statuses);
  return (
    <div className={cn('h-full w-full rounded-lg border border-dashed border-border-strong bg-surface-2/50', data.focused && 'ring-2 ring-accent ring-offset-2 ring-offset-bg')}>
      <div data-node-header className="flex items-center gap-2 rounded-t-lg border-b border-dashed border-border px-3" style={{ height: HEADER.namespace }}>
        <KIND_ICON.Namespace aria-hidden className="size-3.5 shrink-0 text-muted" />
        <span className="truncate text-[13px] font-semibold text-text">
          <span className="font-normal text-muted">namespace </span>
          {item.node.name}
        </span>
        <span className="truncate text-[11px] text-muted">{countsLine(item.counts)}</span>
        <StatusMark status={worst} label={worst === 'OK' ? 'all OK' : undefined} />
        <NamespaceButtons id={item.id} cluster={item.node.cluster} name={item.node.name} collapsed={false} narrowedTo={data.narrowedTo} />
      </div>
    </div>
  );
}

function ClusterFrameView({ data }: NodeProps<ItemNode>) {
  const { item } = data;
  const actions = useContext(GraphActionsContext);
  if (item.type !== 'cluster') return null;
  const worst = worstOfCounts(item.statuses);
  return (
    <div className="h-full w-full rounded-xl border-2 border-border-strong bg-surface/60">
      <div data-node-header className="flex items-center gap-2 px-4" style={{ height: HEADER.cluster }}>
        <KIND_ICON.Cluster aria-hidden className="size-4 shrink-0 text-muted" />
        <span className="truncate text-sm font-semibold text-text">
          <span className="font-normal text-muted">cluster </span>
          {item.node.name}
        </span>
        <span className="truncate text-xs text-muted">{countsLine(item.counts)}</span>
        <StatusMark status={worst} label={worst === 'OK' ? 'all OK' : undefined} />
        {!data.narrowedTo && (
          <button
            type="button"
            className={cn(smallButton, 'ml-auto')}
            onClick={(e) => {
              e.stopPropagation();
              actions.narrow(item.node.cluster);
            }}
            aria-label={`Show only cluster ${item.node.name}`}
            title="Show only this cluster"
          >
            <Filter aria-hidden className="size-3" />
          </button>
        )}
      </div>
    </div>
  );
}

function MoreNodeView({ data }: NodeProps<ItemNode>) {
  const { item } = data;
  if (item.type !== 'more') return null;
  return (
    <div className={cn('flex h-full w-full cursor-pointer items-center gap-2 rounded-md border border-dashed border-border-strong bg-surface px-3 text-[13px] text-text', focusRing)} title="Draw more of the graph">
      <Plus aria-hidden className="size-4 text-muted" />
      <span>
        <span className="font-semibold">{item.hidden.toLocaleString('en-US')} more</span> <span className="text-muted">· show more</span>
      </span>
    </div>
  );
}

// Not "group": React Flow styles its own node type of that name.
export const NODE_TYPES = {
  object: memo(ObjectNodeView),
  podGroup: memo(GroupNodeView),
  namespaceBox: memo(NamespaceBoxView),
  namespace: memo(NamespaceFrameView),
  cluster: memo(ClusterFrameView),
  more: memo(MoreNodeView),
};

export function nodeTypeOf(item: ViewItem): keyof typeof NODE_TYPES {
  if (item.type === 'namespace') return item.collapsed ? 'namespaceBox' : 'namespace';
  if (item.type === 'group') return 'podGroup';
  return item.type;
}

/** What a screen reader hears on a focused node: kind, name, status, and what Enter does. */
export function ariaLabelOf(item: ViewItem, href: string | null): string {
  switch (item.type) {
    case 'object': {
      const n = item.node;
      const what = `${KIND_WORD[n.kind]} ${n.name}, ${statusLook(n.status).label}${item.context ? ', shown for context' : ''}`;
      return href ? `${what}. Enter opens ${n.kind === 'Pod' || n.kind === 'Endpoint' ? 'its service' : 'its page'}.` : `${what}.`;
    }
    case 'group':
      return `${plural(item.members.length, item.kind)}, ${item.statuses.OK} ready. Enter shows each one.`;
    case 'namespace':
      return `namespace ${item.node.name}: ${countsLine(item.counts)}, ${statusLook(worstOfCounts(item.statuses)).label}. ${item.collapsed ? 'Collapsed; Enter expands it.' : 'Enter shows only this namespace.'}`;
    case 'cluster':
      return `cluster ${item.node.name}: ${countsLine(item.counts)}. Enter shows only this cluster.`;
    case 'more':
      return `${item.hidden} more objects not drawn. Enter draws more.`;
  }
}
