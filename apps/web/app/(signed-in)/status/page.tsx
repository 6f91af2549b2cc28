import { Card, CardHeader } from '../../../components/ui/card';
import { Facts } from '../../../components/ui/key-values';
import { PageHeader } from '../../../components/ui/page-header';
import { StatusBadge } from '../../../components/ui/badge';
import { ErrorState } from '../../../components/ui/states';
import { AutoRefresh } from '../../../features/status/auto-refresh';
import { StatusQuery } from '../../../features/status/queries';
import { fetchJson, type Readiness } from '../../../lib/api';
import { publicApiUrl } from '../../../lib/config';
import { problemAdvice } from '../../../lib/graphql/errors';
import { serverQuery } from '../../../lib/graphql/server';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Deployment status' };

export default async function StatusPage() {
  const [ready, system] = await Promise.all([fetchJson<Readiness>('/readyz', [200, 503]), serverQuery(StatusQuery, {})]);
  const overall = !ready.ok ? 'down' : ready.value.ready ? 'ready' : 'starting';
  return (
    <>
      <AutoRefresh seconds={5} />
      <PageHeader
        title="Deployment status"
        description="This Switchboard deployment: its API, where the catalog is stored, and how automation reaches it."
        badges={
          <span data-testid="overall-status">
            <StatusBadge status={overall === 'ready' ? 'READY' : overall === 'starting' ? 'SYNCING' : 'ERROR'} label={overall === 'ready' ? 'All systems ready' : overall === 'starting' ? 'Starting up' : 'API unreachable'} />
          </span>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="API" description="GraphQL and REST answer the same questions through the same services." />
          <div className="p-4">
            {system.ok ? (
              <Facts
                rows={[
                  ['Version', system.data.system.version],
                  ['Role', system.data.system.role === 'all' ? 'all (serves requests and mirrors clusters)' : system.data.system.role],
                  [
                    'GraphQL',
                    <span key="g">
                      <code>{publicApiUrl}/graphql</code> — POST, or GET with <code>?query=</code>; <code>Authorization: Bearer &lt;token&gt;</code>
                    </span>,
                  ],
                  [
                    'REST',
                    <span key="r">
                      <a href="/api/docs">API reference</a> (signed in as you); automation calls <code>{publicApiUrl}/api/v1</code> with a bearer token
                    </span>,
                  ],
                ]}
              />
            ) : (
              <ErrorState title="The API did not answer" message={system.problem.message}>
                {problemAdvice(system.problem)}
              </ErrorState>
            )}
          </div>
        </Card>
        <Card>
          <CardHeader title="Catalog database" description="The mirror of every cluster, and what Kubernetes does not hold: clusters, tokens, grants, audit." />
          <div className="p-4">
            {ready.ok ? (
              <Facts
                rows={[
                  ['Kind', ready.value.database.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL server'],
                  ['Location', <code key="l">{ready.value.database.location}</code>],
                  ['Reachable', ready.value.database.reachable ? 'yes' : `no — ${ready.value.database.error ?? 'unknown'}`],
                  ['Migrations', `${ready.value.migrations.applied} applied${ready.value.migrations.pending.length ? `, pending: ${ready.value.migrations.pending.join(', ')}` : ''}`],
                ]}
              />
            ) : (
              <ErrorState title="Readiness unknown" message={ready.error} />
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
