import { DIAGNOSTIC_CODES, DIAGNOSTIC_TITLES, SEVERITIES } from '@switchboard/k8s-model';
import { CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { Suspense } from 'react';
import { StatusBadge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState } from '../../../components/ui/states';
import { DiagnosticsFilters } from '../../../features/diagnostics/diagnostics-filters';
import { DiagnosticsPageQuery } from '../../../features/diagnostics/queries';
import { LiveRefresh } from '../../../features/live/use-live';
import { problemAdvice } from '../../../lib/graphql/errors';
import type { DiagnosticCode, Severity } from '../../../lib/graphql/generated/graphql';
import { serverQuery } from '../../../lib/graphql/server';
import { formatCount } from '../../../lib/kinds';
import { objectRoute, routes } from '../../../lib/routes';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Diagnostics' };

type Params = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function DiagnosticsPage({ searchParams }: { searchParams: Params }) {
  const q = await searchParams;
  const [cluster, namespace, severity, code, after] = ['cluster', 'namespace', 'severity', 'code', 'after'].map((k) => one(q[k]));
  // Unknown values are named and left out, rather than failing the whole page.
  const ignored: string[] = [];
  const sev = severity && (SEVERITIES as readonly string[]).includes(severity) ? (severity as Severity) : (severity && ignored.push(`severity "${severity}" (one of ${SEVERITIES.join(', ')})`), undefined);
  const cod = code && (DIAGNOSTIC_CODES as readonly string[]).includes(code) ? (code as DiagnosticCode) : (code && ignored.push(`code "${code}"`), undefined);
  const result = await serverQuery(DiagnosticsPageQuery, {
    clusters: cluster ? [cluster] : null,
    namespaces: namespace ? [namespace] : null,
    severities: sev ? [sev] : null,
    codes: cod ? [cod] : null,
    after: after ?? null,
  });
  const header = <PageHeader title="Diagnostics" description="Every finding the catalog computes from the mirror: services that reach no pod, ingress paths to missing backends, load balancers still pending, hosts claimed twice. Each says what to do." />;
  if (!result.ok) {
    return (
      <>
        {header}
        <ErrorState title="The findings could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  const { diagnostics, everySeverity, clusters, namespaces } = result.data;
  const counts = { ERROR: everySeverity.bySeverity.errors, WARNING: everySeverity.bySeverity.warnings, INFO: everySeverity.bySeverity.infos };
  const nsNames = [...new Set(namespaces.map((n) => n.name))].sort();
  const displayName = new Map(clusters.map((c) => [c.name, c.displayName]));
  const nextHref = diagnostics.pageInfo.hasNextPage && diagnostics.pageInfo.endCursor ? routes.diagnostics({ cluster, namespace, severity: sev, code: cod, after: diagnostics.pageInfo.endCursor }) : null;
  return (
    <>
      <LiveRefresh catalog={cluster ? { clusters: [cluster] } : {}} />
      {header}
      <Suspense>
        <DiagnosticsFilters options={{ clusters, namespaces: nsNames, counts }} />
      </Suspense>
      {ignored.length > 0 && (
        <p role="status" className="mb-3 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-text">
          Ignored an unknown filter: {ignored.join('; ')}.
        </p>
      )}
      <Card>
        {diagnostics.nodes.length === 0 ? (
          <EmptyState icon={CircleCheck} title={after ? 'No more findings' : 'No findings here'} action={!after && (cluster || namespace || sev || cod) ? <Button asChild><Link href={routes.diagnostics()}>Show every finding</Link></Button> : undefined}>
            {cluster || namespace || sev || cod ? 'Nothing matches these filters.' : 'Every service reaches a ready pod, every ingress path has its backend, no load balancer is stuck, no host is claimed twice.'}
          </EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="diagnostics-table">
            <caption className="sr-only">
              {formatCount(diagnostics.totalCount)} findings{after ? ' (a later page)' : ''}
            </caption>
            <thead className="border-b border-border text-left text-xs text-muted">
              <tr>
                <th scope="col" className="w-28 px-4 py-2 font-medium">
                  Severity
                </th>
                <th scope="col" className="w-64 px-4 py-2 font-medium">
                  Object
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Finding and what to do
                </th>
              </tr>
            </thead>
            <tbody>
              {diagnostics.nodes.map((d, i) => {
                const href = objectRoute(d.object);
                return (
                  <tr key={`${d.object.cluster}/${d.object.namespace}/${d.object.kind}/${d.object.name}/${d.code}/${i}`} className="border-b border-border/70 align-top last:border-0">
                    <td className="px-4 py-3">
                      <StatusBadge status={d.severity} />
                    </td>
                    <td className="px-4 py-3">
                      <span className="block text-xs text-muted">{d.object.kind}</span>
                      {href ? (
                        <Link href={href} className="font-medium break-all">
                          {d.object.name}
                        </Link>
                      ) : (
                        <span className="font-medium">{d.object.name}</span>
                      )}
                      <span className="block text-xs text-muted">
                        {displayName.get(d.object.cluster) ?? d.object.cluster} / {d.object.namespace}
                      </span>
                    </td>
                    <td className="px-4 py-3">
                      <p className="font-medium text-text">{DIAGNOSTIC_TITLES[d.code]}</p>
                      <p className="mt-0.5 text-text">{d.message}</p>
                      <p className="mt-1 text-muted">
                        <span className="font-medium text-text">What to do: </span>
                        {d.hint}
                      </p>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      {(after || nextHref) && (
        <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
          <span className="text-muted">{formatCount(diagnostics.totalCount)} findings in all</span>
          <span className="flex gap-2">
            {after && (
              <Button asChild>
                <Link href={routes.diagnostics({ cluster, namespace, severity: sev, code: cod })}>First page</Link>
              </Button>
            )}
            {nextHref && (
              <Button asChild>
                <Link href={nextHref}>Next 100</Link>
              </Button>
            )}
          </span>
        </nav>
      )}
    </>
  );
}
