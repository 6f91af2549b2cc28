import type { Metadata } from 'next';
import { PageHeader } from '../../../../../../../../components/ui/page-header';
import { ErrorState } from '../../../../../../../../components/ui/states';
import { IngressEditor } from '../../../../../../../../features/ingress-editor/ingress-editor';
import { newIngressState } from '../../../../../../../../features/ingress-editor/ingress-form';
import { IngressEditorContextQuery } from '../../../../../../../../features/ingress-editor/queries';
import { problemAdvice } from '../../../../../../../../lib/graphql/errors';
import { serverQuery } from '../../../../../../../../lib/graphql/server';
import { routes, safeDecode } from '../../../../../../../../lib/routes';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; namespace: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  return { title: `New ingress · ${safeDecode(p.namespace)} · ${safeDecode(p.cluster)}` };
}

/** A new ingress in one namespace: rules as rows over the namespace's services. */
export default async function NewIngressPage({ params }: { params: Params }) {
  const p = await params;
  const cluster = safeDecode(p.cluster);
  const namespace = safeDecode(p.namespace);
  const context = await serverQuery(IngressEditorContextQuery, { cluster, namespace });
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Services', href: routes.catalog() }, { label: cluster, href: routes.catalog({ cluster }) }, { label: namespace, href: routes.catalog({ cluster, namespace }) }, { label: 'Ingresses' }]}
        title="New ingress"
        description={`Route HTTP(S) requests by host and path to services of namespace ${namespace} in cluster ${cluster}.`}
      />
      {context.ok ? (
        <IngressEditor cluster={cluster} namespace={namespace} context={context.data} initial={newIngressState(context.data.services.nodes[0])} />
      ) : (
        <ErrorState title="The namespace's services could not be loaded" message={context.problem.message}>
          {problemAdvice(context.problem)}
        </ErrorState>
      )}
    </>
  );
}
