import type { Metadata } from 'next';
import { PageHeader } from '../../../../../../../../../components/ui/page-header';
import { IngressEditor } from '../../../../../../../../../features/ingress-editor/ingress-editor';
import { ingressStateOf } from '../../../../../../../../../features/ingress-editor/ingress-form';
import { IngressEditorContextQuery, IngressEditorIngressQuery } from '../../../../../../../../../features/ingress-editor/queries';
import { ObjectLoadError, type ObjectParams, objectRef } from '../../../../../../../../../features/object/object-route';
import { serverQuery } from '../../../../../../../../../lib/graphql/server';
import { routes } from '../../../../../../../../../lib/routes';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: ObjectParams }): Promise<Metadata> {
  const p = await objectRef(params);
  return { title: `Edit ${p.name} (ingress) · ${p.namespace} · ${p.cluster}` };
}

/** Edit an ingress: its rules, TLS and class as rows; a diff before anything is applied. */
export default async function EditIngressPage({ params }: { params: ObjectParams }) {
  const at = await objectRef(params);
  const [ingress, context] = await Promise.all([serverQuery(IngressEditorIngressQuery, at, { notFound: true }), serverQuery(IngressEditorContextQuery, { cluster: at.cluster, namespace: at.namespace })]);
  if (!ingress.ok) return <ObjectLoadError noun="ingress" at={at} problem={ingress.problem} />;
  if (!context.ok) return <ObjectLoadError noun="namespace's services" at={at} problem={context.problem} />;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Services', href: routes.catalog() }, { label: at.cluster, href: routes.catalog({ cluster: at.cluster }) }, { label: at.namespace, href: routes.catalog({ cluster: at.cluster, namespace: at.namespace }) }, { label: at.name, href: routes.ingress(at.cluster, at.namespace, at.name) }]}
        title={`Edit ingress ${at.name}`}
        description="Change its rules, TLS entries or class. Labels, annotations and a default backend stay as they are."
      />
      <IngressEditor cluster={at.cluster} namespace={at.namespace} context={context.data} initial={ingressStateOf(ingress.data.ingress)} editing={at.name} />
    </>
  );
}
