import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SimCluster, startCluster } from '@switchboard/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KIND_SPECS } from '../../src/sync/kind-specs.js';
import { rest } from '../support/api-client.js';
import { registerCluster } from '../support/register-cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const rule = parse(readFileSync(path.join(root, 'deploy/monitoring/prometheus-rule.yaml'), 'utf8')) as { apiVersion: string; kind: string; spec: { groups: { name: string; rules: { alert: string; expr: string; for?: string; labels: { severity: string }; annotations: { summary: string } }[] }[] } };
const dashboard = JSON.parse(readFileSync(path.join(root, 'deploy/monitoring/grafana-dashboard.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };

/** Metric names an expression reads (Prometheus functions and label names are not metric names). */
const metricNames = (expr: string) => [...expr.replace(/\{[^}]*\}/g, '').matchAll(/\b((?:switchboard|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!);

describe('deploy/monitoring: alerts and the dashboard read metrics that exist', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let sim: SimCluster;
  let exposed: Map<string, string>;
  let metricsText: string;

  beforeAll(async () => {
    sim = await startCluster({ name: 'watched', scenario: 'seed' });
    db = await createTestDatabase();
    api = await startTestApp(db.config({ SYNC_LEASE_SECONDS: '3' }));
    await registerCluster(api, 'watched', sim.kubeconfig());
    await waitFor(async () => (await rest(api, 'GET', '/clusters/watched')).body.status === 'READY', 'READY', 30_000);
    await api.fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Probe { clusters { name } }', operationName: 'Probe' }) });
    metricsText = await (await api.fetch(`${api.url}/metrics`)).text();
    exposed = new Map([...metricsText.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  });
  afterAll(async () => {
    await api?.close();
    await sim?.stop();
    await db?.dispose();
  });

  const exists = (name: string) => {
    const histogram = /^(.*)_(bucket|sum|count)$/.exec(name);
    return exposed.has(name) || (histogram !== null && exposed.get(histogram[1]!) === 'histogram');
  };

  it('every metric an alert or a panel names is on /metrics', () => {
    const named = [...rule.spec.groups.flatMap((g) => g.rules.map((r) => r.expr)), ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))].flatMap(metricNames);
    expect(named.length).toBeGreaterThan(20);
    expect([...new Set(named)].filter((n) => !exists(n))).toEqual([]);
  });

  it('alerts on what the operations issue asks: a stale cluster, sync errors, lease churn, 5xx, an unreachable database', () => {
    expect(rule).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
    const alerts = rule.spec.groups.flatMap((g) => g.rules);
    const reads = (alert: string) => metricNames(alerts.find((a) => a.alert === alert)!.expr);
    expect(reads('SwitchboardClusterStale')).toEqual(['switchboard_sync_ready']);
    expect(alerts.find((a) => a.alert === 'SwitchboardClusterStale')!.for).toBe('5m');
    expect(reads('SwitchboardSyncErrors')).toEqual(['switchboard_sync_errors_total']);
    expect(reads('SwitchboardLeaseChurn')).toEqual(['switchboard_sync_lease_changes_total']);
    expect(reads('SwitchboardServerErrors')).toContain('switchboard_http_requests_total');
    expect(reads('SwitchboardDatabaseDown')).toEqual(['switchboard_database_up']);
    for (const a of alerts) expect([a.alert, a.labels.severity, a.annotations.summary.length > 0]).toEqual([a.alert, expect.stringMatching(/^(page|ticket)$/), true]);
  });

  it('/metrics has the series that say the state right now: sync per cluster × kind, requests by route and operation, the database', () => {
    const text = metricsText;
    for (const { kind } of KIND_SPECS) expect(text).toContain(`switchboard_sync_ready{cluster="watched",kind="${kind}"} 1`);
    expect(text).toMatch(/switchboard_http_requests_total\{method="GET",route="\/api\/v1\/clusters\/:cluster",status="200"\} \d+/);
    expect(text).toMatch(/switchboard_graphql_operations_total\{operation="Probe",type="query",outcome="ok"\} 1/);
    expect(text).toMatch(/switchboard_database_up 1/);
    expect(text).toMatch(/switchboard_sync_lease_changes_total\{change="acquired"\} 1/);
  });
});
