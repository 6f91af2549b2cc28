import type { Metadata } from 'next';
import { ObjectLoadError, type ObjectParams, objectRef } from '../../../../../../../../features/object/object-route';
import { ServiceReachabilityQuery } from '../../../../../../../../features/reachability/queries';
import { ServicePageQuery } from '../../../../../../../../features/service/queries';
import { ServiceView } from '../../../../../../../../features/service/service-view';
import { serverQuery } from '../../../../../../../../lib/graphql/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: ObjectParams }): Promise<Metadata> {
  const p = await objectRef(params);
  return { title: `${p.name} · ${p.namespace} · ${p.cluster}` };
}

/** One service: where it is reachable, what it is made of, and how it is doing. */
export default async function ServicePage({ params }: { params: ObjectParams }) {
  const at = await objectRef(params);
  // Reachability is asked apart: a failure there leaves the rest of the page standing.
  const [result, reach] = await Promise.all([serverQuery(ServicePageQuery, at, { notFound: true }), serverQuery(ServiceReachabilityQuery, at)]);
  return result.ok ? <ServiceView service={result.data.service} reach={reach} /> : <ObjectLoadError noun="service" at={at} problem={result.problem} />;
}
