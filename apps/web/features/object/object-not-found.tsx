import { ArrowLeft, SearchX } from 'lucide-react';
import Link from 'next/link';
import { serviceKindLabel } from '@switchboard/k8s-model';
import { Chip } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { requestPath, serverQuery } from '../../lib/graphql/server';
import { routes, safeDecode } from '../../lib/routes';
// The command palette's search: the clusters, and services whose name (or namespace, labels, hosts) match.
import { PaletteSearchQuery } from '../shell/queries';

type Kind = 'services' | 'ingresses' | 'networkpolicies';

const NOUN: Record<Kind, string> = { services: 'service', ingresses: 'ingress', networkpolicies: 'NetworkPolicy' };

/** cluster / namespace / kind / name from the path that was asked for (the not-found file gets no params). */
function parse(path: string): { cluster: string; namespace: string; kind: Kind; name: string } | null {
  const m = /^\/clusters\/([^/]+)\/namespaces\/([^/]+)\/(services|ingresses|networkpolicies)\/([^/?#]+)/.exec(path);
  if (!m) return null;
  const d = safeDecode;
  return { cluster: d(m[1]!), namespace: d(m[2]!), kind: m[3] as Kind, name: d(m[4]!) };
}

/**
 * The page for a service, ingress or NetworkPolicy the catalog does not have (answered with HTTP 404):
 * what may have happened, services of that name elsewhere, and the way back.
 */
export async function ObjectNotFound() {
  const asked = parse(await requestPath());
  const noun = asked ? NOUN[asked.kind] : 'service';
  const hints = asked ? await serverQuery(PaletteSearchQuery, { search: asked.name }) : null;
  const clusters = hints?.ok ? hints.data.clusters : [];
  const clusterKnown = !asked || !hints?.ok || clusters.some((c) => c.name === asked.cluster);
  const similar = hints?.ok && asked?.kind === 'services' ? hints.data.services.nodes.filter((s) => s.name === asked.name || s.name.includes(asked.name)) : [];
  const title = asked ? `No ${noun} “${asked.name}” here` : 'Page not found';
  return (
    <>
      <PageHeader
        crumbs={asked ? [{ label: 'Services', href: routes.catalog() }, { label: asked.cluster }, { label: asked.namespace }] : [{ label: 'Overview', href: routes.overview() }]}
        title={title}
        description={asked ? `The catalog has no ${noun} named ${asked.name} in namespace ${asked.namespace} of cluster ${asked.cluster}.` : 'There is no page at this address.'}
      />
      <Card className="max-w-3xl px-5 py-4" data-testid="not-found">
        <div className="flex gap-3">
          <SearchX aria-hidden className="mt-0.5 size-6 shrink-0 text-faint" />
          <div className="min-w-0 text-sm">
            <h2 className="font-semibold text-text">What may have happened</h2>
            <ul className="mt-1.5 list-disc space-y-1 pl-5 text-muted">
              {asked && !clusterKnown ? (
                <li>
                  No cluster named <span className="font-mono text-text">{asked.cluster}</span> is registered{clusters.length ? <> (registered: {clusters.map((c) => c.name).join(', ')})</> : null}. It may have been removed or renamed.
                </li>
              ) : (
                <>
                  <li>It was deleted or renamed in the cluster, and the mirror has caught up.</li>
                  <li>The link has a typo in the cluster, namespace or name (names are case-sensitive).</li>
                  <li>It lives where your token&rsquo;s grants do not reach: objects outside them look absent.</li>
                </>
              )}
            </ul>
            {similar.length > 0 && (
              <section aria-labelledby="similar-heading" className="mt-4">
                <h2 id="similar-heading" className="font-semibold text-text">
                  Services with a similar name
                </h2>
                <ul className="mt-1.5 space-y-1">
                  {similar.map((s) => (
                    <li key={s.id} className="flex items-center gap-2">
                      <Link href={routes.service(s.cluster, s.namespace, s.name)} className="font-mono">
                        {s.cluster}/{s.namespace}/{s.name}
                      </Link>
                      <Chip>{serviceKindLabel(s)}</Chip>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <div className="mt-4 flex flex-wrap gap-2">
              <Button asChild variant="primary">
                <Link href={routes.catalog(asked ? { q: asked.name } : undefined)}>
                  <ArrowLeft aria-hidden className="size-4" />
                  {asked ? `Search the catalog for “${asked.name}”` : 'Back to the catalog'}
                </Link>
              </Button>
              <Button asChild>
                <Link href={routes.catalog()}>All services</Link>
              </Button>
              <Button asChild variant="ghost">
                <Link href={routes.overview()}>Overview</Link>
              </Button>
            </div>
          </div>
        </div>
      </Card>
    </>
  );
}
