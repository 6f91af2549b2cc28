import type { NodeAddress, NodeRecord } from '../catalog-types.js';
import { conditionTrue, type Normalized, readMeta } from './meta.js';
import { Reader } from './reader.js';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const REGION_LABEL = 'topology.kubernetes.io/region';

export function normalizeNode(raw: unknown): Normalized<NodeRecord> {
  const r: Reader = new Reader('Node');
  const { o, meta } = readMeta(r, raw, false);
  const spec = r.obj(o['spec'], 'spec');
  const status = r.obj(o['status'], 'status');
  const addresses: NodeAddress[] = r.arr(status?.['addresses'], 'status.addresses').map((a, i) => {
    const f = `status.addresses[${i}]`;
    const ao = r.obj(a, f) ?? {};
    return { type: r.reqStr(ao['type'], `${f}.type`), address: r.reqStr(ao['address'], `${f}.address`) };
  });
  // The first address of each type is the one kubectl and kube-proxy treat as primary.
  const first = (type: string) => addresses.find((a) => a.type === type)?.address ?? null;
  const podCidrs = r.strList(spec?.['podCIDRs'], 'spec.podCIDRs');
  const record: NodeRecord = {
    name: meta.name,
    uid: meta.uid,
    addresses,
    internalIp: first('InternalIP'),
    externalIp: first('ExternalIP'),
    hostname: first('Hostname'),
    zone: meta.labels[ZONE_LABEL] || null,
    region: meta.labels[REGION_LABEL] || null,
    ready: conditionTrue(r, status?.['conditions'], 'status.conditions', 'Ready'),
    unschedulable: r.bool(spec?.['unschedulable'], 'spec.unschedulable') ?? false,
    podCidr: r.optStr(spec?.['podCIDR'], 'spec.podCIDR') ?? podCidrs[0] ?? null,
    labels: meta.labels,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
