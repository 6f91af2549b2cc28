import type { Metadata } from 'next';
import { IngressView } from '../../../../../../../../features/ingress/ingress-view';
import { IngressPageQuery } from '../../../../../../../../features/ingress/queries';
import { ObjectLoadError, type ObjectParams, objectRef } from '../../../../../../../../features/object/object-route';
import { serverQuery } from '../../../../../../../../lib/graphql/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: ObjectParams }): Promise<Metadata> {
  const p = await objectRef(params);
  return { title: `${p.name} (ingress) · ${p.namespace} · ${p.cluster}` };
}

/** One ingress: its rules with resolved backends, its URLs and findings. */
export default async function IngressPage({ params }: { params: ObjectParams }) {
  const at = await objectRef(params);
  const result = await serverQuery(IngressPageQuery, at, { notFound: true });
  return result.ok ? <IngressView ingress={result.data.ingress} /> : <ObjectLoadError noun="ingress" at={at} problem={result.problem} />;
}
