import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { SearchParams } from 'nuqs/server';
import { PageHeader } from '../../../components/ui/page-header';
import { CreateServiceLink } from '../../../features/service-form/create-service-link';
import { type CatalogItem, groupPage, PAGE_SIZE, servicePage } from '../../../features/catalog/catalog-data';
import { CatalogView } from '../../../features/catalog/catalog-view';
import { CatalogFacetsQuery, CatalogGroupsQuery, CatalogServicesQuery } from '../../../features/catalog/queries';
import { NewIngressLink } from '../../../features/ingress-editor/new-ingress-link';
import { apiFilter, apiSort, loadCatalogParams, viewKey } from '../../../features/catalog/search-params';
import type { InitialPage } from '../../../features/catalog/use-keyset-pages';
import { serverQuery } from '../../../lib/graphql/server';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Services' };

/**
 * The catalog's first view comes from the server (rows in the HTML, no spinner); the
 * client takes over for filters, further pages and live updates. An invalid label
 * selector sends nothing: the view says what is wrong with it.
 */
export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = loadCatalogParams(await searchParams);
  const filter = apiFilter(params);
  const key = viewKey(params);
  const clusters = params.cluster.length ? params.cluster : null;
  const [first, facets] = await Promise.all([
    filter === null
      ? null
      : params.group
        ? serverQuery(CatalogGroupsQuery, { filter, first: PAGE_SIZE }).then((r) => (r.ok ? { ok: true as const, page: groupPage(r.data) } : r))
        : serverQuery(CatalogServicesQuery, { filter, sort: apiSort(params), first: PAGE_SIZE }).then((r) => (r.ok ? { ok: true as const, page: servicePage(r.data) } : r)),
    serverQuery(CatalogFacetsQuery, { clusters }),
  ]);
  const initial: InitialPage<CatalogItem> | null = first === null ? null : first.ok ? { key, page: first.page } : { key, problem: first.problem };
  const clusterCount = facets.ok ? facets.data.clusters.length : null;
  return (
    <>
      <PageHeader
        title="Services"
        actions={
          <>
            <CreateServiceLink cluster={params.cluster.length === 1 ? params.cluster[0] : undefined} namespace={params.cluster.length === 1 && params.namespace.length === 1 ? params.namespace[0] : undefined} />
            {params.cluster.length === 1 && params.namespace.length === 1 && <NewIngressLink cluster={params.cluster[0]!} namespace={params.namespace[0]!} />}
          </>
        }
        description={
          <>
            Every service {clusterCount === null ? 'in the registered clusters' : `in ${clusterCount} cluster${clusterCount === 1 ? '' : 's'}`}: where it runs, the URL it answers on, and whether it is healthy. Filters stay in the address, so a view can be bookmarked or shared.
          </>
        }
      />
      <NuqsAdapter>
        <CatalogView initial={initial} facets={facets.ok ? facets.data : null} />
      </NuqsAdapter>
    </>
  );
}
