import { Server } from 'lucide-react';
import Link from 'next/link';
import { syncNeedsAttention } from '@switchboard/k8s-model';
import { Card } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState } from '../../components/ui/states';
import { LiveRefresh } from '../../features/live/use-live';
import { ClusterCard } from '../../features/overview/cluster-card';
import { OverviewQuery } from '../../features/overview/queries';
import { problemAdvice } from '../../lib/graphql/errors';
import { serverQuery } from '../../lib/graphql/server';
import { formatCount } from '../../lib/kinds';
import { routes } from '../../lib/routes';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Overview' };

function Total({ label, value, href, tone }: { label: string; value: string; href?: string; tone?: string }) {
  const inner = (
    <>
      <span className="text-xs text-muted">{label}</span>
      <span className={`text-2xl font-semibold tabular-nums ${tone ?? 'text-text'}`}>{value}</span>
    </>
  );
  return href ? (
    <Link href={href} className="flex flex-col rounded-md px-4 py-3 no-underline hover:bg-surface-2">
      {inner}
    </Link>
  ) : (
    <div className="flex flex-col px-4 py-3">{inner}</div>
  );
}

export default async function OverviewPage() {
  const result = await serverQuery(OverviewQuery, {});
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Overview" />
        <ErrorState title="The clusters could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  const clusters = result.data.clusters;
  const sum = (f: (c: (typeof clusters)[number]) => number) => clusters.reduce((a, c) => a + f(c), 0);
  const troubled = clusters.filter((c) => syncNeedsAttention(c.status));
  // Troubled clusters first, so a failing mirror is seen before anything else.
  const ordered = [...troubled, ...clusters.filter((c) => !syncNeedsAttention(c.status))];
  const errors = sum((c) => c.summary.diagnostics.errors);
  const warnings = sum((c) => c.summary.diagnostics.warnings);
  return (
    <>
      <LiveRefresh clusterStatus={[]} />
      <LiveRefresh catalog={{}} />
      <PageHeader
        title="Overview"
        description={
          clusters.length === 0
            ? 'No cluster is registered yet.'
            : `${clusters.length} cluster${clusters.length === 1 ? '' : 's'}, ${troubled.length ? `${troubled.length} needing attention` : 'all mirrored and current'}. Each card shows whether its mirror can be trusted right now and what it holds.`
        }
      />
      {clusters.length === 0 ? (
        <Card>
          <EmptyState icon={Server} title="No clusters registered">
            An admin registers a cluster with <code>POST /api/v1/clusters</code> (a kubeconfig, or a server URL and token) or the <code>registerCluster</code> mutation; its services appear here
            within seconds. Started with nothing configured? <code>npm start</code> runs demo clusters unless <code>SWITCHBOARD_DEMO=0</code>.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card className="mb-5 grid grid-cols-2 divide-border sm:grid-cols-3 lg:grid-cols-6 lg:divide-x" aria-label="Fleet totals">
            <Total label={troubled.length ? `Clusters · ${troubled.length} need attention` : 'Clusters · all current'} value={formatCount(clusters.length)} tone={troubled.length ? 'text-warn' : 'text-text'} />
            <Total label="Services" value={formatCount(sum((c) => c.summary.services))} href={routes.catalog()} />
            <Total label="Ingresses" value={formatCount(sum((c) => c.summary.ingresses))} />
            <Total label="Ready endpoints" value={`${formatCount(sum((c) => c.summary.endpoints.ready))} / ${formatCount(sum((c) => c.summary.endpoints.total))}`} />
            <Total label="Errors" value={formatCount(errors)} href={routes.diagnostics({ severity: 'ERROR' })} tone={errors ? 'text-bad' : 'text-text'} />
            <Total label="Warnings" value={formatCount(warnings)} href={routes.diagnostics({ severity: 'WARNING' })} tone={warnings ? 'text-warn' : 'text-text'} />
          </Card>
          <div className="grid grid-cols-[repeat(auto-fill,minmax(440px,1fr))] gap-4" data-testid="cluster-cards">
            {ordered.map((c) => (
              <ClusterCard key={c.id} cluster={c} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
