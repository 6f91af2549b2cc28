import { PageHeader } from '../../components/ui/page-header';
import { ErrorState } from '../../components/ui/states';
import { type ApiProblem, problemAdvice } from '../../lib/graphql/errors';
import { routes, safeDecode } from '../../lib/routes';

/** The params of /clusters/[cluster]/namespaces/[namespace]/{services,ingresses}/[name]. */
export type ObjectParams = Promise<{ cluster: string; namespace: string; name: string }>;

export async function objectRef(params: ObjectParams): Promise<{ cluster: string; namespace: string; name: string }> {
  const p = await params;
  return { cluster: safeDecode(p.cluster), namespace: safeDecode(p.namespace), name: safeDecode(p.name) };
}

/** An object page whose query failed (other than not found): the object named, the API's reason, what to do. */
export function ObjectLoadError({ noun, at, problem }: { noun: string; at: { cluster: string; namespace: string; name: string }; problem: ApiProblem }) {
  return (
    <>
      <PageHeader crumbs={[{ label: 'Services', href: routes.catalog() }, { label: at.cluster }, { label: at.namespace }]} title={at.name} />
      <ErrorState title={`The ${noun} could not be loaded`} message={problem.message}>
        {problemAdvice(problem)}
      </ErrorState>
    </>
  );
}
