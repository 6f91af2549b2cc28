import { ScrollText } from 'lucide-react';
import Link from 'next/link';
import { StatusBadge } from '../../../../components/ui/badge';
import { Button } from '../../../../components/ui/button';
import { Card } from '../../../../components/ui/card';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState, ErrorState } from '../../../../components/ui/states';
import { TimeAgo } from '../../../../components/ui/time-ago';
import { AuditDiffButton } from '../../../../features/admin/audit/audit-diff-button';
import { AuditFilterForm } from '../../../../features/admin/audit/audit-filters';
import { AUDIT_FILTERS, type AuditFilters, auditHref, OUTCOMES } from '../../../../features/admin/audit/audit-params';
import { AuditEventsQuery } from '../../../../features/admin/queries';
import { problemAdvice } from '../../../../lib/graphql/errors';
import type { AuditOutcome } from '../../../../lib/graphql/generated/graphql';
import { serverQuery } from '../../../../lib/graphql/server';
import { formatCount } from '../../../../lib/kinds';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log' };

const PAGE = 50;
const OUTCOME_STATUS: Record<AuditOutcome, string> = { SUCCEEDED: 'OK', FAILED: 'ERROR', REPLAYED: 'INFO' };

type Params = Partial<Record<(typeof AUDIT_FILTERS)[number] | 'after', string | string[]>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const raw = await searchParams;
  const filters: AuditFilters = Object.fromEntries(AUDIT_FILTERS.map((k) => [k, one(raw[k])]).filter(([, v]) => v));
  const after = one(raw.after);
  const outcome = OUTCOMES.find((o) => o === filters.outcome);
  const result = await serverQuery(AuditEventsQuery, { actor: filters.actor, action: filters.action, cluster: filters.cluster, namespace: filters.namespace, outcome, first: PAGE, after });
  const header = <PageHeader title="Audit log" description="Every change and every refused attempt, newest first: who, what, where, the outcome and the diff. Nothing here can be edited or deleted." />;
  if (!result.ok) {
    return (
      <>
        {header}
        <AuditFilterForm filters={filters} clusters={[]} />
        <ErrorState title="The audit log could not be read" message={result.problem.message} action={<Link href="/admin/audit">Clear the filters</Link>}>
          {problemAdvice(result.problem)}
        </ErrorState>
      </>
    );
  }
  const { nodes, totalCount, pageInfo } = result.data.auditEvents;
  const filtered = Object.keys(filters).length > 0;
  const link = (patch: AuditFilters, text: string, label: string) => (
    <Link href={auditHref({ ...filters, ...patch })} title={`Only entries with ${label}`} className="text-text hover:underline">
      {text}
    </Link>
  );
  return (
    <>
      {header}
      <AuditFilterForm filters={filters} clusters={result.data.clusters} />
      <Card>
        <div className="flex items-center justify-between gap-3 border-b border-border px-4 py-2.5 text-sm">
          <p className="text-muted" data-testid="audit-count">
            {formatCount(totalCount)} {totalCount === 1 ? 'entry' : 'entries'}
            {filtered ? (totalCount === 1 ? ' matches the filters' : ' match the filters') : ''}
            {after ? ' · showing older entries' : ''}
          </p>
          {after && <Link href={auditHref(filters)}>Back to the newest</Link>}
        </div>
        {nodes.length === 0 ? (
          <EmptyState title={filtered ? 'No entry matches these filters' : 'Nothing has been audited yet'} icon={ScrollText} action={filtered ? <Link href="/admin/audit">Clear the filters</Link> : undefined}>
            {filtered ? 'Filters match exactly (actor as listed, action name, cluster, namespace).' : 'Every change made through the dashboard or the API appears here, refusals included.'}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="audit-table">
              <caption className="sr-only">Audit entries, newest first</caption>
              <thead className="text-left text-xs text-muted">
                <tr>
                  <th className="px-4 py-2 font-medium">When</th>
                  <th className="px-2 py-2 font-medium">Actor</th>
                  <th className="px-2 py-2 font-medium">Action</th>
                  <th className="px-2 py-2 font-medium">Object</th>
                  <th className="px-2 py-2 font-medium">Outcome</th>
                  <th className="px-4 py-2 font-medium">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((e) => (
                  <tr key={e.id} className="border-t border-border align-top" data-action={e.action} data-outcome={e.outcome}>
                    <td className="px-4 py-2 whitespace-nowrap text-muted">
                      <TimeAgo iso={e.at} />
                    </td>
                    <td className="max-w-64 px-2 py-2 font-mono text-xs break-words">
                      {link({ actor: e.actor }, e.actor, `actor ${e.actor}`)}
                      {e.actorRole && <span className="text-muted"> · {e.actorRole}</span>}
                    </td>
                    <td className="px-2 py-2 font-mono text-xs">
                      {link({ action: e.action }, e.action, `action ${e.action}`)}
                      {e.dryRun && <span className="ml-1 text-muted">(dry run)</span>}
                    </td>
                    <td className="px-2 py-2 font-mono text-xs break-all">
                      {e.cluster || e.namespace || e.name ? (
                        <>
                          {e.cluster && link({ cluster: e.cluster }, e.cluster, `cluster ${e.cluster}`)}
                          {e.namespace && (
                            <>
                              {e.cluster && '/'}
                              {link({ namespace: e.namespace }, e.namespace, `namespace ${e.namespace}`)}
                            </>
                          )}
                          {e.name && e.name !== e.namespace && (
                            <span className="text-text">
                              {(e.cluster || e.namespace) && '/'}
                              {e.name}
                            </span>
                          )}
                        </>
                      ) : (
                        <span className="text-muted">—</span>
                      )}
                    </td>
                    <td className="px-2 py-2">
                      <span className="flex flex-wrap items-center gap-1.5">
                        <StatusBadge status={OUTCOME_STATUS[e.outcome]} label={e.outcome} />
                        {e.errorCode && <code className="text-xs text-text">{e.errorCode}</code>}
                      </span>
                    </td>
                    <td className="px-4 py-1.5 text-right">
                      <AuditDiffButton entry={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pageInfo.hasNextPage && pageInfo.endCursor && (
          <div className="flex justify-end border-t border-border px-4 py-2.5">
            <Button asChild size="sm">
              <Link href={auditHref(filters, pageInfo.endCursor)}>Older entries</Link>
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
