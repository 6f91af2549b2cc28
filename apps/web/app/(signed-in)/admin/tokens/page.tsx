import { KeyRound } from 'lucide-react';
import Link from 'next/link';
import { Card } from '../../../../components/ui/card';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState, ErrorState } from '../../../../components/ui/states';
import { AdminTokensQuery } from '../../../../features/admin/queries';
import { CreateTokenButton } from '../../../../features/admin/tokens/create-token-dialog';
import { TokenCard } from '../../../../features/admin/tokens/token-card';
import { problemAdvice } from '../../../../lib/graphql/errors';
import { serverQuery } from '../../../../lib/graphql/server';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Tokens and grants' };

export default async function AdminTokensPage({ searchParams }: { searchParams: Promise<{ revoked?: string }> }) {
  const includeRevoked = (await searchParams).revoked === '1';
  const result = await serverQuery(AdminTokensQuery, { includeRevoked });
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Tokens and grants" />
        <ErrorState title="The tokens could not be loaded" message={result.problem.message}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  const { tokens, clusters, me } = result.data;
  return (
    <>
      <PageHeader
        title="Tokens and grants"
        description="API tokens for people and automation: their role, where they may change things (grants), and when they expire. Secrets are shown once, at creation."
        actions={<CreateTokenButton clusters={clusters} />}
      />
      <p className="mb-3 text-sm">
        {includeRevoked ? <Link href="/admin/tokens">Hide revoked tokens</Link> : <Link href="/admin/tokens?revoked=1">Show revoked tokens too</Link>}
      </p>
      {tokens.length === 0 ? (
        <Card>
          <EmptyState title="No tokens" icon={KeyRound}>
            Create one for each teammate and each automation, so the audit log says who did what.
          </EmptyState>
        </Card>
      ) : (
        <div className="flex flex-col gap-3">
          {tokens.map((t) => (
            <TokenCard key={t.id} token={t} clusters={clusters} isSelf={t.id === me.tokenId} />
          ))}
        </div>
      )}
    </>
  );
}
