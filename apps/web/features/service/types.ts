import type { ServicePageQuery } from '../../lib/graphql/generated/graphql';

/** The service as its page query returns it. */
export type PageService = ServicePageQuery['service'];
