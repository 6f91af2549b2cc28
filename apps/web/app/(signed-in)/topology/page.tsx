import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState } from '../../../components/ui/states';
import { LiveRefresh } from '../../../features/live/use-live';
import { scopeOfParams, type SeedResult, topologyRequest } from '../../../features/topology/model';
import { TopologyQuery, TopologyScopesQuery } from '../../../features/topology/queries';
import { TopologyExplorer } from '../../../features/topology/topology-explorer';
import { problemAdvice } from '../../../lib/graphql/errors';
import { serverQuery } from '../../../lib/graphql/server';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Topology' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/**
 * The graph is drawn in the browser (layout in a worker). The server starts fetching the
 * graph of the URL's scope at once and streams it to the page (no second round trip after
 * hydration), and gives the scope pickers their clusters and namespaces.
 */
export default async function TopologyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const { key, variables } = topologyRequest(scopeOfParams({ cluster: one(sp.cluster), namespace: one(sp.namespace), focus: one(sp.focus) }));
  // Not awaited: it streams. A failure to answer at all falls back to the browser's own request.
  const seed: Promise<SeedResult | null> = serverQuery(TopologyQuery, variables).catch(() => null);
  const scopes = await serverQuery(TopologyScopesQuery, {});
  if (!scopes.ok) {
    return (
      <>
        <PageHeader title="Topology" />
        <ErrorState title="The clusters could not be loaded" message={scopes.problem.message}>
          {problemAdvice(scopes.problem)}
        </ErrorState>
      </>
    );
  }
  return (
    <>
      {/* A namespace created or deleted reaches the pickers without a reload. */}
      <LiveRefresh catalog={{ kinds: ['NAMESPACE'] }} />
      <TopologyExplorer scopes={scopes.data} seed={{ key, result: seed }} />
    </>
  );
}
