import { DomainError } from '../../errors/domain-error.js';

/** The REST query parameter of each search argument the services check under its GraphQL name. */
const REST_NAMES: Readonly<Record<string, string>> = {
  first: 'limit',
  after: 'cursor',
  clusters: 'cluster',
  namespaces: 'namespace',
  types: 'type',
  kinds: 'kind',
  labelSelector: 'label',
  search: 'q',
  severities: 'severity',
  codes: 'code',
  // Service groups: the catalog's filter, flat over REST (its text search is `search` there; `q` is the group's name).
  'filter.clusters': 'cluster',
  'filter.types': 'type',
  'filter.kinds': 'kind',
  'filter.labelSelector': 'label',
  'filter.search': 'search',
};

/**
 * A shared search as a REST controller calls it: a validation error names the query
 * parameters the caller sent (`limit`), not the GraphQL arguments (`first`).
 */
export async function inRestNames<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'VALIDATION_FAILED' || !err.details.some((d) => REST_NAMES[d.field])) throw err;
    const details = err.details.map((d) => ({ ...d, field: REST_NAMES[d.field] ?? d.field }));
    // The summary names the field when there is one issue: say it the REST way too.
    const derived = err.message === DomainError.validation(err.details).message;
    throw DomainError.validation(details, derived ? undefined : err.message);
  }
}
