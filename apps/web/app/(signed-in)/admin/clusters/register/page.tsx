import { PageHeader } from '../../../../../components/ui/page-header';
import { RegisterClusterForm } from '../../../../../features/admin/clusters/register-cluster-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Register clusters' };

export default function RegisterClustersPage() {
  return (
    <>
      <PageHeader
        title="Register clusters"
        crumbs={[{ label: 'Clusters', href: '/admin/clusters' }, { label: 'Register' }]}
        description="From a kubeconfig: choose its contexts, test the connection, then register. Nothing is stored until the test passes and you register."
      />
      <RegisterClusterForm />
    </>
  );
}
