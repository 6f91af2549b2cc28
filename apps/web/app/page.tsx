import { fetchJson, type Readiness, requireSignIn, type SystemInfo } from '../lib/api';
import { publicApiUrl } from '../lib/config';
import { AutoRefresh } from './auto-refresh';

export const dynamic = 'force-dynamic';

export default async function StatusPage() {
  const [ready, system] = await Promise.all([
    fetchJson<Readiness>('/readyz', [200, 503]),
    fetchJson<SystemInfo>('/api/v1/system'),
  ]);
  requireSignIn(system, '/');
  const overall = !ready.ok ? 'down' : ready.value.ready ? 'ready' : 'starting';
  return (
    <>
      <AutoRefresh seconds={5} />
      <h1>Deployment status</h1>
      <p className={`pill pill-${overall}`} data-testid="overall-status">
        {overall === 'ready' ? 'All systems ready' : overall === 'starting' ? 'Starting up' : 'API unreachable'}
      </p>
      <section className="cards">
        <article className="card">
          <h2>API</h2>
          {system.ok ? (
            <dl>
              <dt>Version</dt>
              <dd>{system.value.version}</dd>
              <dt>Role</dt>
              <dd>{system.value.role}</dd>
              <dt>GraphQL</dt>
              <dd>
                <code>{publicApiUrl}/graphql</code> (POST, or GET with <code>?query=</code>; <code>Authorization: Bearer &lt;token&gt;</code>)
              </dd>
              <dt>REST</dt>
              <dd>
                <a href="/api/docs">API reference</a> (signed in as you); automation calls <code>{publicApiUrl}/api/v1</code> with a bearer token
              </dd>
            </dl>
          ) : (
            <p className="error">{system.error}</p>
          )}
        </article>
        <article className="card">
          <h2>Catalog database</h2>
          {ready.ok ? (
            <dl>
              <dt>Kind</dt>
              <dd>{ready.value.database.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL server'}</dd>
              <dt>Location</dt>
              <dd>{ready.value.database.location}</dd>
              <dt>Reachable</dt>
              <dd>{ready.value.database.reachable ? 'yes' : `no — ${ready.value.database.error ?? 'unknown'}`}</dd>
              <dt>Migrations</dt>
              <dd>
                {ready.value.migrations.applied} applied
                {ready.value.migrations.pending.length ? `, pending: ${ready.value.migrations.pending.join(', ')}` : ''}
              </dd>
            </dl>
          ) : (
            <p className="error">{ready.error}</p>
          )}
        </article>
      </section>
    </>
  );
}
