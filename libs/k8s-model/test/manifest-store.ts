// A toy object store that applies plan steps the way Switchboard's manifests are meant
// to be applied (test-only): every apply body states Switchboard's whole intent, so
// "apply" replaces metadata maps and spec; "delete" removes the object.
import type { IngressRecord, Manifest, PlanAction, PlanStep, ServiceRecord } from '../src/index.js';
import { ingressManifestFromRecord, normalizeIngress, serviceInputFromRecord, serviceManifest } from '../src/index.js';

export type Store = Map<string, Manifest>;

const key = (a: { kind: string; namespace: string; name: string }) => `${a.kind}/${a.namespace}/${a.name}`;

/** Manifests without preconditions: what the object looks like, not how it was written. */
function plain(m: Manifest): Manifest {
  const copy = JSON.parse(JSON.stringify(m)) as Manifest;
  delete copy.metadata.resourceVersion;
  return copy;
}

export function storeOf(services: ServiceRecord[], ingresses: IngressRecord[]): Store {
  const s: Store = new Map();
  for (const svc of services) s.set(key({ kind: 'Service', ...svc }), serviceManifest(serviceInputFromRecord(svc, { nodePorts: true }), { namespace: svc.namespace }));
  for (const ing of ingresses) s.set(key({ kind: 'Ingress', ...ing }), ingressManifestFromRecord(ing));
  return s;
}

export function run(store: Store, action: PlanAction): void {
  if (action.op === 'delete') {
    if (!store.delete(key(action))) throw new Error(`delete of missing ${key(action)}`);
  } else store.set(key(action), plain(action.manifest));
}

/**
 * Runs the steps in order, as the API will. With `failAt`, that step "fails" and the
 * ones before it are undone in reverse order; returns how many steps took effect.
 */
export function runPlan(store: Store, steps: PlanStep[], failAt?: number): number {
  const done: PlanStep[] = [];
  for (const [i, step] of steps.entries()) {
    if (i === failAt) {
      rollback(store, done);
      return 0;
    }
    run(store, step);
    done.push(step);
  }
  return done.length;
}

export function rollback(store: Store, done: PlanStep[]): void {
  for (const d of [...done].reverse()) run(store, d.undo);
}

/** A stored ingress as the catalog would mirror it (what the API server adds: identity). */
export function storedIngress(m: Manifest): IngressRecord {
  if (m.kind !== 'Ingress') throw new Error('not an ingress');
  return normalizeIngress({ ...m, metadata: { ...m.metadata, uid: `uid-${m.metadata.name}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' } }).record;
}

export const ingressesIn = (s: Store): IngressRecord[] => [...s.values()].filter((m) => m.kind === 'Ingress').map(storedIngress);

export const snapshot = (s: Store) => Object.fromEntries([...s.entries()].sort(([a], [b]) => a.localeCompare(b)));
