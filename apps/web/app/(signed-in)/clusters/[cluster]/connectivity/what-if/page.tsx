import type { Metadata } from 'next';
import { PageHeader } from '../../../../../../components/ui/page-header';
import { ErrorState } from '../../../../../../components/ui/states';
import { problemAdvice } from '../../../../../../lib/graphql/errors';
import { serverQuery } from '../../../../../../lib/graphql/server';
import { routes, safeDecode } from '../../../../../../lib/routes';
import { WhatIfContextQuery } from '../../../../../../features/what-if/queries';
import { defaultDenyTemplate, policyRefOf } from '../../../../../../features/what-if/template';
import { WhatIfPanel } from '../../../../../../features/what-if/what-if-panel';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string }>;
type Search = Promise<{ from?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Try a NetworkPolicy · ${safeDecode((await params).cluster)}` };
}

/** Try manifests over the mirror of a cluster: the connections they would gain, lose or change. */
export default async function WhatIfPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const cluster = safeDecode((await params).cluster);
  const from = policyRefOf((await searchParams).from);
  const result = await serverQuery(WhatIfContextQuery, { cluster, namespace: from?.namespace ?? '', name: from?.name ?? '', withPolicy: !!from }, { notFound: true });
  const header = (
    <PageHeader
      crumbs={[{ label: 'Services', href: routes.catalog() }, { label: cluster, href: routes.catalog({ cluster }) }, ...(from ? [{ label: `${from.namespace}/${from.name}`, href: routes.networkPolicy(cluster, from.namespace, from.name) }] : []), { label: 'What if' }]}
      title="Try a NetworkPolicy"
      description={`Paste or edit manifests and compare them with what cluster ${cluster}'s policies allow now. This reads the mirror only: nothing is applied to the cluster, so any signed-in viewer may try.`}
    />
  );
  if (!result.ok) {
    return (
      <>
        {header}
        <ErrorState title="The cluster could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  const namespaces = result.data.namespaces.map((n) => n.name);
  const policy = result.data.networkPolicy;
  const initial = policy?.manifest ?? defaultDenyTemplate(namespaces.includes('default') ? 'default' : (namespaces[0] ?? 'default'));
  return (
    <>
      {header}
      <WhatIfPanel cluster={cluster} namespaces={namespaces} initial={initial} />
    </>
  );
}
