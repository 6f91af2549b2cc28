import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectLoadError, type ObjectParams, objectRef } from '../../../../../../../../features/object/object-route';
import { PolicyView } from '../../../../../../../../features/reachability/policy-view';
import { NetworkPolicyPageQuery } from '../../../../../../../../features/reachability/queries';
import { serverQuery } from '../../../../../../../../lib/graphql/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: ObjectParams }): Promise<Metadata> {
  const p = await objectRef(params);
  return { title: `${p.name} (NetworkPolicy) · ${p.namespace} · ${p.cluster}` };
}

/** One NetworkPolicy: what it selects, its rules, and the connections it allows. */
export default async function NetworkPolicyPage({ params }: { params: ObjectParams }) {
  const at = await objectRef(params);
  const result = await serverQuery(NetworkPolicyPageQuery, at, { notFound: true });
  if (!result.ok) return <ObjectLoadError noun="NetworkPolicy" at={at} problem={result.problem} />;
  if (!result.data.networkPolicy) notFound();
  return <PolicyView policy={result.data.networkPolicy} siblings={result.data.networkPolicies} />;
}
