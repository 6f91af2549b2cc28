import type { Metadata } from 'next';
import { PageHeader } from '../../../../../../../../../components/ui/page-header';
import { ObjectLoadError, type ObjectParams, objectRef } from '../../../../../../../../../features/object/object-route';
import { ChangeGuard } from '../../../../../../../../../features/service-form/change-guard';
import { EditServiceForm } from '../../../../../../../../../features/service-form/edit-service-form';
import { ServiceEditQuery } from '../../../../../../../../../features/service-form/queries';
import { serverQuery } from '../../../../../../../../../lib/graphql/server';
import { routes } from '../../../../../../../../../lib/routes';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: ObjectParams }): Promise<Metadata> {
  const p = await objectRef(params);
  return { title: `Edit ${p.name} · ${p.namespace} · ${p.cluster}` };
}

/** Change a service: the form starts from the service as the catalog mirrors it. */
export default async function EditServicePage({ params }: { params: ObjectParams }) {
  const at = await objectRef(params);
  const result = await serverQuery(ServiceEditQuery, at, { notFound: true });
  if (!result.ok) return <ObjectLoadError noun="service" at={at} problem={result.problem} />;
  const page = routes.service(at.cluster, at.namespace, at.name);
  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Services', href: routes.catalog() },
          { label: at.cluster, href: routes.catalog({ cluster: at.cluster }) },
          { label: at.namespace, href: routes.catalog({ cluster: at.cluster, namespace: at.namespace }) },
          { label: at.name, href: page },
        ]}
        title={`Edit ${at.name}`}
        description="Change its ports, selector, labels, annotations or kind. What a change means is spelled out as you make it; Review shows the cluster's dry run and the diff before anything changes."
      />
      <ChangeGuard cluster={at.cluster} namespace={at.namespace} back={{ href: page, label: `Back to ${at.name}` }}>
        <EditServiceForm service={result.data.service} />
      </ChangeGuard>
    </>
  );
}
