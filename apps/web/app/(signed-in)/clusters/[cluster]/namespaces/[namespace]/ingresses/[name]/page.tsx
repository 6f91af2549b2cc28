import type { Metadata } from 'next';
import { PageHeader } from '../../../../../../../../components/ui/page-header';
import { ErrorState } from '../../../../../../../../components/ui/states';
import { IngressView } from '../../../../../../../../features/ingress/ingress-view';
import { IngressPageQuery } from '../../../../../../../../features/ingress/queries';
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
  return { title: `${p.name} (ingress) · ${p.namespace} · ${p.cluster}` };
}

/** One ingress: its rules with resolved backends, its URLs and findings. */
export default async function IngressPage({ params }: { params: Params }) {
  const p = await decoded(params);
  const result = await serverQuery(IngressPageQuery, p, { notFound: true });
  if (!result.ok) {
    return (
      <>
        <PageHeader crumbs={[{ label: 'Services', href: routes.catalog() }, { label: p.cluster }, { label: p.namespace }]} title={p.name} />
        <ErrorState title="The ingress could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  return <IngressView ingress={result.data.ingress} />;
}
