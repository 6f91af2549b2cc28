import type { ContainerPort, PodRecord } from '../catalog-types.js';
import { conditionTrue, type Normalized, readMeta } from './meta.js';
import { Reader } from './reader.js';

export function normalizePod(raw: unknown): Normalized<PodRecord> {
  const r: Reader = new Reader('Pod');
  const { o, meta } = readMeta(r, raw, true);
  const spec = r.obj(o['spec'], 'spec');
  const status = r.obj(o['status'], 'status');
  const podIp = r.optStr(status?.['podIP'], 'status.podIP');
  const podIps = r.arr(status?.['podIPs'], 'status.podIPs').map((x, i) => r.reqStr(r.obj(x, `status.podIPs[${i}]`)?.['ip'], `status.podIPs[${i}].ip`));
  // Older servers only fill podIP; keep podIps consistent with it.
  if (podIps.length === 0 && podIp) podIps.push(podIp);
  const containerPorts: ContainerPort[] = [];
  r.arr(spec?.['containers'], 'spec.containers').forEach((c, i) => {
    const co = r.obj(c, `spec.containers[${i}]`) ?? {};
    const container = r.str(co['name'], `spec.containers[${i}].name`) ?? '';
    r.arr(co['ports'], `spec.containers[${i}].ports`).forEach((p, j) => {
      const f = `spec.containers[${i}].ports[${j}]`;
      const po = r.obj(p, f) ?? {};
      containerPorts.push({
        container,
        name: r.optStr(po['name'], `${f}.name`),
        containerPort: r.reqInt(po['containerPort'], `${f}.containerPort`),
        protocol: r.optStr(po['protocol'], `${f}.protocol`) ?? 'TCP',
      });
    });
  });
  // The controller reference is the workload that owns the pod (ReplicaSet, StatefulSet…).
  const owner = meta.ownerReferences.find((ref) => ref['controller'] === true);
  const record: PodRecord = {
    namespace: meta.namespace!,
    name: meta.name,
    uid: meta.uid,
    podIp: podIp ?? podIps[0] ?? null,
    podIps,
    hostIp: r.optStr(status?.['hostIP'], 'status.hostIP'),
    nodeName: r.optStr(spec?.['nodeName'], 'spec.nodeName'),
    phase: r.optStr(status?.['phase'], 'status.phase'),
    ready: conditionTrue(r, status?.['conditions'], 'status.conditions', 'Ready'),
    terminating: meta.deletionTimestamp !== null,
    hostname: r.optStr(spec?.['hostname'], 'spec.hostname'),
    subdomain: r.optStr(spec?.['subdomain'], 'spec.subdomain'),
    hostNetwork: spec?.['hostNetwork'] === true,
    ownerKind: owner ? r.optStr(owner['kind'], 'metadata.ownerReferences[].kind') : null,
    ownerName: owner ? r.optStr(owner['name'], 'metadata.ownerReferences[].name') : null,
    ownerUid: owner ? r.optStr(owner['uid'], 'metadata.ownerReferences[].uid') : null,
    containerPorts,
    labels: meta.labels,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
