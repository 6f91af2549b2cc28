import { CircleCheck, Plus, Server } from 'lucide-react';
import Link from 'next/link';
import { Button } from '../../../../components/ui/button';
import { Card } from '../../../../components/ui/card';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState, ErrorState } from '../../../../components/ui/states';
import { ClusterAdminCard } from '../../../../features/admin/clusters/cluster-admin-card';
import { AdminClustersQuery } from '../../../../features/admin/queries';
import { LiveRefresh } from '../../../../features/live/use-live';
import { problemAdvice } from '../../../../lib/graphql/errors';
import { serverQuery } from '../../../../lib/graphql/server';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Clusters' };

export default async function AdminClustersPage({ searchParams }: { searchParams: Promise<{ registered?: string; removed?: string }> }) {
  const { registered, removed } = await searchParams;
  const result = await serverQuery(AdminClustersQuery, {});
  const registerButton = (
    <Button asChild variant="primary">
      <Link href="/admin/clusters/register">
        <Plus aria-hidden className="size-4" />
        Register clusters
      </Link>
    </Button>
  );
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Clusters" />
        <ErrorState title="The clusters could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  const clusters = result.data.clusters;
  const fresh = new Set((registered ?? '').split(',').filter(Boolean));
  return (
    <>
      <LiveRefresh clusterStatus={[]} />
      <PageHeader title="Clusters" description="Every registered cluster, how Switchboard reaches it and how its mirror is doing. Pause, resync, rename, relabel or remove it here." actions={registerButton} />
      {fresh.size > 0 && (
        <p role="status" className="mb-4 flex items-center gap-2 rounded-md border border-ok/40 bg-ok-soft px-3 py-2 text-sm text-ok">
          <CircleCheck aria-hidden className="size-4" />
          Registered {[...fresh].join(', ')}: its kinds are being listed now.
        </p>
      )}
      {removed && (
        <p role="status" className="mb-4 flex items-center gap-2 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-text">
          <CircleCheck aria-hidden className="size-4" />
          Removed {removed} and its catalog rows.
        </p>
      )}
      {clusters.length === 0 ? (
        <Card>
          <EmptyState title="No cluster is registered" icon={Server} action={registerButton}>
            Register one from a kubeconfig: Switchboard tests the connection first and stores nothing unless it works.
          </EmptyState>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          {clusters.map((c) => (
            <ClusterAdminCard key={c.id} cluster={c} highlighted={fresh.has(c.name)} />
          ))}
        </div>
      )}
    </>
  );
}
