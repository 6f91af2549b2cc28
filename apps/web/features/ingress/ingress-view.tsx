import { ArrowRight, Lock } from 'lucide-react';
import Link from 'next/link';
import { Chip, StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { Facts } from '../../components/ui/key-values';
import { PageHeader } from '../../components/ui/page-header';
import { TimeAgo } from '../../components/ui/time-ago';
import type { IngressPageQuery } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';
import { IngressActions } from '../ingress-editor/ingress-actions';
import { LiveRefresh } from '../live/use-live';
import { AccessUrls } from '../object/access-urls';
import { Findings } from '../object/findings';
import { ManifestCard } from '../object/manifest';
import { LabelsAndAnnotations } from '../object/metadata';
import { MirrorWarning } from '../object/mirror-warning';
import { TableHead, td } from '../object/table';

type Ingress = IngressPageQuery['ingress'];
type Path = Ingress['paths'][number];

/** Whether a path's backend exists, in the dashboard's status words. */
function backendState(p: Path): { key: 'resolved' | 'service-missing' | 'port-missing' | 'resource'; badge: React.ReactNode } {
  const b = p.backend;
  if (!b.service) return { key: 'resource', badge: <StatusBadge status="UNKNOWN" label="Resource, not checked" /> };
  if (!b.serviceFound) return { key: 'service-missing', badge: <StatusBadge status="MISSING" label="Service missing" /> };
  if (!b.portFound) return { key: 'port-missing', badge: <StatusBadge status="MISSING" label="Port missing" /> };
  return { key: 'resolved', badge: <StatusBadge status="OK" label="Resolved" /> };
}

function addressOf(i: Ingress): string | null {
  const a = i.loadBalancerIngress.flatMap((l) => [l.ip, l.hostname].filter((x): x is string => !!x));
  return a.length ? a.join(', ') : null;
}

function Rules({ ingress: i }: { ingress: Ingress }) {
  const tlsFor = (host: string | null | undefined) => (host ? i.tls.find((t) => t.hosts.includes(host)) : undefined);
  const broken = i.paths.filter((p) => p.backend.service && (!p.backend.serviceFound || !p.backend.portFound)).length;
  return (
    <Card aria-labelledby="rules-heading" data-testid="ingress-rules">
      <CardHeader
        id="rules-heading"
        title={`Rules (${i.paths.length} path${i.paths.length === 1 ? '' : 's'})`}
        description={broken ? `${broken} path${broken === 1 ? ' points' : 's point'} at a service or port that does not exist: requests there get an error from the controller.` : 'Each host and path, and the service port it forwards to.'}
      />
      {i.paths.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">No rules: only a default backend (if any) receives requests.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Rules of ingress {i.name}</caption>
            <TableHead columns={['Host', 'Path', <><span className="sr-only">forwards to </span>Backend</>, 'Backend state', i.tls.length > 0 && 'TLS']} />
            <tbody className="divide-y divide-border">
              {i.paths.map((p, n) => {
                const state = backendState(p);
                const tls = tlsFor(p.host);
                const b = p.backend;
                return (
                  <tr key={n} data-testid="ingress-path" data-service={b.service ?? undefined} data-state={state.key}>
                    <td className={`${td} font-mono text-[13px] break-words`}>{p.host ?? <span className="font-sans text-xs text-muted">any host (the ingress address)</span>}</td>
                    <td className={td}>
                      <span className="font-mono text-[13px]">{p.path || '/'}</span>
                      {p.pathType && <div className="text-xs text-muted">{p.pathType}</div>}
                    </td>
                    <td className={td}>
                      <span className="inline-flex items-center gap-1.5 font-mono text-[13px] whitespace-nowrap">
                        <ArrowRight aria-hidden className="size-3.5 text-faint" />
                        {b.service ? (
                          b.serviceFound ? (
                            <Link href={routes.service(i.cluster, i.namespace, b.service)}>
                              {b.service}:{b.port}
                            </Link>
                          ) : (
                            <span className="text-bad">
                              {b.service}:{b.port}
                            </span>
                          )
                        ) : (
                          <span>{b.resource}</span>
                        )}
                      </span>
                    </td>
                    <td className={td}>{state.badge}</td>
                    {i.tls.length > 0 && (
                      <td className={td}>
                        {tls ? (
                          <span className="inline-flex items-center gap-1 text-xs text-text">
                            <Lock aria-hidden className="size-3.5 text-ok" />
                            {tls.secretName ?? 'no secret named'}
                          </span>
                        ) : (
                          <span className="text-xs text-muted">none</span>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function Tls({ ingress: i }: { ingress: Ingress }) {
  return (
    <Card aria-labelledby="tls-heading">
      <CardHeader id="tls-heading" title="TLS" description={i.tls.length ? 'The controller terminates HTTPS for these hosts with the certificate in the secret.' : undefined} />
      {i.tls.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">None: every host is served over plain HTTP.</p>
      ) : (
        <ul className="divide-y divide-border">
          {i.tls.map((t, n) => (
            <li key={n} className="px-4 py-2.5 text-sm">
              <p className="flex items-center gap-1.5 text-text">
                <Lock aria-hidden className="size-3.5 text-ok" />
                Secret <span className="font-mono">{t.secretName ?? '(none: the controller’s default certificate)'}</span>
              </p>
              <p className="mt-0.5 font-mono text-xs break-all text-muted">{t.hosts.length ? t.hosts.join(', ') : 'all hosts (none listed)'}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The ingress page: its rules with resolved backends, where it answers, and its findings. */
export function IngressView({ ingress: i }: { ingress: Ingress }) {
  const address = addressOf(i);
  const errors = i.diagnostics.filter((d) => d.severity === 'ERROR').length;
  const warnings = i.diagnostics.filter((d) => d.severity === 'WARNING').length;
  return (
    <>
      <LiveRefresh catalog={{ clusters: [i.cluster], namespaces: [i.namespace], kinds: ['INGRESS', 'SERVICE'] }} clusterStatus={[i.cluster]} />
      <PageHeader
        crumbs={[{ label: 'Services', href: routes.catalog() }, { label: i.cluster, href: routes.catalog({ cluster: i.cluster }) }, { label: i.namespace, href: routes.catalog({ cluster: i.cluster, namespace: i.namespace }) }, { label: 'Ingresses' }]}
        title={i.name}
        actions={<IngressActions cluster={i.cluster} namespace={i.namespace} name={i.name} urls={i.accessUrls} />}
        badges={
          <>
            <Chip className="text-sm">Ingress{i.ingressClassName ? ` · ${i.ingressClassName}` : ''}</Chip>
            {errors ? (
              <StatusBadge status="ERROR" label={`${errors} error${errors === 1 ? '' : 's'}`} className="text-sm" />
            ) : warnings ? (
              <StatusBadge status="WARNING" label={`${warnings} warning${warnings === 1 ? '' : 's'}`} className="text-sm" />
            ) : (
              <StatusBadge status="OK" label="No findings" className="text-sm" />
            )}
          </>
        }
        description={
          <>
            Routes HTTP{i.tls.length ? '(S)' : ''} requests by host and path to services in namespace {i.namespace}
            {i.ingressClassName ? `, through the ${i.ingressClassName} ingress controller` : ''}. Address:{' '}
            {address ? <span className="font-mono text-text">{address}</span> : <span className="font-medium text-text">pending (no controller has assigned one yet)</span>}.
          </>
        }
      />
      <MirrorWarning cluster={i.clusterInfo} />
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex min-w-0 flex-col gap-5">
          <Rules ingress={i} />
          <AccessUrls
            urls={i.accessUrls}
            subject={`ingress ${i.name}`}
            showAbsent={false}
            detail={(u) =>
              u.backendService ? (
                <>
                  {' '}
                  → service <span className="font-mono text-text">{u.backendService}:{u.backendPort}</span>
                </>
              ) : null
            }
          />
          <ManifestCard yaml={i.manifest} kind="ingress" name={i.name} namespace={i.namespace} />
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <Findings items={i.diagnostics} subject={`ingress ${i.name}`} />
          <Card aria-labelledby="about-heading">
            <CardHeader id="about-heading" title="About" />
            <div className="px-4 py-3">
              <Facts
                rows={[
                  ['Cluster', <Link key="c" href={routes.catalog({ cluster: i.cluster })}>{i.clusterInfo.displayName}</Link>],
                  ['Namespace', <Link key="n" href={routes.catalog({ cluster: i.cluster, namespace: i.namespace })}>{i.namespace}</Link>],
                  ['Class', i.ingressClassName ?? 'none (the cluster’s default controller, if any)'],
                  ['Address', address ? <span key="a" className="font-mono text-[13px]">{address}</span> : <StatusBadge key="a" status="PENDING" label="Pending" />],
                  ['Created', <TimeAgo key="t" iso={i.createdAt} />],
                  ['UID', <span key="u" className="font-mono text-xs break-all">{i.uid}</span>],
                ]}
              />
            </div>
          </Card>
          <Tls ingress={i} />
          <LabelsAndAnnotations labels={i.labels} annotations={i.annotations} />
        </div>
      </div>
    </>
  );
}
