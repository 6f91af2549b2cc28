import type { AnyVariables, Client, DocumentInput, OperationResult } from '@urql/core';
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

/**
 * One network-only query, cancelled when `signal` aborts: unsubscribing tears the
 * operation down, and urql's fetch exchange aborts the HTTP request.
 */
function queryOnce<Data, Variables extends AnyVariables>(client: Client, doc: DocumentInput<Data, Variables>, variables: Variables, signal?: AbortSignal): Promise<Data> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let done = false;
    const finish = (r: OperationResult<Data, Variables>) => {
      done = true;
      signal?.removeEventListener('abort', onAbort);
      if (r.error || !r.data) reject(r.error ? problemOfUrql(r.error) : ({ code: 'UNKNOWN', message: 'the API answered without data' } satisfies ApiProblem));
      else resolve(r.data);
    };
    const sub = client.query(doc, variables, { requestPolicy: 'network-only' }).subscribe((r) => {
      if (done || r.stale || r.hasNext) return;
      finish(r);
      queueMicrotask(() => sub?.unsubscribe());
    });
    function onAbort() {
      if (done) return;
      done = true;
      sub.unsubscribe();
      reject(signal!.reason);
    }
    if (!done) signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The page fetcher for a view: services in the chosen order, or service groups (namespace/name order). */
export function catalogFetcher(client: Client, filter: ServiceFilterInput, view: { group: true } | { group: false; sort: ServiceSort }) {
  return async (after: string | null, first: number, signal?: AbortSignal): Promise<CatalogPage> => {
    if (view.group) return groupPage(await queryOnce(client, GroupsDoc, { filter, first, after }, signal));
    return servicePage(await queryOnce(client, ServicesDoc, { filter, sort: view.sort, first, after }, signal));
  };
}
