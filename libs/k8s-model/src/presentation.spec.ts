import { describe, expect, it } from 'vitest';
import { clusterSyncStatus, DIAGNOSTIC_CODES, DIAGNOSTIC_TITLES, diagnosticHint, serviceKindLabel, serviceTypeSummary, SERVICE_TYPES, type SyncStatus } from './index.js';

describe('clusterSyncStatus', () => {
  const k = (...s: SyncStatus[]) => s.map((status) => ({ status }));
  it.each<[string, boolean, { status: SyncStatus }[], SyncStatus]>([
    ['paused wins', true, k('ERROR'), 'PAUSED'],
    ['no kind reported yet', false, [], 'PENDING'],
    ['all ready', false, k('READY', 'READY'), 'READY'],
    ['one still listing', false, k('READY', 'SYNCING'), 'SYNCING'],
    ['one degraded', false, k('READY', 'DEGRADED', 'SYNCING'), 'DEGRADED'],
    ['the worst is ERROR', false, k('DEGRADED', 'ERROR', 'READY'), 'ERROR'],
  ])('%s', (_n, paused, kinds, expected) => expect(clusterSyncStatus(paused, kinds)).toBe(expected));
});

describe('service kinds and hints', () => {
  it('headless ClusterIP services are their own kind; every kind has a one-sentence summary', () => {
    expect(serviceKindLabel({ type: 'ClusterIP', headless: true })).toBe('Headless');
    expect(serviceKindLabel({ type: 'NodePort', headless: false })).toBe('NodePort');
    for (const type of SERVICE_TYPES) for (const headless of [false, true]) expect(serviceTypeSummary({ type, headless })).toMatch(/^[A-Z].{30,}\.$/);
  });
  it('every diagnostic code has a title and a hint that says what to do', () => {
    for (const code of DIAGNOSTIC_CODES) {
      expect(DIAGNOSTIC_TITLES[code]).toMatch(/^[A-Z]/);
      for (const severity of ['ERROR', 'WARNING'] as const) {
        expect(diagnosticHint({ code, severity, object: { kind: 'Service', cluster: 'c', namespace: 'shop', name: 'web' } })).toMatch(/^[A-Z].{20,}[.)]$/);
      }
    }
    expect(diagnosticHint({ code: 'DUPLICATE_HOST_PATH', severity: 'ERROR', object: { kind: 'Ingress', cluster: 'c', namespace: 'shop', name: 'web' } })).toMatch(/in a cluster/);
    expect(diagnosticHint({ code: 'DUPLICATE_HOST_PATH', severity: 'WARNING', object: { kind: 'Ingress', cluster: 'c', namespace: 'shop', name: 'web' } })).toMatch(/every cluster/);
  });
});
