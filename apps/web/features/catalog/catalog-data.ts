import type { Client } from '@urql/core';
import { type ApiProblem, problemOfUrql } from '../../lib/graphql/errors';
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
