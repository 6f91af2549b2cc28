import { ACCESS_SCOPE_INFO, SEVERITIES, serviceKindLabel } from '@switchboard/k8s-model';
import { Clock, Asterisk } from 'lucide-react';
import Link from 'next/link';
import { Badge, StatusBadge } from '../../components/ui/badge';
import { CopyButton } from '../../components/ui/copy-button';
import { cn } from '../../lib/cn';
import { formatCount } from '../../lib/kinds';
import { routes } from '../../lib/routes';
import { statusLook, TONE_TEXT } from '../../lib/tone';
import type { ServiceRow } from './catalog-data';

const SCOPE_TITLE = Object.fromEntries(ACCESS_SCOPE_INFO.map((s) => [s.scope, s.title]));

const KIND_TONE: Record<string, string> = {
  ClusterIP: 'border-border text-text',
  Headless: 'border-info/40 text-info',
  NodePort: 'border-warn/40 text-warn',
  LoadBalancer: 'border-ok/40 text-ok',
  ExternalName: 'border-idle/40 text-idle',
};

/** The kind as readers tell them apart (headless is its own), with the k8s-model's words. */
export function KindCell({ s }: { s: Pick<ServiceRow, 'type' | 'headless'> }) {
  const kind = serviceKindLabel(s);
  return <span className={cn('inline-flex rounded border bg-surface px-1.5 py-0.5 text-[11px] font-medium', KIND_TONE[kind])}>{kind}</span>;
}

/** `80/TCP → 8080`, the node port under it; further ports as a count (all of them on hover). */
export function PortsCell({ ports }: { ports: ServiceRow['ports'] }) {
  if (ports.length === 0) return <span className="text-xs text-muted">no ports</span>;
  const text = (p: ServiceRow['ports'][number]) => `${p.port}/${p.protocol}${p.targetPort !== String(p.port) ? ` → ${p.targetPort}` : ''}`;
  const all = ports.map((p) => `${p.name ? `${p.name}: ` : ''}${text(p)}${p.nodePort ? ` (node port ${p.nodePort})` : ''}`).join('\n');
  const [first] = ports;
  return (
    <span className="flex min-w-0 flex-col leading-tight" title={all}>
      <span className="truncate font-mono text-xs text-text">{text(first!)}</span>
      {(first!.nodePort || ports.length > 1) && (
        <span className="truncate text-xs text-muted">
          {first!.nodePort ? `node port ${first!.nodePort}` : ''}
          {first!.nodePort && ports.length > 1 ? ' · ' : ''}
          {ports.length > 1 ? `+${ports.length - 1} more` : ''}
        </span>
      )}
    </span>
  );
}

/**
 * Ready / total endpoints. ExternalName services have none by design; selector-less ones
 * have whatever someone wrote by hand, so none ready is not flagged (as the API's health).
 */
export function EndpointsCell({ ready, total, type, selector = true }: { ready: number; total: number; type?: string; selector?: boolean }) {
  if (type === 'ExternalName') return <span className="text-xs text-muted">n/a</span>;
  const tone = !selector ? 'text-text' : total === 0 || ready === 0 ? 'text-bad' : ready < total ? 'text-warn' : 'text-text';
  return (
    <span className={cn('text-sm tabular-nums', tone)} title={`${ready} of ${total} endpoints ready`}>
      {formatCount(ready)}
      <span className="text-muted"> / {formatCount(total)}</span>
    </span>
  );
}

/**
 * The API's primary URL: a link only when a browser can open it from here (public or
 * node-network http/https); in-cluster names as text; pending and wildcard patterns
 * said as such, never as links. The other URLs are counted and live on the service page.
 */
export function PrimaryUrlCell({ s }: { s: ServiceRow }) {
  const u = s.primaryAccessUrl;
  const href = routes.service(s.cluster, s.namespace, s.name);
  if (!u) return <span className="text-xs text-muted">{s.type === 'ExternalName' ? 'alias only: see the service' : 'no address'}</span>;
  const more = s.accessUrls.length - 1;
  const openable = !u.pending && !u.pattern && u.scope !== 'IN_CLUSTER' && /^https?:\/\//.test(u.url);
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span className="flex min-w-0 flex-1 flex-col leading-tight">
        {openable ? (
          // 24 px tall lines: two links stacked in a cell stay big enough to hit (WCAG 2.2 target size).
          <a href={u.url} target="_blank" rel="noreferrer" className="truncate font-mono text-xs leading-6" data-testid="primary-url" title={u.note ? `${u.url}\n${u.note}` : u.url}>
            {u.url}
          </a>
        ) : (
          <span className={cn('truncate font-mono text-xs', u.pending ? 'text-muted' : 'text-text')} data-testid="primary-url" title={u.note ? `${u.url}\n${u.note}` : u.url}>
            {u.url}
          </span>
        )}
        <span className="flex min-w-0 items-center gap-1 text-xs text-muted">
          {u.pending ? (
            <Badge tone="warn" className="px-1.5 py-0 text-[11px]" title={u.note ?? undefined}>
              <Clock aria-hidden className="size-3" />
              Pending
            </Badge>
          ) : u.pattern ? (
            <Badge tone="info" className="px-1.5 py-0 text-[11px]" title={u.note ?? undefined}>
              <Asterisk aria-hidden className="size-3" />
              Pattern
            </Badge>
          ) : (
            <span className="truncate">{SCOPE_TITLE[u.scope]}</span>
          )}
          {more > 0 && (
            <Link href={href} prefetch={false} className="shrink-0 whitespace-nowrap leading-6" aria-label={`${more} more URL${more === 1 ? '' : 's'} of ${s.name} in ${s.cluster}`}>
              +{more} more
            </Link>
          )}
        </span>
      </span>
      {!u.pending && <CopyButton text={u.url} className="h-6 px-1" />}
    </span>
  );
}

/** Health (the API's word for it) and the findings behind it, the worst one's tone first. */
export function FindingsCell({ health, diagnostics }: { health: string; diagnostics: ServiceRow['diagnostics'] }) {
  const worst = SEVERITIES.find((sev) => diagnostics.some((d) => d.severity === sev));
  return (
    <span className="flex min-w-0 flex-col items-start gap-0.5 leading-tight">
      <StatusBadge status={health} className="px-1.5 py-0" />
      {worst && (
        <span className={cn('truncate text-xs', TONE_TEXT[statusLook(worst).tone])} title={diagnostics.map((d) => `${statusLook(d.severity).label}: ${d.message}`).join('\n')}>
          {diagnostics.length} finding{diagnostics.length === 1 ? '' : 's'} · {statusLook(worst).label.toLowerCase()}
        </span>
      )}
    </span>
  );
}
