import { PageHeader } from '../../../../components/ui/page-header';
import { ErrorState } from '../../../../components/ui/states';
import { CreateServiceForm } from '../../../../features/service-form/create-service-form';
import { ServiceFormTargetsQuery } from '../../../../features/service-form/queries';
import { problemAdvice } from '../../../../lib/graphql/errors';
import { serverQuery } from '../../../../lib/graphql/server';
import { routes } from '../../../../lib/routes';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New service' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** /services/new?cluster=&namespace= — a page, so "create a service here" can be linked from anywhere. */
export default async function NewServicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const targets = await serverQuery(ServiceFormTargetsQuery, {});
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Services', href: routes.catalog() }, { label: 'New service' }]}
        title="New service"
        description="Any kind of service, without writing YAML: every field is checked as you type with the rules the API applies, the manifest on the right is exactly what will be applied, and Review shows the cluster's dry run before anything changes."
      />
      {targets.ok ? (
        <CreateServiceForm targets={targets.data} initialCluster={one(q.cluster)} initialNamespace={one(q.namespace)} />
      ) : (
        <ErrorState title="Could not load the clusters and namespaces" message={targets.problem.message}>
          {problemAdvice(targets.problem)}
        </ErrorState>
      )}
    </>
  );
}
