import type { NamespaceRecord } from '../catalog-types.js';
import { type Normalized, readMeta } from './meta.js';
import { Reader } from './reader.js';

export function normalizeNamespace(raw: unknown): Normalized<NamespaceRecord> {
  const r: Reader = new Reader('Namespace');
  const { o, meta } = readMeta(r, raw, false);
  const status = r.obj(o['status'], 'status');
  const record: NamespaceRecord = {
    name: meta.name,
    uid: meta.uid,
    phase: r.optStr(status?.['phase'], 'status.phase'),
    labels: meta.labels,
    annotations: meta.annotations,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
