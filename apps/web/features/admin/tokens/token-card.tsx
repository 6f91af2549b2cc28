import { Badge } from '../../../components/ui/badge';
import { TimeAgo } from '../../../components/ui/time-ago';
import type { TokenFieldsFragment } from '../../../lib/graphql/generated/graphql';
import { RevokeTokenButton } from './revoke-token-button';
import { TokenGrants } from './token-grants';

const STATUS: Record<TokenFieldsFragment['status'], { tone: 'ok' | 'idle' | 'bad'; word: string }> = {
  ACTIVE: { tone: 'ok', word: 'Active' },
  EXPIRED: { tone: 'idle', word: 'Expired' },
  REVOKED: { tone: 'bad', word: 'Revoked' },
};

/** One token: who it is for, what it may do, where (grants), when it was used, and revoke. */
export function TokenCard({ token, clusters, isSelf }: { token: TokenFieldsFragment; clusters: { name: string; displayName: string }[]; isSelf: boolean }) {
  const status = STATUS[token.status];
  const active = token.status === 'ACTIVE';
  const headingId = `token-${token.id}`;
  return (
    <article aria-labelledby={headingId} data-testid={`token-${token.name}`} data-status={token.status} className="rounded-lg border border-border bg-surface shadow-card">
      <div className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-base font-semibold break-all text-text">
              {token.name}
            </h2>
            <Badge tone={status.tone}>{status.word}</Badge>
            <Badge tone="info">{token.role}</Badge>
            {token.readScope === 'GRANTS' && <Badge tone="warn">reads its grants only</Badge>}
            {isSelf && <Badge tone="idle">you</Badge>}
          </div>
          <p className="mt-1 text-xs text-muted">
            <code className="font-mono text-text">{token.prefix}…</code> · created <TimeAgo iso={token.createdAt} />
            {token.createdBy ? ` by ${token.createdBy}` : ''} · last used <TimeAgo iso={token.lastUsedAt} /> ·{' '}
            {token.revokedAt ? (
              <>
                revoked <TimeAgo iso={token.revokedAt} />
              </>
            ) : token.expiresAt ? (
              <>
                expires <TimeAgo iso={token.expiresAt} />
              </>
            ) : (
              'never expires'
            )}
          </p>
        </div>
        {active && <RevokeTokenButton token={token} isSelf={isSelf} />}
      </div>
      <div className="border-t border-border px-4 py-3">
        <h3 className="mb-1.5 text-xs font-semibold text-muted">Grants</h3>
        <TokenGrants token={token} clusters={clusters} editable={active && token.role !== 'admin'} />
      </div>
    </article>
  );
}
