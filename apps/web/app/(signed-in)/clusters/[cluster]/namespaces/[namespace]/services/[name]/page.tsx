import type { Metadata } from 'next';
import { PageHeader } from '../../../../../../../../components/ui/page-header';
import { ErrorState } from '../../../../../../../../components/ui/states';
import { ServicePageQuery } from '../../../../../../../../features/service/queries';
import { ServiceView } from '../../../../../../../../features/service/service-view';
import { problemAdvice } from '../../../../../../../../lib/graphql/errors';
import { serverQuery } from '../../../../../../../../lib/graphql/server';
import { routes, safeDecode } from '../../../../../../../../lib/routes';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; namespace: string; name: string }>;

const decoded = async (params: Params) => {
  const p = await params;
  return { cluster: safeDecode(p.cluster), namespace: safeDecode(p.namespace), name: safeDecode(p.name) };
};

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await decoded(params);
  return { title: `${p.name} · ${p.namespace} · ${p.cluster}` };
}

/** One service: where it is reachable, what it is made of, and how it is doing. */
export default async function ServicePage({ params }: { params: Params }) {
  const p = await decoded(params);
  const result = await serverQuery(ServicePageQuery, p, { notFound: true });
  if (!result.ok) {
    return (
      <>
        <PageHeader crumbs={[{ label: 'Services', href: routes.catalog() }, { label: p.cluster }, { label: p.namespace }]} title={p.name} />
        <ErrorState title="The service could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  return <ServiceView service={result.data.service} />;
}
