import { Lock, LockOpen } from 'lucide-react';
import Link from 'next/link';
import { StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { routes } from '../../lib/routes';
import type { PageService } from './types';
import { TableHead, td } from '../object/table';

/** The ingress paths that send requests to this service: host + path → port, TLS or not, and the ingress. */
export function IngressRoutes({ service }: { service: PageService }) {
  const rows = service.ingresses.flatMap((ing) =>
    ing.accessUrls
      .filter((u) => u.backendService === service.name)
      .map((u) => {
        // A rule without host serves on the ingress address, which is the URL's host.
        const path = ing.paths.find((p) => p.backend.service === service.name && (p.path || '/') === (u.path || '/') && (p.host === null || p.host === u.host));
        const tls = u.url.startsWith('https://');
        const secret = tls ? ing.tls.find((t) => u.host && t.hosts.includes(u.host))?.secretName : undefined;
        return { ing, url: u, pathType: path?.pathType ?? null, portMissing: path ? !path.backend.portFound : false, tls, secret };
      }),
  );
  if (rows.length === 0) return null;
  return (
    <Card aria-labelledby="routes-heading" data-testid="ingress-routes">
      <CardHeader id="routes-heading" title={`Routed here by ingresses (${rows.length})`} description="Requests for these hosts and paths reach the ingress controller, which forwards them to this service." />
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Ingress paths routing to service {service.name}</caption>
          <TableHead columns={['Host and path', 'To port', 'TLS', 'Ingress']} />
          <tbody className="divide-y divide-border">
            {rows.map(({ ing, url, pathType, portMissing, tls, secret }, i) => (
              <tr key={`${ing.id}-${i}`}>
                <td className={td}>
                  <span className={`font-mono text-[13px] break-all ${url.pending || url.pattern ? 'text-muted italic' : ''}`}>{url.url}</span>
                  <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                    {pathType && <span>{pathType} match</span>}
                    {url.pending && <StatusBadge status="PENDING" label="Address pending" />}
                    {url.pattern && <span>wildcard host</span>}
                  </div>
                </td>
                <td className={td}>
                  <span className="font-mono text-[13px]">{url.backendPort ?? '—'}</span>
                  {portMissing && (
                    <div className="mt-0.5">
                      <StatusBadge status="MISSING" label="No such port" title="The service has no port with this number or name: requests on this path fail" />
                    </div>
                  )}
                </td>
                <td className={td}>
                  {tls ? (
                    <span className="inline-flex items-center gap-1 text-ok">
                      <Lock aria-hidden className="size-3.5" />
                      <span className="text-text">
                        HTTPS{secret && <span className="text-xs text-muted"> · secret {secret}</span>}
                      </span>
                    </span>
                  ) : (
                    <span className="inline-flex items-center gap-1 text-muted">
                      <LockOpen aria-hidden className="size-3.5" />
                      Plain HTTP
                    </span>
                  )}
                </td>
                <td className={td}>
                  <Link href={routes.ingress(ing.cluster, ing.namespace, ing.name)} className="font-mono text-[13px]">
                    {ing.name}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
