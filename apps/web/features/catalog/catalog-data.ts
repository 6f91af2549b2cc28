import type { Client, CombinedError } from '@urql/core';
import { type ApiProblem, problemOf } from '../../lib/graphql/errors';
import type { CatalogGroupsQuery, CatalogServiceRowFragment, CatalogServicesQuery, ServiceFilterInput, ServiceSort } from '../../lib/graphql/generated/graphql';
import { CatalogGroupsQuery as GroupsDoc, CatalogServicesQuery as ServicesDoc } from './queries';

/** Rows per request: a few screens' worth (the API allows up to 100). */
export const PAGE_SIZE = 50;

export type ServiceRow = CatalogServiceRowFragment;
export type GroupRow = CatalogGroupsQuery['serviceGroups']['nodes'][number];

/** One entry of the catalog list: a service, or (grouped) a service group. */
export type CatalogItem = { id: string; service: ServiceRow; group?: undefined } | { id: string; group: GroupRow; service?: undefined };

export interface CatalogPage {
  items: CatalogItem[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export function servicePage(data: CatalogServicesQuery): CatalogPage {
  const s = data.services;
  return { items: s.nodes.map((service) => ({ id: service.id, service })), totalCount: s.totalCount, hasNextPage: s.pageInfo.hasNextPage, endCursor: s.pageInfo.endCursor ?? null };
}

export function groupPage(data: CatalogGroupsQuery): CatalogPage {
  const g = data.serviceGroups;
  return { items: g.nodes.map((group) => ({ id: group.id, group })), totalCount: g.totalCount, hasNextPage: g.pageInfo.hasNextPage, endCursor: g.pageInfo.endCursor ?? null };
}

/** A failed browser request as the API (or the dashboard's proxy in front of it) put it. */
export function problemOfUrql(error: CombinedError): ApiProblem {
  if (error.graphQLErrors.length) return problemOf(error.graphQLErrors, error.message);
  const status = (error.response as Response | undefined)?.status;
  if (status === 502 || status === 504 || !status) return { code: 'API_UNREACHABLE', message: status ? `the dashboard answered HTTP ${status}: the API is not answering` : `the request failed: ${error.networkError?.message ?? error.message}` };
  if (status === 401) return { code: 'UNAUTHENTICATED', message: 'the session has ended' };
  return { code: 'UNKNOWN', message: `the dashboard answered HTTP ${status}` };
}

/** The page fetcher for a view: services in the chosen order, or service groups (namespace/name order). */
export function catalogFetcher(client: Client, filter: ServiceFilterInput, view: { group: true } | { group: false; sort: ServiceSort }) {
  return async (after: string | null, first: number): Promise<CatalogPage> => {
    if (view.group) {
      const r = await client.query(GroupsDoc, { filter, first, after }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error || !r.data) throw r.error ? problemOfUrql(r.error) : { code: 'UNKNOWN', message: 'the API answered without data' };
      return groupPage(r.data);
    }
    const r = await client.query(ServicesDoc, { filter, sort: view.sort, first, after }, { requestPolicy: 'network-only' }).toPromise();
    if (r.error || !r.data) throw r.error ? problemOfUrql(r.error) : { code: 'UNKNOWN', message: 'the API answered without data' };
    return servicePage(r.data);
  };
}
