import { ExternalLink, Globe, type LucideIcon, Network, Server } from 'lucide-react';
import type { ReactNode } from 'react';
import { ACCESS_SCOPE_INFO, groupAccessUrls } from '@switchboard/k8s-model';
import { Badge, StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { CopyButton } from '../../components/ui/copy-button';
import { cn } from '../../lib/cn';
import type { AccessScope, AccessUrlFieldsFragment } from '../../lib/graphql/generated/graphql';
import { VIA_LABEL } from './via';

/** An access URL as both services and ingresses have it. */
export type Url = Omit<AccessUrlFieldsFragment, '__typename'>;

const SCOPE_ICON: Record<AccessScope, LucideIcon> = { PUBLIC: Globe, NODE_NETWORK: Network, IN_CLUSTER: Server };

/** What a missing scope means to someone wondering whether they can reach the object from there. */
const SCOPE_ABSENT: Record<AccessScope, string> = {
  PUBLIC: 'Nothing reaches it from the internet: there is no load-balancer address, ingress host or node external IP for it.',
  NODE_NETWORK: 'No address on the node network: it opens no node port.',
  IN_CLUSTER: 'No in-cluster address.',
};

const scopeTitle = (scope: AccessScope) => ACCESS_SCOPE_INFO.find((i) => i.scope === scope)!.title;

/** A browser can open it: a public http(s) address that exists now. */
export const canOpen = (u: Pick<Url, 'url' | 'scope' | 'pending' | 'pattern'>) => u.scope === 'PUBLIC' && !u.pending && !u.pattern && /^https?:\/\//.test(u.url);

function UrlText({ url, className }: { url: Url; className?: string }) {
  if (canOpen(url)) {
    return (
      <a href={url.url} target="_blank" rel="noreferrer noopener" className={cn('inline-flex items-center gap-1 font-mono break-all', className)}>
        {url.url}
        <ExternalLink aria-hidden className="size-3 shrink-0" />
        <span className="sr-only">(opens in a new tab)</span>
      </a>
    );
  }
  return <span className={cn('font-mono break-all text-text', (url.pending || url.pattern) && 'text-muted italic', className)}>{url.url}</span>;
}

function UrlRow<T extends Url>({ url, detail }: { url: T; detail?: (u: T) => ReactNode }) {
  return (
    <li data-testid="access-url" data-url={url.url} data-scope={url.scope} data-pending={url.pending || undefined} className="flex items-start gap-3 px-4 py-2">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <UrlText url={url} />
          {url.pending && <StatusBadge status="PENDING" label="Pending" />}
          {url.pattern && !url.pending && <Badge tone="info">Pattern, not a link</Badge>}
        </div>
        <p className="mt-0.5 text-xs text-muted">
          <span className="font-medium text-text">{VIA_LABEL[url.via]}</span>
          {url.note && <> · {url.note}</>}
          {detail?.(url)}
        </p>
      </div>
      {!url.pending && <CopyButton text={url.url} />}
    </li>
  );
}

/**
 * Every URL of an object grouped by where it works, widest first, with what each scope
 * means — and, for scopes with nothing, that nothing works from there. The primary URL
 * (when given) leads as the one to try first.
 */
export function AccessUrls<T extends Url>({
  urls,
  primary,
  subject,
  detail,
  showAbsent = true,
}: {
  urls: readonly T[];
  primary?: Url | null;
  subject: string;
  /** Extra facts about a URL, at the end of its line. */
  detail?: (u: T) => ReactNode;
  /** Also say where nothing works (true for services; an ingress only ever has its own URLs). */
  showAbsent?: boolean;
}) {
  const groups = groupAccessUrls(urls);
  const absent = ACCESS_SCOPE_INFO.filter((i) => !groups.some((g) => g.scope === i.scope));
  const countWord = `${urls.length} address${urls.length === 1 ? '' : 'es'}`;
  return (
    <Card aria-labelledby="access-urls-heading" data-testid="access-urls">
      <CardHeader
        id="access-urls-heading"
        title="Where it is reachable"
        description={`${countWord} for ${subject}, grouped by where they work. Copy one and use it from the place its group names.`}
      />
      {primary && urls.length > 1 && (
        <div className="border-b border-border bg-accent-soft/60 px-4 py-3" data-testid="primary-url">
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">
            Start here · {primary.pending ? 'not reachable yet' : scopeTitle(primary.scope).toLowerCase()}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <UrlText url={primary} className="text-base font-semibold" />
            {!primary.pending && <CopyButton text={primary.url} showText />}
          </div>
          {primary.note && <p className="mt-0.5 text-xs text-muted">{primary.note}</p>}
          <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
            <span>All of them:</span>
            {groups.map((g) => (
              <a key={g.scope} href={`#scope-${g.scope.toLowerCase()}`}>
                {g.urls.length} {g.title.charAt(0).toLowerCase() + g.title.slice(1)}
              </a>
            ))}
          </p>
        </div>
      )}
      {urls.length === 0 ? (
        <p className="px-4 py-4 text-sm text-muted">No address at all yet: the catalog found no port, cluster IP or route for it.</p>
      ) : (
        <div className="divide-y divide-border">
          {groups.map((g) => {
            const Icon = SCOPE_ICON[g.scope];
            const id = `scope-${g.scope.toLowerCase()}`;
            return (
              <section key={g.scope} aria-labelledby={id} data-testid={`scope-${g.scope}`}>
                <div className="flex items-start gap-2.5 bg-surface-2/60 px-4 py-2">
                  <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />
                  <div className="min-w-0">
                    <h3 id={id} className="text-sm font-semibold text-text">
                      {g.title} <span className="font-normal text-muted">({g.urls.length})</span>
                    </h3>
                    <p className="text-xs text-muted">{g.description}</p>
                  </div>
                </div>
                <ul className="divide-y divide-border/70">
                  {g.urls.map((u, i) => (
                    <UrlRow key={`${u.url}-${i}`} url={u} detail={detail} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {showAbsent && absent.length > 0 && urls.length > 0 && (
        <ul className="border-t border-border px-4 py-2.5 text-xs text-muted" aria-label="Where it is not reachable">
          {absent.map((a) => {
            const Icon = SCOPE_ICON[a.scope];
            return (
              <li key={a.scope} className="flex items-start gap-2 py-0.5">
                <Icon aria-hidden className="mt-0.5 size-3.5 shrink-0 text-faint" />
                <span>
                  <span className="font-medium text-text">{a.title}:</span> {SCOPE_ABSENT[a.scope]}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
